// Checks a consent receipt against the `ConsentReceipt` contract (src/core/receipts/types.ts),
// field by field. Strict: a receipt is proof, so a field that is missing, of the wrong shape or
// not in the contract makes the whole receipt invalid; nothing is silently dropped or coerced.
import {NAME, checkId, checkLanguage, checkPage, checkText, checkTimestamp, isObject} from './formats.mjs';

/** `ConsentMethod` of src/core/types.ts. */
export const METHODS = ['accept-all', 'reject-all', 'custom', 'withdrawal', 'service', 'expiry', 'gpc'];
/** `ConsentSource` of src/core/types.ts. */
export const SOURCES = ['banner', 'preferences', 'privacy-center', 'embed', 'gpc', 'expiry', 'api'];

const WIDGET = /^samtycke\/\d{1,4}\.\d{1,4}\.\d{1,6}(?:[-+][0-9A-Za-z.-]{1,40})?$/;
const HASH = /^[0-9a-f]{64}$/i;
const MAX_ENTRIES = 200;

/** Names that would identify the visitor; named in the error so the sender knows why. */
const IDENTIFYING = /^(ip|ips|ipaddress|remoteaddress|clientip|forwardedfor|useragent|ua|browser|fingerprint|email|e-mail|name|phone|address|userid|customerid|cookies?)$/i;

/** A map of every category or service id to true or false. */
function checkChoices(value) {
  if (!isObject(value)) return [['', 'must be an object of ids to true or false']];
  const keys = Object.keys(value);
  if (keys.length > MAX_ENTRIES) return [['', `must have at most ${MAX_ENTRIES} entries`]];
  return keys.flatMap((key) => {
    if (!NAME.test(key)) return [[`[${JSON.stringify(key)}]`, 'is not an id (lowercase letters, digits and hyphens, starting with a letter)']];
    return typeof value[key] === 'boolean' ? [] : [[`.${key}`, 'must be true or false']];
  });
}

/** Each field's check: `[subpath, message][]`, empty when the value fits. */
const FIELDS = {
  receiptId: (v) => one(checkId(v)),
  consentId: (v) => one(checkId(v)),
  timestamp: (v) => one(checkTimestamp(v)),
  method: (v) => one(METHODS.includes(v) ? null : `must be one of ${METHODS.join(', ')}`),
  source: (v) => one(SOURCES.includes(v) ? null : `must be one of ${SOURCES.join(', ')}`),
  categories: checkChoices,
  services: checkChoices,
  revision: (v) => one(Number.isSafeInteger(v) && v >= 1 ? null : 'must be a whole number of at least 1'),
  language: (v) => one(checkLanguage(v)),
  configHash: (v) => one(v === null || (typeof v === 'string' && HASH.test(v)) ? null : 'must be 64 hexadecimal digits (SHA-256) or null'),
  page: (v) => one(checkPage(v)),
  widget: (v) => one(checkText(v, {min: 1, max: 60}) ?? (WIDGET.test(v) ? null : 'must be "samtycke/<version>", such as "samtycke/0.1.0"')),
};

/** The fields of a receipt, in the order they are stored and exported. */
export const RECEIPT_FIELDS = Object.keys(FIELDS);

function one(message) {
  return message ? [['', message]] : [];
}

/**
 * Validates one receipt of a batch.
 * @param {unknown} value the receipt as sent
 * @param {string} path its JSON path in the request, such as `$.receipts[2]`
 * @returns {{receipt: object | null, errors: {receiptId: string | null, path: string, message: string}[]}}
 *   `receipt` is a fresh object with exactly the contract's fields when there are no errors.
 *   `receiptId` in errors is the id as sent when it is a string (so the client can drop it), else null.
 */
export function validateReceipt(value, path) {
  if (!isObject(value)) return {receipt: null, errors: [{receiptId: null, path, message: 'must be an object (a consent receipt)'}]};
  const receiptId = typeof value.receiptId === 'string' && value.receiptId.length <= 100 ? value.receiptId : null;
  const errors = [];
  const fail = (subpath, message) => errors.push({receiptId, path: `${path}${subpath}`, message});
  for (const [field, check] of Object.entries(FIELDS)) {
    if (!Object.hasOwn(value, field)) fail(`.${field}`, 'is missing');
    else for (const [subpath, message] of check(value[field])) fail(`.${field}${subpath}`, message);
  }
  for (const field of Object.keys(value).filter((key) => !Object.hasOwn(FIELDS, key))) {
    const shown = /^[A-Za-z_$][\w$-]*$/.test(field) ? `.${field}` : `[${JSON.stringify(field.slice(0, 60))}]`;
    fail(shown, IDENTIFYING.test(field)
      ? 'must not be sent: a receipt holds nothing that identifies the visitor (no IP address, no user agent)'
      : 'is not a field of a consent receipt');
  }
  if (errors.length > 0) return {receipt: null, errors};
  const receipt = {};
  for (const field of RECEIPT_FIELDS) receipt[field] = isObject(value[field]) ? {...value[field]} : value[field];
  return {receipt, errors};
}
