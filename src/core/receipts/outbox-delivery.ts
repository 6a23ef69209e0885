import type {ConsentReceipt} from './types.js';

/** At most this many receipts in one request. */
export const BATCH_RECEIPTS = 50;

/**
 * At most this many bytes in one request body: browsers refuse a `keepalive` request once the
 * bodies of all of a page's keepalive requests in flight pass 64 KiB (Fetch standard, "keepalive").
 */
export const BATCH_BYTES = 60 * 1024;

/** One request's worth of receipts, oldest first, and its body. */
export interface Batch {
  readonly receipts: readonly ConsentReceipt[];
  readonly body: string;
}

const encoder = new TextEncoder();
const bytesOf = (text: string): number => encoder.encode(text).length;

/**
 * The oldest receipts of `waiting` that fit in one request (≤ 50 receipts, ≤ 60 KB), with the
 * body `{"receipts": […], "decisionCookie": "…"}`. A single receipt larger than the limit goes
 * alone rather than never.
 */
export function takeBatch(waiting: readonly ConsentReceipt[], decisionCookie: string | undefined): Batch {
  let bytes = bytesOf(JSON.stringify({receipts: [], decisionCookie}));
  const receipts: ConsentReceipt[] = [];
  for (const receipt of waiting) {
    const more = bytesOf(JSON.stringify(receipt)) + (receipts.length ? 1 : 0);
    if (receipts.length && (receipts.length === BATCH_RECEIPTS || bytes + more > BATCH_BYTES)) break;
    receipts.push(receipt);
    bytes += more;
  }
  return {receipts, body: JSON.stringify({receipts, decisionCookie})};
}

/** A receipt the endpoint refused for good, as its 400 answer names it. */
export interface InvalidReceipt {
  readonly receiptId: string;
  readonly path: string;
  readonly message: string;
}

/** What one request came to. */
export interface Outcome {
  /** Ids of the batch that may leave the outbox: accepted, duplicates, or refused for good. */
  readonly removed: ReadonlySet<string>;
  /** Network error, timeout, 5xx, 408 or 429: ask again later. */
  readonly transient: boolean;
  /** Milliseconds the endpoint asked us to wait (`Retry-After`). */
  readonly retryAfter?: number;
  /** Receipts the endpoint refused for good (400 `errors`). */
  readonly invalid: readonly InvalidReceipt[];
  /** An answer outside the contract, in words, for the console. */
  readonly problem?: string;
}

/** A `Retry-After` header has no business parking receipts for longer than a day. */
const MAX_RETRY_AFTER = 86_400_000;

/** `Retry-After` as milliseconds from `now`: delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterOf(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text) - now;
  return Number.isNaN(ms) ? undefined : Math.min(Math.max(ms, 0), MAX_RETRY_AFTER);
}

/** An outcome for a request that never got an answer. */
export const NO_ANSWER: Outcome = {removed: new Set(), transient: true, invalid: []};

const idsIn = (body: unknown, key: string, sent: ReadonlySet<string>): string[] => {
  const list = (body as Record<string, unknown> | null)?.[key];
  return Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string' && sent.has(id)) : [];
};

/** Reads the endpoint's answer to a batch, per the contract in the README ("Consent receipts"). */
export async function interpret(response: Response, batch: readonly ConsentReceipt[], now: number): Promise<Outcome> {
  const {status} = response;
  if (status >= 500 || status === 408 || status === 429) {
    return {removed: new Set(), transient: true, invalid: [], retryAfter: retryAfterOf(response.headers.get('Retry-After'), now)};
  }
  const sent = new Set(batch.map((r) => r.receiptId));
  const body: unknown = await response.json().catch(() => null);
  const removed = new Set([...idsIn(body, 'accepted', sent), ...idsIn(body, 'duplicates', sent)]);
  const errors = (body as {errors?: unknown} | null)?.errors;
  const invalid: InvalidReceipt[] = [];
  if (status === 400 && Array.isArray(errors)) {
    for (const error of errors as Partial<InvalidReceipt>[]) {
      const id = error?.receiptId;
      if (typeof id !== 'string' || !sent.has(id) || removed.has(id)) continue;
      removed.add(id);
      invalid.push({receiptId: id, path: String(error.path ?? ''), message: String(error.message ?? '')});
    }
  }
  let problem: string | undefined;
  if (status >= 200 && status < 300) {
    if (removed.size < sent.size) problem = `answered ${status} without listing every receipt it was sent in "accepted" or "duplicates"`;
  } else if (status !== 400) {
    problem = `answered ${status}`;
  } else if (!removed.size) {
    problem = 'answered 400 without naming the invalid receipts in "errors"';
  }
  return {removed, transient: false, invalid, problem};
}
