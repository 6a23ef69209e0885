// The decision cookie (`samtycke=1.<consentId>.…`, written by the widget) set again by the server.
// Safari's Intelligent Tracking Prevention caps storage written by script at seven days; a cookie
// the shop's own server sets in an HTTP response is not capped that way, so a visitor's choice
// lasts as long as the shop says (https://webkit.org/tracking-prevention/).
import {NAME, checkId, checkLanguage} from './formats.mjs';
import {METHODS, SOURCES} from './receipt-validation.mjs';

const BASE36 = /^[0-9a-z]{1,11}$/;
const LIST = /^(?:[a-z][a-z0-9-]{0,39}(?:~[a-z][a-z0-9-]{0,39})*)?$/;
/** Chromium and RFC 6265bis cap a cookie's lifetime at 400 days. */
const MAX_AGE_LIMIT = 400 * 24 * 60 * 60;

/**
 * Reads a decision cookie value in the format of the design contract:
 * `1.<consentId>.<timestamp ms base36>.<expires ms base36>.<revision>.<method>.<source>.<language>.<categories ~>.<services ~>.<gcm>`.
 * @returns {{consentId: string, timestamp: number, expires: number} | null} null when it does not fit
 */
export function parseDecisionCookie(value) {
  if (typeof value !== 'string' || value.length > 4096) return null;
  const parts = value.split('.');
  if (parts.length !== 11) return null;
  const [version, consentId, timestamp, expires, revision, method, source, language, categories, services, gcm] = parts;
  const fits = version === '1' && checkId(consentId) === null
    && BASE36.test(timestamp) && BASE36.test(expires) && /^[1-9]\d{0,8}$/.test(revision)
    && METHODS.includes(method) && SOURCES.includes(source)
    && checkLanguage(language) === null && LIST.test(categories) && LIST.test(services)
    && /^(?:[gd]{7})?$/.test(gcm)
    && [...categories.split('~'), ...services.split('~')].every((id) => id === '' || NAME.test(id));
  if (!fits) return null;
  const decision = {consentId, timestamp: parseInt(timestamp, 36), expires: parseInt(expires, 36)};
  return decision.expires > decision.timestamp ? decision : null;
}

/**
 * The `Set-Cookie` header that stores `value` on the shop's origin until the expiry it encodes,
 * with the attributes the widget uses; never HttpOnly, because the widget reads it.
 * @param {string} value a decision cookie value
 * @param {{secure: boolean, now?: number}} options `secure` when the request came over https
 * @returns {string | null} null when the value is not a decision cookie or has expired
 */
export function decisionCookieHeader(value, {secure, now = Date.now()}) {
  const decision = parseDecisionCookie(value);
  if (!decision) return null;
  const maxAge = Math.min(Math.floor((decision.expires - now) / 1000), MAX_AGE_LIMIT);
  if (maxAge <= 0) return null;
  return `samtycke=${value}; Path=/; Max-Age=${maxAge}; SameSite=Lax${secure ? '; Secure' : ''}`;
}
