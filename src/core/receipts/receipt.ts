import type {ConsentRecord, ConsentSource} from '../types.js';
import {canonicalJson} from './canonical-json.js';
import type {ConsentReceipt} from './types.js';

/** What a receipt needs beyond the record. */
export interface ReceiptOptions {
  /** Where the decision was given. Default: the record's `source`, else `"api"`. */
  readonly source?: ConsentSource;
  /** From `hashShown`; `null` where the browser has no Web Crypto. */
  readonly configHash: string | null;
  /** The page's URL (`location.href` or a `Location`); only origin and path are kept. */
  readonly page: string | URL | Pick<Location, 'href'>;
  /** `"samtycke/<version>"`. */
  readonly widget: string;
  /** Default: a new random UUID. */
  readonly receiptId?: string;
}

/** A version 4 UUID; `crypto.randomUUID` exists only in secure contexts, `getRandomValues` everywhere. */
export function randomUuid(): string {
  if (typeof globalThis.crypto?.randomUUID === 'function') return globalThis.crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Origin and path of a URL: a query or fragment may carry personal data (e-mail links, order ids). */
const pageOf = (page: ReceiptOptions['page']): string => {
  const url = new URL(typeof page === 'string' ? page : page.href);
  return url.origin === 'null' ? `${url.protocol}${url.pathname}` : `${url.origin}${url.pathname}`;
};

const booleans = (map: Readonly<Record<string, boolean>>): Readonly<Record<string, boolean>> =>
  Object.freeze(Object.fromEntries(Object.entries(map).map(([id, allowed]) => [id, allowed === true])));

/**
 * The receipt of one decision: every category and service of the record, true or false, with the
 * record's consent id, method, time, revision and language. Holds no IP address and no user agent.
 * Throws `TypeError` when `page` is not an absolute URL.
 */
export function createReceipt(record: ConsentRecord, options: ReceiptOptions): ConsentReceipt {
  const time = Date.parse(record.timestamp);
  return Object.freeze({
    receiptId: options.receiptId ?? randomUuid(),
    consentId: record.consentId,
    timestamp: Number.isNaN(time) ? record.timestamp : new Date(time).toISOString(),
    method: record.method,
    source: options.source ?? record.source ?? 'api',
    categories: booleans(record.categories),
    services: booleans(record.services),
    revision: record.revision,
    language: record.language,
    configHash: options.configHash,
    page: pageOf(options.page),
    widget: options.widget,
  });
}

/**
 * SHA-256 (lowercase hex) of what the visitor was shown: the UTF-8 bytes of
 * `canonicalJson({config, language, texts})`, where `config` is the configuration file as
 * loaded, `language` the language of the texts, and `texts` every text key resolved in that
 * language. See `canonicalJson` for the exact form, so a server can compute it again.
 *
 * Resolves to `null` where Web Crypto is missing (`crypto.subtle` exists only in secure
 * contexts: https or localhost) or refuses; a receipt without a hash is better than none.
 * Rejects with `TypeError` when the input is not JSON data.
 *
 * @param platform where `subtle` comes from; default `globalThis.crypto`.
 */
export async function hashShown(
  configJson: unknown,
  texts: Readonly<Record<string, string>>,
  language: string,
  platform: {readonly subtle?: SubtleCrypto} = globalThis.crypto ?? {},
): Promise<string | null> {
  const bytes = new TextEncoder().encode(canonicalJson({config: configJson, language, texts}));
  const subtle = platform.subtle;
  if (!subtle) return null;
  try {
    const digest = await subtle.digest('SHA-256', bytes);
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  } catch {
    return null;
  }
}
