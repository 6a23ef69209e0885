// The wire formats that receipts, rights requests and the decision cookie share: ids, timestamps,
// language tags, page addresses. Each check returns an error message, or null when the value fits.

/** A UUID (any version, either case), or the 32 hex digits the widget uses where `crypto.randomUUID` is missing. */
const ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})$/i;
/** Category and service ids, as the config schema allows them. */
export const NAME = /^[a-z][a-z0-9-]{0,39}$/;
/** As the config schema's `languageTag`. */
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
/** ISO 8601 in UTC, as `Date.prototype.toISOString` writes it (milliseconds optional). */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?Z$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_URL = 2048;

export const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The key an id is stored under: ids differ only in case are the same id. */
export const idKey = (id) => id.toLowerCase();

export function checkId(value) {
  if (typeof value !== 'string') return 'must be a string (a UUID)';
  return ID.test(value) ? null : 'must be a UUID such as "0b6c3f0e-5d1a-4c8e-9a57-2f1d3b9c7e40"';
}

export function checkLanguage(value) {
  if (typeof value !== 'string') return 'must be a string (a language tag)';
  return LANGUAGE.test(value) && value.length <= 35 ? null : 'must be a language tag such as "sv" or "sv-FI"';
}

/** Is `year-month-day` a day of the calendar (rejects 2025-02-30)? */
function realDay(year, month, day) {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function checkTimestamp(value) {
  if (typeof value !== 'string') return 'must be a string (an ISO 8601 time in UTC)';
  const match = TIMESTAMP.exec(value);
  const [y, mo, d, h, mi, s] = match ? match.slice(1).map(Number) : [];
  if (!match || !realDay(y, mo, d) || h > 23 || mi > 59 || s > 59) {
    return 'must be an ISO 8601 time in UTC such as "2025-05-01T09:30:00.000Z"';
  }
  return null;
}

/** `YYYY-MM-DD` → `{year, month, day}`, or null when it is not a calendar day. */
export function parseDay(value) {
  const match = typeof value === 'string' ? DAY.exec(value) : null;
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  return realDay(year, month, day) ? {year, month, day} : null;
}

export const formatDay = ({year, month, day}) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * The page a decision or request was made on: an absolute http(s) address without query,
 * fragment or credentials (a query can carry personal data such as an e-mail or order number).
 */
export function checkPage(value) {
  if (typeof value !== 'string') return 'must be a string (the page address)';
  if (value.length > MAX_URL) return `must be at most ${MAX_URL} characters`;
  let url;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute address such as "https://shop.example/checkout"';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http or https address';
  if (url.username || url.password) return 'must not contain a user name or password';
  if (value.includes('?') || value.includes('#')) return 'must not contain a query (?) or fragment (#): origin and path only';
  return null;
}

/** A plain string of `min`–`max` characters (code points) without control characters other than line breaks and tabs. */
export function checkText(value, {min = 0, max, multiline = false}) {
  if (typeof value !== 'string') return 'must be a string';
  const length = [...value].length;
  if ([...value.trim()].length < min) return min === 1 ? 'must not be empty' : `must be at least ${min} characters`;
  if (length > max) return `must be at most ${max} characters`;
  // eslint-disable-next-line no-control-regex
  const control = multiline ? /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/ : /[\u0000-\u001F\u007F]/;
  if (control.test(value)) return multiline ? 'must not contain control characters' : 'must be one line without control characters';
  return null;
}
