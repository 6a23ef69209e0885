import {ConsentMethod, type ConsentRecord, type ConsentSource} from '../types.js';

/**
 * A synchronous copy of the decision, so a returning visitor's scripts are released (and Google
 * Consent Mode updated) in the task that starts Samtycke, as fast as with a cookie-based widget,
 * while IndexedDB (the record) is still opening. IndexedDB wins whenever the two differ. Written
 * only after IndexedDB accepted the record, so a browser that refuses IndexedDB never gets a
 * decision carried to the next page.
 */
export interface DecisionMirror {
  read(): ConsentRecord | null;
  write(record: ConsentRecord | null): void;
}

/** The decision cookie's name. */
export const DECISION_COOKIE = 'samtycke';

/** Consent Mode keys in the order of the cookie's last field. */
export const CONSENT_MODE_KEYS = [
  'ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage', 'functionality_storage', 'personalization_storage', 'security_storage',
] as const;
export type ConsentModeKey = (typeof CONSENT_MODE_KEYS)[number];
export type ConsentModeSignals = Readonly<Record<ConsentModeKey, 'granted' | 'denied'>>;

/** What the cookie holds: the decision, and the Consent Mode signals it gave (when Consent Mode is on). */
export interface DecisionCookie {
  readonly record: ConsentRecord;
  readonly signals: ConsentModeSignals | null;
}

const METHODS = new Set<string>(Object.values(ConsentMethod));
const SOURCES = new Set<string>(['banner', 'preferences', 'privacy-center', 'embed', 'gpc', 'expiry', 'api']);
const ID = /^[a-z][a-z0-9-]{0,39}$/;
const list = (values: Readonly<Record<string, boolean>>) => Object.keys(values).filter((id) => values[id]).join('~');

/**
 * `1.<consentId>.<timestamp>.<expires>.<revision>.<method>.<source>.<language>.<categories>.<services>.<gcm>`:
 * times in milliseconds, base 36; granted category and service ids joined by `~`; `gcm` one
 * letter (`g`ranted, `d`enied) per Consent Mode key, empty when Consent Mode is off. Only
 * cookie-safe characters, so servers read it without decoding.
 */
export function encodeDecisionCookie(record: ConsentRecord, signals: ConsentModeSignals | null): string {
  const gcm = signals ? CONSENT_MODE_KEYS.map((key) => signals[key][0]).join('') : '';
  return [
    1, record.consentId, Date.parse(record.timestamp).toString(36), Date.parse(record.expires).toString(36), record.revision,
    record.method, record.source ?? 'api', record.language, list(record.categories), list(record.services), gcm,
  ].join('.');
}

/** The decision in a cookie value, or null for anything that is not exactly the format above. */
export function parseDecisionCookie(value: string | undefined): DecisionCookie | null {
  const parts = value?.split('.') ?? [];
  if (parts.length !== 11 || parts[0] !== '1') return null;
  const [, consentId, timestamp, expires, revision, method, source, language, categories, services, gcm] = parts;
  const ids = (text: string) => (text ? text.split('~') : []);
  const times = [timestamp, expires].map((t) => (/^[0-9a-z]{1,12}$/.test(t) ? parseInt(t, 36) : NaN));
  const ok = /^[\w-]{8,64}$/.test(consentId) && times.every(Number.isFinite) && /^\d{1,9}$/.test(revision) &&
    METHODS.has(method) && SOURCES.has(source) && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/.test(language) &&
    [...ids(categories), ...ids(services)].every((id) => ID.test(id)) && /^([gd]{7})?$/.test(gcm);
  if (!ok) return null;
  const granted = (text: string) => Object.fromEntries(ids(text).map((id) => [id, true]));
  return {
    record: {
      consentId, method: method as ConsentMethod, source: source as ConsentSource,
      timestamp: new Date(times[0]).toISOString(), expires: new Date(times[1]).toISOString(), revision: Number(revision), language,
      categories: granted(categories), services: granted(services),
    },
    signals: gcm ? (Object.fromEntries(CONSENT_MODE_KEYS.map((key, i) => [key, gcm[i] === 'g' ? 'granted' : 'denied'])) as ConsentModeSignals) : null,
  };
}

/** The value of the decision cookie in a `document.cookie` string. */
export const readDecisionCookie = (cookies: string): string | undefined =>
  cookies.split(/;\s*/).find((c) => c.startsWith(`${DECISION_COOKIE}=`))?.slice(DECISION_COOKIE.length + 1);

/** Whether two records give the same decision (the cookie holds granted ids only). */
export function sameDecision(a: ConsentRecord | null, b: ConsentRecord | null): boolean {
  if (!a || !b) return a === b;
  return a.consentId === b.consentId && a.timestamp === b.timestamp && a.expires === b.expires && a.revision === b.revision &&
    a.method === b.method && list(a.categories) === list(b.categories) && list(a.services) === list(b.services);
}

/**
 * The mirror in a first-party cookie that the shop's server can read too, and may set again from
 * its own responses (Safari caps script-written cookies at seven days, not server-set ones).
 * `signals` gives the Consent Mode signals a record means, or null when Consent Mode is off.
 */
export function createCookieMirror(document: Document, signals: (record: ConsentRecord) => ConsentModeSignals | null = () => null): DecisionMirror {
  const set = (value: string, maxAge: number) => {
    const secure = document.location.protocol === 'https:' ? '; Secure' : '';
    document.cookie = `${DECISION_COOKIE}=${value}; Path=/; Max-Age=${maxAge}; SameSite=Lax${secure}`;
  };
  return {
    read: () => parseDecisionCookie(readDecisionCookie(document.cookie))?.record ?? null,
    write: (record) => {
      const seconds = record ? Math.floor((Date.parse(record.expires) - Date.now()) / 1000) : 0;
      if (record && seconds > 0) set(encodeDecisionCookie(record, signals(record)), seconds);
      else set('', 0);
    },
  };
}

/** A mirror that keeps nothing: for tests and hosts without synchronous storage. */
export const noMirror: DecisionMirror = {read: () => null, write: () => undefined};
