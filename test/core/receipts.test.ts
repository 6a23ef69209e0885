import {assert} from '@esm-bundle/chai';
import {createStore} from 'idb-keyval';
import {canonicalJson} from '../../src/core/receipts/canonical-json.js';
import {createReceipt, hashShown} from '../../src/core/receipts/receipt.js';
import {createIdbReceiptLog, createMemoryReceiptLog} from '../../src/core/receipts/receipt-log.js';
import type {ConsentReceipt} from '../../src/core/receipts/types.js';
import type {ConsentRecord} from '../../src/core/index.js';

const record = (overrides: Partial<ConsentRecord> = {}): ConsentRecord => ({
  consentId: 'c0ffee-1', method: 'custom', source: 'preferences', timestamp: '2026-05-01T12:00:00+02:00',
  expires: '2027-05-01T10:00:00.000Z', revision: 3, language: 'sv',
  categories: {necessary: true, functional: false, analytics: true, marketing: false},
  services: {ga4: true, 'meta-pixel': false, youtube: false}, ...overrides,
});

const options = {configHash: 'ab'.repeat(32), page: 'https://shop.example/sv/kassa?email=a@b.se#step-2', widget: 'samtycke/0.2.0'};

const uniqueStore = () => createStore(`samtycke-test-${crypto.randomUUID()}`, 'consent');

/** A receipt with only its id varying, as the log and the outbox see it. */
const receiptNumbered = (n: number): ConsentReceipt => createReceipt(record(), {...options, receiptId: `r-${String(n).padStart(4, '0')}`});

// Hand-written canonical form of the vector below, and its SHA-256 computed outside the browser
// (`printf '%s' … | sha256sum`, and Python's json.dumps(sort_keys=True, separators=(',', ':'),
// ensure_ascii=False) + hashlib gives the same).
const VECTOR_TEXT = String.raw`{"config":{"Zed":1.5,"big":1e+21,"languages":["sv","en"],"privacyPolicyUrl":{"en":"/privacy","sv":"/integritet"},"quote":"\"Hej\"\n","revision":2,"services":[{"category":"analytics","id":"ga4"}]},"language":"sv","texts":{"banner.accept":"Godkänn alla","banner.title":"Vi använder kakor"}}`;
const VECTOR_SHA256 = '3cc6320fd16a7c10fcf64b945c7a0eb3b2f031c54261fcde48cad2ba18d22a8a';
const VECTOR = {
  config: {revision: 2, languages: ['sv', 'en'], privacyPolicyUrl: {sv: '/integritet', en: '/privacy'},
    services: [{id: 'ga4', category: 'analytics'}], Zed: 1.5, big: 1e21, quote: '"Hej"\n'},
  texts: {'banner.title': 'Vi använder kakor', 'banner.accept': 'Godkänn alla'},
  language: 'sv',
};

suite('consent receipts', () => {
  test('a receipt holds every category and service, true or false, and what proves the decision', () => {
    const receipt = createReceipt(record(), options);
    assert.deepEqual(receipt.categories, {necessary: true, functional: false, analytics: true, marketing: false});
    assert.deepEqual(receipt.services, {ga4: true, 'meta-pixel': false, youtube: false});
    assert.equal(receipt.consentId, 'c0ffee-1');
    assert.equal(receipt.method, 'custom');
    assert.equal(receipt.source, 'preferences', 'the source of the record');
    assert.equal(receipt.revision, 3);
    assert.equal(receipt.language, 'sv');
    assert.equal(receipt.timestamp, '2026-05-01T10:00:00.000Z', 'ISO 8601 in UTC');
    assert.equal(receipt.configHash, 'ab'.repeat(32));
    assert.equal(receipt.widget, 'samtycke/0.2.0');
    assert.match(receipt.receiptId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a random UUID');
    assert.notEqual(createReceipt(record(), options).receiptId, receipt.receiptId, 'a new id per receipt');
  });

  test('a receipt holds no IP address, user agent, query or fragment', () => {
    const receipt = createReceipt(record(), options);
    assert.sameMembers(Object.keys(receipt), ['receiptId', 'consentId', 'timestamp', 'method', 'source', 'categories', 'services',
      'revision', 'language', 'configHash', 'page', 'widget'], 'exactly the documented fields');
    assert.equal(receipt.page, 'https://shop.example/sv/kassa', 'origin and path only');
    assert.notInclude(JSON.stringify(receipt), navigator.userAgent);
  });

  test('the source given wins over the record; without either it is api', () => {
    assert.equal(createReceipt(record(), {...options, source: 'gpc'}).source, 'gpc');
    assert.equal(createReceipt(record({source: undefined}), options).source, 'api');
    assert.equal(createReceipt(record({method: 'expiry'}), {...options, source: 'expiry'}).method, 'expiry');
  });

  test('the canonical form sorts keys by code unit, drops whitespace, writes numbers and strings as JSON does', () => {
    assert.equal(canonicalJson(VECTOR), VECTOR_TEXT);
    assert.equal(canonicalJson({b: [3, {y: 1, x: -0}], a: 'å', c: undefined}), '{"a":"å","b":[3,{"x":0,"y":1}]}');
    assert.throws(() => canonicalJson({a: Number.NaN}), TypeError);
    assert.throws(() => canonicalJson([undefined]), TypeError);
  });

  test('the hash of what was shown matches a vector computed outside the browser', async () => {
    assert.equal(await hashShown(VECTOR.config, VECTOR.texts, VECTOR.language), VECTOR_SHA256);
    const reordered = {services: [{category: 'analytics', id: 'ga4'}], ...VECTOR.config};
    assert.equal(await hashShown(reordered, VECTOR.texts, 'sv'), VECTOR_SHA256, 'key order does not matter');
    assert.notEqual(await hashShown(VECTOR.config, VECTOR.texts, 'en'), VECTOR_SHA256, 'the language is part of it');
    assert.notEqual(await hashShown(VECTOR.config, {...VECTOR.texts, 'banner.title': 'Kakor'}, 'sv'), VECTOR_SHA256, 'every text is part of it');
  });

  test('without Web Crypto (an insecure context) the hash is null', async () => {
    assert.isNull(await hashShown(VECTOR.config, VECTOR.texts, 'sv', {}));
    const refusing = {subtle: {digest: () => Promise.reject(new DOMException('no', 'NotSupportedError'))} as unknown as SubtleCrypto};
    assert.isNull(await hashShown(VECTOR.config, VECTOR.texts, 'sv', refusing));
  });
});

suite('receipt log', () => {
  test('receipts are kept in IndexedDB oldest first, and survive a new connection', async () => {
    const name = `samtycke-test-${crypto.randomUUID()}`;
    const log = createIdbReceiptLog(createStore(name, 'consent'));
    await log.append(receiptNumbered(1));
    await log.append(receiptNumbered(2));
    const again = createIdbReceiptLog(createStore(name, 'consent'));
    assert.deepEqual((await again.list()).map((r) => r.receiptId), ['r-0001', 'r-0002']);
    assert.deepEqual(await again.list(), [receiptNumbered(1), receiptNumbered(2)], 'stored whole');
    await again.clear();
    assert.deepEqual(await log.list(), []);
  });

  test('the log keeps the newest 200', async () => {
    const log = createIdbReceiptLog(uniqueStore());
    for (let n = 1; n <= 205; n++) await log.append(receiptNumbered(n));
    const ids = (await log.list()).map((r) => r.receiptId);
    assert.lengthOf(ids, 200);
    assert.equal(ids[0], 'r-0006', 'the oldest five are gone');
    assert.equal(ids[199], 'r-0205', 'the newest is last');
  });

  test('two tabs appending at once both keep their receipts', async () => {
    const name = `samtycke-test-${crypto.randomUUID()}`;
    const tabA = createIdbReceiptLog(createStore(name, 'consent'));
    const tabB = createIdbReceiptLog(createStore(name, 'consent'));
    await Promise.all(Array.from({length: 20}, (_, n) => (n % 2 ? tabA : tabB).append(receiptNumbered(n))));
    assert.lengthOf(await tabA.list(), 20, 'no append overwrote another');
  });

  test('an append of the same receipt twice keeps one', async () => {
    const log = createIdbReceiptLog(uniqueStore());
    await log.append(receiptNumbered(1));
    await log.append(receiptNumbered(1));
    assert.lengthOf(await log.list(), 1);
  });

  test('a failing database rejects, so the caller can fall back', async () => {
    const blocked = () => Promise.reject(new DOMException('blocked', 'SecurityError'));
    const log = createIdbReceiptLog(blocked);
    let error: unknown;
    await log.append(receiptNumbered(1)).catch((e: unknown) => (error = e));
    assert.instanceOf(error, DOMException);
  });

  test('the memory log behaves the same', async () => {
    const log = createMemoryReceiptLog(3);
    for (let n = 1; n <= 5; n++) await log.append(receiptNumbered(n));
    assert.deepEqual((await log.list()).map((r) => r.receiptId), ['r-0003', 'r-0004', 'r-0005']);
    await log.clear();
    assert.deepEqual(await log.list(), []);
  });
});
