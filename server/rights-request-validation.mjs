// Checks a rights request (access, erasure, …) sent by the privacy center's form. Strict like the
// receipt check: a missing field, a field of the wrong shape or one not in the contract is an error.
import {NAME, checkId, checkLanguage, checkPage, checkText, checkTimestamp, formatDay, isObject, parseDay} from './formats.mjs';

/** The rights of GDPR art. 15–21 and 7(3); a shop adds its own types (ids such as "delete-uploads"). */
export const RIGHTS = ['access', 'rectification', 'erasure', 'restriction', 'objection', 'objection-direct-marketing', 'portability', 'withdraw-consent'];

// Shape only: whether the address exists shows when the shop answers.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

/**
 * The day one calendar month after `day` (GDPR art. 12(3)); where that month is shorter, its
 * last day (Regulation 1182/71 art. 3(2)(c): 31 January → 28 or 29 February).
 */
export function oneMonthAfter({year, month, day}) {
  const next = month === 12 ? {year: year + 1, month: 1} : {year, month: month + 1};
  const last = new Date(Date.UTC(next.year, next.month, 0)).getUTCDate();
  return {...next, day: Math.min(day, last)};
}

/**
 * The due dates accepted for a request submitted at `submittedAt`: one month after its date in
 * UTC, or after the day before or after it, because the visitor's browser counts from the
 * visitor's own calendar day (time zones run from UTC−12 to UTC+14).
 */
export function acceptedDueDates(submittedAt) {
  const utc = new Date(submittedAt);
  return [-1, 0, 1].map((offset) => {
    const d = new Date(Date.UTC(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate() + offset));
    return formatDay(oneMonthAfter({year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate()}));
  });
}

const FIELDS = {
  requestId: {required: true, check: checkId},
  type: {required: true, check: (v) => (typeof v === 'string' && NAME.test(v) ? null
    : `must be one of ${RIGHTS.join(', ')}, or a type id of the shop (lowercase letters, digits and hyphens)`)},
  submittedAt: {required: true, check: checkTimestamp},
  dueDate: {required: true, check: (v) => (parseDay(v) ? null : 'must be a date such as "2025-06-01"')},
  language: {required: true, check: checkLanguage},
  name: {required: true, check: (v) => checkText(v, {min: 1, max: 200})},
  email: {required: true, check: (v) => checkText(v, {min: 3, max: 254}) ?? (EMAIL.test(v) ? null : 'must be an e-mail address such as "anna@example.se"')},
  orderNumber: {required: false, check: (v) => checkText(v, {min: 1, max: 100})},
  message: {required: false, check: (v) => checkText(v, {max: 5000, multiline: true})},
  page: {required: true, check: checkPage},
};

/** The fields of a rights request, in the order they are stored and exported. */
export const REQUEST_FIELDS = Object.keys(FIELDS);

/**
 * Validates a rights request.
 * @param {unknown} value the parsed body
 * @returns {{request: object | null, errors: {path: string, message: string}[]}} `request` is a
 *   fresh object with the contract's fields (optional ones only when sent) when there are no errors.
 */
export function validateRightsRequest(value) {
  if (!isObject(value)) return {request: null, errors: [{path: '$', message: 'must be an object (a rights request)'}]};
  const errors = [];
  for (const [field, {required, check}] of Object.entries(FIELDS)) {
    if (!Object.hasOwn(value, field)) {
      if (required) errors.push({path: `$.${field}`, message: 'is missing'});
      continue;
    }
    const message = check(value[field]);
    if (message) errors.push({path: `$.${field}`, message});
  }
  for (const field of Object.keys(value).filter((key) => !Object.hasOwn(FIELDS, key))) {
    errors.push({path: `$[${JSON.stringify(field.slice(0, 60))}]`, message: 'is not a field of a rights request'});
  }
  if (errors.length === 0) {
    const accepted = acceptedDueDates(value.submittedAt);
    if (!accepted.includes(value.dueDate)) {
      errors.push({path: '$.dueDate', message: `must be one calendar month after the day of submittedAt (${accepted[1]})`});
    }
  }
  if (errors.length > 0) return {request: null, errors};
  const request = {};
  for (const field of REQUEST_FIELDS) if (Object.hasOwn(value, field)) request[field] = value[field];
  return {request, errors};
}
