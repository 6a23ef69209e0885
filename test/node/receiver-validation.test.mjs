// What the reference receiver accepts as a consent receipt, a rights request and a decision
// cookie: exactly the contract of src/core/receipts/types.ts and the design, nothing that
// identifies the visitor, and rights requests due one calendar month later (GDPR art. 12(3)).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {decisionCookieHeader, parseDecisionCookie} from '../../server/decision-cookie.mjs';
import {csvCell} from '../../server/exports.mjs';
import {exportAccess} from '../../server/export-access.mjs';
import {validateReceipt} from '../../server/receipt-validation.mjs';
import {acceptedDueDates, validateRightsRequest} from '../../server/rights-request-validation.mjs';

const receipt = (overrides = {}) => ({
  receiptId: '0b6c3f0e-5d1a-4c8e-9a57-2f1d3b9c7e40',
  consentId: '7d9e2c41-8f3b-4a6d-b1e5-3c2a9f8e7d60',
  timestamp: '2025-05-01T09:30:00.000Z',
  method: 'custom',
  source: 'preferences',
  categories: {necessary: true, analytics: true, marketing: false},
  services: {ga4: true, 'meta-pixel': false},
  revision: 3,
  language: 'sv',
  configHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  page: 'https://shop.example/checkout',
  widget: 'samtycke/0.1.0',
  ...overrides,
});

const request = (overrides = {}) => ({
  requestId: '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
  type: 'erasure',
  submittedAt: '2025-03-15T10:00:00.000Z',
  dueDate: '2025-04-15',
  language: 'sv',
  name: 'Anna Svensson',
  email: 'anna.svensson+shop@example.se',
  page: 'https://shop.example/integritet',
  ...overrides,
});

/** The paths of the errors for one receipt. */
const receiptErrors = (value) => validateReceipt(value, '$.receipts[0]').errors.map((e) => e.path);
const requestErrors = (value) => validateRightsRequest(value).errors.map((e) => e.path);

test('a complete receipt is accepted and copied with exactly the contract fields', () => {
  const sent = receipt({configHash: null});
  const {receipt: kept, errors} = validateReceipt(sent, '$.receipts[0]');
  assert.deepEqual(errors, []);
  assert.deepEqual(kept, sent, 'nothing changed');
  assert.notEqual(kept.categories, sent.categories, 'a copy, not the sent object');
  assert.deepEqual(receiptErrors(receipt({consentId: 'a'.repeat(32)})), [], 'the widget\'s id without crypto.randomUUID');
  assert.deepEqual(receiptErrors(receipt({categories: {}, services: {}})), [], 'a config without services');
});

test('each field of a receipt is checked against the contract', () => {
  const wrong = {
    receiptId: ['abc', 42, ''],
    consentId: [null, '7d9e2c41-8f3b-4a6d-b1e5'],
    timestamp: ['2025-13-01T00:00:00Z', '2025-02-30T10:00:00Z', '2025-05-01 09:30:00', '2025-05-01T11:30:00+02:00', 1746091800000],
    method: ['maybe', 'ACCEPT-ALL', null],
    source: ['popup', ''],
    categories: [[], null, {analytics: 'yes'}, {Analytics: true}],
    services: [{'meta pixel': false}, {ga4: 1}],
    revision: [0, 1.5, '1', -2],
    language: ['Swedish', '', 'sv_SE'],
    configHash: ['abc', 'g'.repeat(64), 'a'.repeat(65), ''],
    page: ['https://shop.example/thanks?email=anna@example.se', 'https://shop.example/#top', '/checkout',
      'ftp://shop.example/', 'javascript:alert(1)', 'https://anna:secret@shop.example/', `https://shop.example/${'a'.repeat(2100)}`],
    widget: ['cookiebot/1.0', 'samtycke/', 'samtycke/1.0.0\n'],
  };
  for (const [field, values] of Object.entries(wrong)) {
    for (const value of values) {
      const paths = receiptErrors(receipt({[field]: value}));
      assert.equal(paths.length, 1, `${field} = ${JSON.stringify(value)?.slice(0, 40)} gives one error (${paths})`);
      assert.ok(paths[0].startsWith(`$.receipts[0].${field}`) || paths[0].startsWith(`$.receipts[0][`), `${field}: ${paths[0]}`);
    }
  }
});

test('a receipt missing a field names each missing field', () => {
  const sent = receipt();
  delete sent.timestamp;
  delete sent.categories;
  const {errors} = validateReceipt(sent, '$.receipts[4]');
  assert.deepEqual(errors.map((e) => [e.path, e.message]), [
    ['$.receipts[4].timestamp', 'is missing'],
    ['$.receipts[4].categories', 'is missing'],
  ]);
  assert.ok(errors.every((e) => e.receiptId === sent.receiptId), 'the client learns which receipt to drop');
});

test('a receipt carrying the visitor\'s IP address or user agent is refused, as is any unknown field', () => {
  const {errors} = validateReceipt(receipt({ip: '203.0.113.7', userAgent: 'Mozilla/5.0', note: 'x'}), '$.receipts[0]');
  assert.deepEqual(errors.map((e) => e.path), ['$.receipts[0].ip', '$.receipts[0].userAgent', '$.receipts[0].note']);
  assert.match(errors[0].message, /identifies the visitor/);
  assert.match(errors[1].message, /identifies the visitor/);
  assert.match(errors[2].message, /not a field/);
  assert.equal(validateReceipt('receipt', '$.receipts[1]').errors[0].receiptId, null, 'no id to name');
});

test('a complete rights request is accepted; order number and message are optional', () => {
  assert.deepEqual(validateRightsRequest(request()), {request: request(), errors: []});
  assert.deepEqual(requestErrors(request({orderNumber: 'SK-1042', message: 'Radera mina filer.\nTack!'})), []);
  assert.deepEqual(requestErrors(request({type: 'delete-uploads'})), [], 'a type of the shop');
  for (const type of ['access', 'rectification', 'restriction', 'objection', 'objection-direct-marketing', 'portability', 'withdraw-consent']) {
    assert.deepEqual(requestErrors(request({type})), [], type);
  }
});

test('each field of a rights request is checked', () => {
  const wrong = {
    requestId: ['1'],
    type: ['Delete Uploads', 'a'.repeat(41), '', 7],
    submittedAt: ['yesterday'],
    language: ['svenska'],
    name: ['', '   ', 'n'.repeat(201), 'Anna\nSvensson', 42],
    email: ['anna@example', 'anna example.se', 'anna@', '', `${'a'.repeat(250)}@example.se`],
    orderNumber: ['', 'o'.repeat(101)],
    message: ['m'.repeat(5001), 'bell\u0007'],
    page: ['https://shop.example/integritet?email=anna@example.se', 'mailto:shop@example.se'],
  };
  for (const [field, values] of Object.entries(wrong)) {
    for (const value of values) {
      assert.deepEqual(requestErrors(request({[field]: value})), [`$.${field}`], `${field} = ${JSON.stringify(value).slice(0, 40)}`);
    }
  }
  assert.deepEqual(requestErrors(request({name: 'n'.repeat(200), message: 'm'.repeat(5000)})), [], 'the limits themselves');
  assert.deepEqual(requestErrors(request({ip: '203.0.113.7'})), ['$["ip"]'], 'unknown fields');
  const incomplete = request();
  delete incomplete.requestId;
  delete incomplete.email;
  assert.deepEqual(requestErrors(incomplete), ['$.requestId', '$.email'], 'missing fields');
  assert.deepEqual(requestErrors([request()]), ['$']);
});

test('a rights request is due one calendar month after the day it was sent', () => {
  assert.deepEqual(requestErrors(request({dueDate: '2025-04-13'})), ['$.dueDate'], 'two days early');
  assert.deepEqual(requestErrors(request({dueDate: '2025-04-17'})), ['$.dueDate'], 'two days late');
  assert.deepEqual(requestErrors(request({dueDate: '2025-05-15'})), ['$.dueDate'], 'three months is the extension, not the due date');
  assert.deepEqual(requestErrors(request({dueDate: '2025-04-31'})), ['$.dueDate'], 'not a day');
  // 31 January + one month is the last day of February (Regulation 1182/71), not 3 March.
  assert.deepEqual(requestErrors(request({submittedAt: '2025-01-31T12:00:00Z', dueDate: '2025-02-28'})), []);
  assert.deepEqual(requestErrors(request({submittedAt: '2025-01-31T12:00:00Z', dueDate: '2025-03-03'})), ['$.dueDate']);
  assert.deepEqual(requestErrors(request({submittedAt: '2024-01-31T12:00:00Z', dueDate: '2024-02-29'})), [], 'leap year');
  assert.deepEqual(requestErrors(request({submittedAt: '2025-12-10T08:00:00Z', dueDate: '2026-01-10'})), [], 'over the year end');
  // 23:30 UTC on 28 February is already 1 March in Stockholm, where the visitor's browser counts.
  assert.deepEqual(acceptedDueDates('2025-02-28T23:30:00Z'), ['2025-03-27', '2025-03-28', '2025-04-01']);
  assert.deepEqual(requestErrors(request({submittedAt: '2025-02-28T23:30:00Z', dueDate: '2025-04-01'})), []);
});

const NOW = Date.UTC(2025, 4, 1, 9, 30);
const cookieValue = ({timestamp = NOW, expires = NOW + 30 * 86_400_000, method = 'custom', gcm = 'ddgdggg'} = {}) =>
  ['1', '7d9e2c41-8f3b-4a6d-b1e5-3c2a9f8e7d60', timestamp.toString(36), expires.toString(36), '3', method, 'preferences', 'sv',
    'necessary~analytics', 'ga4', gcm].join('.');

test('the decision cookie is set again until the expiry it encodes, readable by the widget', () => {
  const value = cookieValue({expires: NOW + 30 * 86_400_000 + 500});
  assert.equal(decisionCookieHeader(value, {secure: false, now: NOW}), `samtycke=${value}; Path=/; Max-Age=2592000; SameSite=Lax`);
  const secure = decisionCookieHeader(value, {secure: true, now: NOW});
  assert.match(secure, /; Secure$/);
  assert.doesNotMatch(secure, /HttpOnly/i, 'the widget reads it from script');
  assert.match(decisionCookieHeader(cookieValue({expires: NOW + 800 * 86_400_000}), {secure: false, now: NOW}), /Max-Age=34560000;/, 'capped at 400 days');
  assert.ok(parseDecisionCookie(cookieValue({gcm: ''})), 'without Consent Mode');
});

test('a decision cookie that is expired or not in the format is not set', () => {
  const bad = [
    cookieValue({timestamp: NOW - 366 * 86_400_000, expires: NOW - 1000}),
    cookieValue({expires: NOW - 1000}),
    cookieValue({method: 'accept'}),
    cookieValue({gcm: 'gggg'}),
    cookieValue().replace(/^1\./, '2.'),
    cookieValue().split('.').slice(0, 10).join('.'),
    `${cookieValue()}; Domain=evil.example`,
    cookieValue().replace('necessary~analytics', 'necessary~Analytics'),
    42,
  ];
  for (const value of bad) assert.equal(decisionCookieHeader(value, {secure: false, now: NOW}), null, String(value));
});

test('CSV cells are quoted per RFC 4180 and never start a formula', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hej"'), '"say ""hej"""');
  assert.equal(csvCell('line\r\nbreak'), '"line\r\nbreak"');
  assert.equal(csvCell('=HYPERLINK("https://evil.example")'), '"\'=HYPERLINK(""https://evil.example"")"');
  assert.equal(csvCell('+46 70 123'), "'+46 70 123");
  assert.equal(csvCell('-1+1'), "'-1+1");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell('\t=1'), "'\t=1");
  assert.equal(csvCell(false), 'false');
  assert.equal(csvCell(undefined), '');
});

test('without an admin token nobody may export, unless local exports are on: then only this machine, never through a proxy', () => {
  const req = (remoteAddress, headers) => ({socket: {remoteAddress}, headers: {host: 'localhost:8787', ...headers}});
  assert.equal(exportAccess({})(req('127.0.0.1')).status, 403, 'closed by default, even to loopback (a bare proxy_pass looks local)');
  const open = exportAccess({localExports: true});
  assert.equal(open(req('127.0.0.1')).status, 200);
  assert.equal(open(req('::ffff:127.0.0.1')).status, 200);
  assert.equal(open(req('::1')).status, 200);
  assert.equal(open(req('203.0.113.7')).status, 403, 'another machine');
  assert.equal(open(req('127.0.0.1', {'x-forwarded-for': '203.0.113.7'})).status, 403, 'through a reverse proxy');
  assert.equal(open(req('127.0.0.1', {host: 'rebound.evil.example'})).status, 403, 'a page that rebinds its name to 127.0.0.1');
  const guarded = exportAccess({token: 's3cret-token'});
  assert.equal(guarded(req('127.0.0.1')).status, 401, 'with a token, loopback needs it too');
  assert.equal(guarded(req('203.0.113.7', {authorization: 'Bearer s3cret-token'})).status, 200);
  assert.equal(guarded(req('203.0.113.7', {authorization: 'Bearer s3cret-tokem'})).status, 401);
  assert.equal(guarded(req('203.0.113.7', {authorization: 'Basic s3cret-token'})).status, 401);
});
