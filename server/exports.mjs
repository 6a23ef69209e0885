// Receipts and rights requests as CSV (RFC 4180) and JSON, for the shop's records and for
// showing a supervisory authority what was consented to and when.
import {RECEIPT_FIELDS} from './receipt-validation.mjs';
import {REQUEST_FIELDS} from './rights-request-validation.mjs';

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * A cell that a spreadsheet would read as a formula (starting with = + - @, tab or carriage
 * return) gets a leading apostrophe, so opening the export cannot run anything (OWASP, "CSV
 * Injection"). Booleans are `true`/`false`; null and undefined are empty.
 */
export function csvCell(value) {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (cells) => `${cells.map(csvCell).join(',')}\r\n`;

/** A byte order mark, so spreadsheet programs read the file as UTF-8 (å, ä, ö in names). */
const BOM = '\uFEFF';

/**
 * Receipts as CSV lines: the receipt fields, `receivedAt`, then one column per category
 * (`category:<id>`) and per service (`service:<id>`) seen in any receipt, each `true`, `false`,
 * or empty when that receipt's config did not have it.
 * @param {() => Iterable<object>} list called twice, in arrival order: once for the columns, once
 *   for the rows; receipts arriving in between are left for the next export (they could add columns)
 * @returns {Generator<string>}
 */
export function* receiptsCsv(list) {
  const categories = new Set();
  const services = new Set();
  let count = 0;
  for (const receipt of list()) {
    for (const id of Object.keys(receipt.categories)) categories.add(id);
    for (const id of Object.keys(receipt.services)) services.add(id);
    count++;
  }
  const plain = RECEIPT_FIELDS.filter((field) => field !== 'categories' && field !== 'services');
  const categoryIds = [...categories].sort();
  const serviceIds = [...services].sort();
  yield BOM + csvLine([...plain, 'receivedAt', ...categoryIds.map((id) => `category:${id}`), ...serviceIds.map((id) => `service:${id}`)]);
  for (const receipt of list()) {
    if (count-- === 0) return;
    yield csvLine([
      ...plain.map((field) => receipt[field]),
      receipt.receivedAt,
      ...categoryIds.map((id) => receipt.categories[id]),
      ...serviceIds.map((id) => receipt.services[id]),
    ]);
  }
}

/** Rights requests as CSV lines: their fields and `receivedAt`. */
export function* requestsCsv(list) {
  const columns = [...REQUEST_FIELDS, 'receivedAt'];
  yield BOM + csvLine(columns);
  for (const request of list()) yield csvLine(columns.map((field) => request[field]));
}

/**
 * A JSON document `{"<key>": [ … ]}` written piece by piece, so a large log is never one string.
 * @returns {Generator<string>}
 */
export function* jsonArray(key, items) {
  yield `{${JSON.stringify(key)}:[`;
  let first = true;
  for (const item of items) {
    yield `${first ? '' : ','}\n${JSON.stringify(item)}`;
    first = false;
  }
  yield '\n]}\n';
}
