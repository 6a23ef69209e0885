// The reference receiver over HTTP: receipts and rights requests stored once however often they
// are sent, still there after a restart, nothing about the sender kept, the decision cookie set
// from the server, bodies limited, other origins refused unless listed, exports guarded.
import assert from 'node:assert/strict';
import {request as httpRequest} from 'node:http';
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {startReceiver} from '../../server/receiver.mjs';
import {startServer} from '../../scripts/serve.mjs';

const NOW = new Date('2025-05-01T09:30:00.000Z');

/** A receiver on a fresh temporary directory, closed and removed after the test. */
async function receiver(t, options = {}) {
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), 'samtycke-receiver-'));
  const running = await startReceiver({dir, now: () => NOW, localExports: true, ...options});
  t.after(async () => {
    await running.close();
    if (!options.dir) rmSync(dir, {recursive: true, force: true});
  });
  return {...running, dir};
}

/** An HTTP exchange with full control of the headers (Origin, Host, chunked bodies). */
function send(url, {method = 'GET', headers = {}, body, chunks} = {}) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {method, headers}, (res) => {
      const parts = [];
      res.on('data', (part) => parts.push(part));
      res.on('end', () => {
        const raw = Buffer.concat(parts);
        const text = raw.toString('utf8');
        const json = /json/.test(res.headers['content-type'] ?? '') && text ? JSON.parse(text) : undefined;
        resolve({status: res.statusCode, headers: res.headers, raw, text, json});
      });
    });
    req.on('error', reject);
    for (const chunk of chunks ?? []) req.write(chunk);
    req.end(body);
  });
}

const postJson = (url, value, headers = {}) =>
  send(url, {method: 'POST', headers: {'content-type': 'application/json', ...headers}, body: JSON.stringify(value)});

let counter = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
const receipt = (overrides = {}) => ({
  receiptId: uuid(), consentId: '7d9e2c41-8f3b-4a6d-b1e5-3c2a9f8e7d60', timestamp: '2025-05-01T09:29:58.120Z',
  method: 'custom', source: 'preferences', categories: {necessary: true, analytics: true, marketing: false},
  services: {ga4: true, 'meta-pixel': false}, revision: 3, language: 'sv', configHash: null,
  page: 'https://shop.example/checkout', widget: 'samtycke/0.1.0', ...overrides,
});
const rightsRequest = (overrides = {}) => ({
  requestId: uuid(), type: 'erasure', submittedAt: '2025-05-01T09:00:00.000Z', dueDate: '2025-06-01', language: 'sv',
  name: 'Anna Svensson', email: 'anna@example.se', page: 'https://shop.example/integritet', ...overrides,
});

const exported = async (base, name, headers) => (await send(`${base}export/${name}`, {headers})).json;

test('a receipt sent again is a duplicate and stored once', async (t) => {
  const {url} = await receiver(t);
  const first = receipt();
  const second = receipt();
  const a = await postJson(`${url}receipts`, {receipts: [first]});
  assert.equal(a.status, 200);
  assert.deepEqual(a.json, {accepted: [first.receiptId], duplicates: []});
  const b = await postJson(`${url}receipts`, {receipts: [first, second, second]});
  assert.equal(b.status, 200, 'a resend is not an error');
  assert.deepEqual(b.json, {accepted: [second.receiptId], duplicates: [first.receiptId, second.receiptId]});
  const c = await postJson(`${url}receipts`, {receipts: [{...first, receiptId: first.receiptId.toUpperCase(), method: 'accept-all'}]});
  assert.deepEqual(c.json.duplicates, [first.receiptId.toUpperCase()], 'an id differing in case is the same id');
  const {receipts} = await exported(url, 'receipts.json');
  assert.deepEqual(receipts.map((r) => r.receiptId), [first.receiptId, second.receiptId]);
  assert.equal(receipts[0].method, 'custom', 'the first version of a receipt is kept');
  assert.deepEqual(receipts[0], {...first, receivedAt: NOW.toISOString()});
});

test('valid receipts of a batch are stored even when others are invalid; 400 names the invalid ones', async (t) => {
  const {url} = await receiver(t);
  const good = receipt();
  const bad = receipt({timestamp: 'yesterday', userAgent: 'Mozilla/5.0'});
  const res = await postJson(`${url}receipts`, {receipts: [bad, good]});
  assert.equal(res.status, 400);
  assert.deepEqual(res.json.accepted, [good.receiptId]);
  assert.deepEqual(res.json.duplicates, []);
  assert.deepEqual(res.json.errors.map((e) => [e.receiptId, e.path]), [
    [bad.receiptId, '$.receipts[0].timestamp'], [bad.receiptId, '$.receipts[0].userAgent']]);
  const again = await postJson(`${url}receipts`, {receipts: [good]});
  assert.deepEqual(again.json, {accepted: [], duplicates: [good.receiptId]}, 'a client that resends the valid one');
  assert.deepEqual((await exported(url, 'receipts.json')).receipts.map((r) => r.receiptId), [good.receiptId]);
});

test('a request that is not {receipts, decisionCookie?} stores nothing', async (t) => {
  const {url} = await receiver(t);
  for (const body of [[receipt()], {receipts: receipt()}, {receipts: [receipt()], extra: 1}, {receipts: [receipt()], decisionCookie: 5}]) {
    const res = await postJson(`${url}receipts`, body);
    assert.equal(res.status, 400, JSON.stringify(body).slice(0, 60));
    assert.deepEqual(res.json.accepted, []);
  }
  assert.equal((await postJson(`${url}receipts`, {receipts: []})).status, 200, 'an empty batch');
  assert.equal((await send(`${url}receipts`, {method: 'POST', headers: {'content-type': 'application/json'}, body: '{"receipts": ['})).status, 400, 'broken JSON');
  const plain = await send(`${url}receipts`, {method: 'POST', headers: {'content-type': 'text/plain'}, body: JSON.stringify({receipts: [receipt()]})});
  assert.equal(plain.status, 415, 'only JSON');
  const latin1 = await send(`${url}receipts`, {method: 'POST', headers: {'content-type': 'application/json; charset=iso-8859-1'}, body: '{"receipts":[]}'});
  assert.equal(latin1.status, 415, 'only UTF-8');
  assert.deepEqual((await exported(url, 'receipts.json')).receipts, []);
});

test('receipts and rights requests survive a restart of the receiver', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'samtycke-receiver-'));
  t.after(() => rmSync(dir, {recursive: true, force: true}));
  const kept = receipt();
  const asked = rightsRequest();
  const first = await startReceiver({dir, now: () => NOW, localExports: true});
  await postJson(`${first.url}receipts`, {receipts: [kept]});
  const created = await postJson(`${first.url}requests`, asked);
  await first.close();

  const later = new Date('2025-05-02T10:00:00.000Z');
  const second = await startReceiver({dir, now: () => later, localExports: true});
  t.after(() => second.close());
  assert.deepEqual((await exported(second.url, 'receipts.json')).receipts, [{...kept, receivedAt: NOW.toISOString()}]);
  assert.deepEqual((await exported(second.url, 'requests.json')).requests, [{...asked, receivedAt: NOW.toISOString()}]);
  assert.deepEqual((await postJson(`${second.url}receipts`, {receipts: [kept]})).json, {accepted: [], duplicates: [kept.receiptId]});
  const resent = await postJson(`${second.url}requests`, asked);
  assert.equal(resent.status, 200, 'a known request id');
  assert.deepEqual(resent.json, created.json, 'the same answer as the first time');
});

test('a rights request is answered 201 with its id and time, 200 when sent again, 400 with the errors', async (t) => {
  const {url} = await receiver(t);
  const asked = rightsRequest({orderNumber: 'SK-1042', message: 'Radera mina uppladdade filer.'});
  const created = await postJson(`${url}requests`, asked);
  assert.equal(created.status, 201);
  assert.deepEqual(created.json, {requestId: asked.requestId, receivedAt: NOW.toISOString()});
  const again = await postJson(`${url}requests`, {...asked, message: 'changed'});
  assert.equal(again.status, 200);
  assert.deepEqual(again.json, created.json);
  const bad = await postJson(`${url}requests`, rightsRequest({email: 'anna', dueDate: '2025-09-01'}));
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.json.errors.map((e) => e.path), ['$.email']);
  const late = await postJson(`${url}requests`, rightsRequest({dueDate: '2025-08-01'}));
  assert.deepEqual(late.json.errors.map((e) => e.path), ['$.dueDate']);
  assert.deepEqual((await exported(url, 'requests.json')).requests.map((r) => r.message), ['Radera mina uppladdade filer.']);
});

test('nothing about the sender is stored: no IP address, no user agent', async (t) => {
  const {url, dir} = await receiver(t);
  const agent = 'Mozilla/5.0 (Samtycke test agent 7f3a9c)';
  const address = '203.0.113.77';
  const headers = {'user-agent': agent, 'x-forwarded-for': address, 'x-real-ip': address};
  await postJson(`${url}receipts`, {receipts: [receipt()]}, headers);
  await postJson(`${url}requests`, rightsRequest(), headers);
  const files = readdirSync(dir).map((name) => readFileSync(path.join(dir, name)));
  assert.ok(files.length > 0 && files.some((bytes) => bytes.includes('samtycke/0.1.0')), 'the database files hold the receipt');
  for (const bytes of files) {
    assert.ok(!bytes.includes(agent), 'no user agent in the database');
    assert.ok(!bytes.includes(address) && !bytes.includes('127.0.0.1'), 'no IP address in the database');
  }
});

const cookieValue = (expires, timestamp = NOW.getTime() - 86_400_000) => ['1', '7d9e2c41-8f3b-4a6d-b1e5-3c2a9f8e7d60', timestamp.toString(36), expires.toString(36),
  '3', 'custom', 'preferences', 'sv', 'necessary~analytics', 'ga4', ''].join('.');

test('the decision cookie is set from the server for the receiver\'s own origin', async (t) => {
  const {url, port} = await receiver(t);
  const value = cookieValue(NOW.getTime() + 180 * 86_400_000);
  const own = await postJson(`${url}receipts`, {receipts: [receipt()], decisionCookie: value}, {origin: `http://127.0.0.1:${port}`});
  assert.equal(own.status, 200);
  assert.equal(own.headers['set-cookie']?.[0], `samtycke=${value}; Path=/; Max-Age=15552000; SameSite=Lax`);
  const proxied = await postJson(`${url}receipts`, {receipts: [], decisionCookie: value},
    {origin: 'https://shop.example', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'shop.example'});
  assert.match(proxied.headers['set-cookie']?.[0] ?? '', /; SameSite=Lax; Secure$/, 'Secure behind an https proxy');
  const expired = await postJson(`${url}receipts`, {receipts: [], decisionCookie: cookieValue(NOW.getTime() - 1)});
  assert.equal(expired.status, 200);
  assert.equal(expired.headers['set-cookie'], undefined, 'an expired decision is not set');
  const forged = await postJson(`${url}receipts`, {receipts: [], decisionCookie: `${value}; Domain=example.com`});
  assert.equal(forged.headers['set-cookie'], undefined, 'only the cookie format');
});

test('a body over the limit is refused with 413, declared or streamed', async (t) => {
  const {url} = await receiver(t, {maxBodyBytes: 1024});
  const big = JSON.stringify({receipts: Array.from({length: 6}, () => receipt())});
  assert.ok(big.length > 1024);
  const declared = await send(`${url}receipts`, {method: 'POST', headers: {'content-type': 'application/json'}, body: big});
  assert.equal(declared.status, 413);
  const streamed = await send(`${url}receipts`, {method: 'POST', headers: {'content-type': 'application/json', 'transfer-encoding': 'chunked'},
    chunks: [big.slice(0, 700), big.slice(700)]});
  assert.equal(streamed.status, 413);
  assert.equal((await postJson(`${url}receipts`, {receipts: [receipt()]})).status, 200, 'a small one still goes through');
  assert.equal((await exported(url, 'receipts.json')).receipts.length, 1);
  const standard = await receiver(t);
  const over = await send(`${standard.url}requests`, {method: 'POST', headers: {'content-type': 'application/json'},
    body: JSON.stringify(rightsRequest({message: 'x'.repeat(64 * 1024)}))});
  assert.equal(over.status, 413, 'the default limit is 64 KB');
});

test('pages of other origins may send only when listed (CORS)', async (t) => {
  const closed = await receiver(t);
  const preflight = (base, origin) => send(`${base}receipts`, {method: 'OPTIONS',
    headers: {origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type'}});
  const refused = await preflight(closed.url, 'https://other.example');
  assert.equal(refused.status, 403);
  assert.equal(refused.headers['access-control-allow-origin'], undefined);
  const post = await postJson(`${closed.url}receipts`, {receipts: [receipt()]}, {origin: 'https://other.example'});
  assert.equal(post.status, 403, 'by default only the same origin');
  assert.deepEqual((await exported(closed.url, 'receipts.json')).receipts, [], 'nothing stored');
  assert.equal((await postJson(`${closed.url}receipts`, {receipts: [receipt()]}, {origin: `http://127.0.0.1:${closed.port}`})).status, 200);

  const open = await receiver(t, {origins: ['https://shop.example']});
  const allowed = await preflight(open.url, 'https://shop.example');
  assert.equal(allowed.status, 204);
  assert.equal(allowed.headers['access-control-allow-origin'], 'https://shop.example');
  assert.equal(allowed.headers['access-control-allow-methods'], 'POST');
  assert.match(allowed.headers['access-control-allow-headers'], /content-type/i);
  const sent = await postJson(`${open.url}requests`, rightsRequest(), {origin: 'https://shop.example'});
  assert.equal(sent.status, 201);
  assert.equal(sent.headers['access-control-allow-origin'], 'https://shop.example');
  assert.equal((await preflight(open.url, 'https://shop.example.evil.example')).status, 403, 'exact origins only');
  const cookie = await postJson(`${open.url}receipts`, {receipts: [], decisionCookie: cookieValue(NOW.getTime() + 86_400_000)}, {origin: 'https://shop.example'});
  assert.equal(cookie.headers['set-cookie'], undefined, 'a cookie for another origin would land on the receiver\'s host');
  await assert.rejects(startReceiver({dir: closed.dir, origins: ['https://shop.example/path']}), TypeError, 'an origin has no path');
});

test('exports need the admin token when one is set', async (t) => {
  const {url} = await receiver(t, {adminToken: 'token-0f3c'});
  await postJson(`${url}receipts`, {receipts: [receipt()]});
  for (const name of ['receipts.csv', 'receipts.json', 'requests.csv', 'requests.json']) {
    const res = await send(`${url}export/${name}`);
    assert.equal(res.status, 401, name);
    assert.match(res.headers['www-authenticate'], /^Bearer/);
    assert.equal((await send(`${url}export/${name}`, {headers: {authorization: 'Bearer token-0f3d'}})).status, 401);
    assert.equal((await send(`${url}export/${name}`, {headers: {authorization: 'Bearer token-0f3c'}})).status, 200);
  }
  assert.equal((await send(`${url}export/receipts.csv`, {headers: {'x-forwarded-for': '203.0.113.7'}})).status, 401);
  const closed = await receiver(t, {localExports: false});
  assert.equal((await send(`${closed.url}export/receipts.csv`)).status, 403, 'without a token, closed');
  const open = await receiver(t, {localExports: true});
  assert.equal((await send(`${open.url}export/receipts.csv`)).status, 200, 'with local exports, from this machine');
  assert.equal((await send(`${open.url}export/receipts.csv`, {headers: {'x-forwarded-for': '203.0.113.7'}})).status, 403, 'not through a proxy');
});

/** A small RFC 4180 reader: rows of cells. */
function parseCsv(text) {
  const rows = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"', i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (rows.at(-1).push(cell), (cell = ''));
    else if (c === '\r' && text[i + 1] === '\n') (rows.at(-1).push(cell), (cell = ''), rows.push([]), i++);
    else cell += c;
  }
  if (rows.at(-1).length === 0 && cell === '') rows.pop();
  return rows;
}

test('the CSV exports have a column per category and service, quoted cells and no formulas', async (t) => {
  const {url} = await receiver(t);
  const a = receipt({categories: {necessary: true, analytics: false}, services: {ga4: false}});
  const b = receipt({categories: {necessary: true, marketing: true}, services: {'meta-pixel': true}, method: 'accept-all', revision: 4});
  await postJson(`${url}receipts`, {receipts: [a, b]});
  const csv = await send(`${url}export/receipts.csv`);
  assert.match(csv.headers['content-type'], /^text\/csv; charset=utf-8/);
  assert.match(csv.headers['content-disposition'], /attachment; filename="samtycke-receipts-2025-05-01\.csv"/);
  assert.deepEqual([...csv.raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte order mark for spreadsheet programs');
  const [header, ...rows] = parseCsv(csv.text.slice(1));
  assert.deepEqual(header.slice(-5), ['category:analytics', 'category:marketing', 'category:necessary', 'service:ga4', 'service:meta-pixel']);
  const column = (row, name) => row[header.indexOf(name)];
  assert.deepEqual(rows.map((row) => [column(row, 'receiptId'), column(row, 'category:analytics'), column(row, 'category:marketing'), column(row, 'service:meta-pixel')]),
    [[a.receiptId, 'false', '', ''], [b.receiptId, '', 'true', 'true']], 'empty where the config had no such category or service');
  assert.equal(column(rows[1], 'revision'), '4');

  const hostile = rightsRequest({name: '=HYPERLINK("https://evil.example","Klicka")', orderNumber: '-42+1',
    message: 'Hej,\r\nradera "allt" om mig.\n@SUM(1)', email: '+46@example.se'});
  await postJson(`${url}requests`, hostile);
  const requests = await send(`${url}export/requests.csv`);
  const [head, row] = parseCsv(requests.text.slice(1));
  const cell = (name) => row[head.indexOf(name)];
  assert.equal(cell('name'), `'${hostile.name}`, 'a formula is written as text');
  assert.equal(cell('orderNumber'), "'-42+1");
  assert.equal(cell('email'), "'+46@example.se");
  assert.equal(cell('message'), hostile.message, 'commas, quotes and line breaks survive');
  assert.equal(cell('dueDate'), '2025-06-01');
  assert.equal(head.length, row.length);
});

test('exports list receipts in the order they arrived, also within one batch', async (t) => {
  const {url} = await receiver(t);
  const ids = ['ffffffff-0000-4000-8000-000000000003', '00000000-ffff-4000-8000-000000000001', '88888888-0000-4000-8000-000000000002'];
  await postJson(`${url}receipts`, {receipts: ids.slice(0, 2).map((receiptId) => receipt({receiptId}))});
  await postJson(`${url}receipts`, {receipts: [receipt({receiptId: ids[2]})]});
  assert.deepEqual((await exported(url, 'receipts.json')).receipts.map((r) => r.receiptId), ids);
  const requests = ['ffffffff-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];
  for (const requestId of requests) await postJson(`${url}requests`, rightsRequest({requestId}));
  assert.deepEqual((await exported(url, 'requests.json')).requests.map((r) => r.requestId), requests);
});

test('exports can be narrowed to one consent id, the proof for one visitor', async (t) => {
  const {url} = await receiver(t);
  const mine = receipt({consentId: '11111111-2222-4333-8444-555555555555'});
  await postJson(`${url}receipts`, {receipts: [receipt(), mine, receipt()]});
  const {receipts} = await exported(url, `receipts.json?consentId=${mine.consentId}`);
  assert.deepEqual(receipts.map((r) => r.receiptId), [mine.receiptId]);
});

test('routes answer with the methods they take; other paths are not the receiver\'s', async (t) => {
  const {url} = await receiver(t);
  assert.equal((await send(`${url}receipts`)).status, 405);
  assert.equal((await send(`${url}export/receipts.csv`, {method: 'POST'})).status, 405);
  assert.equal((await send(`${url}export/everything.zip`)).status, 404);
  assert.equal((await send(`${url}nothing`)).status, 404);
});

test('the demo server mounts the receiver under /samtycke-api/ and still serves the shop', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'samtycke-receiver-'));
  const server = await startServer({port: 0, receiver: {dir}});
  t.after(async () => {
    await server.close();
    rmSync(dir, {recursive: true, force: true});
  });
  const kept = receipt();
  const res = await postJson(`${server.url}samtycke-api/receipts`, {receipts: [kept]});
  assert.deepEqual(res.json, {accepted: [kept.receiptId], duplicates: []});
  assert.equal([...server.receiver.store.receipts()].length, 1);
  assert.equal((await send(server.url)).status, 200, 'the demo shop');
  const plain = await startServer({port: 0});
  t.after(() => plain.close());
  assert.equal((await postJson(`${plain.url}samtycke-api/receipts`, {receipts: [kept]})).status, 405, 'without the option, no receiver');
});
