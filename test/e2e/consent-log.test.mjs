// Proof of consent reaching the shop: every decision's receipt goes from the visitor's outbox to
// the reference receiver (server/) exactly once, although the visitor was offline when deciding
// or the receiver failed. The receiver runs on the page's own origin under /samtycke-api/, as in
// the demo, with a temporary database.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {chromium} from 'playwright';
import {launchOptions} from '../../scripts/chromium.mjs';
import {startServer} from '../../scripts/serve.mjs';
import {openReceiverStore} from '../../server/receiver-store.mjs';
import {ready, shopConfig, shopPage, visit, widget} from './helpers.mjs';

const ENDPOINT = '/samtycke-api/receipts';

/**
 * The demo server with the receiver mounted, and a browser. `arrivals` lists every receipt id
 * that reached the receiver's store, in order, however often it came: the receiver's own view.
 */
const env = {browser: undefined, server: undefined, url: '', store: undefined, arrivals: [], dir: ''};
before(async () => {
  env.dir = mkdtempSync(path.join(tmpdir(), 'samtycke-consent-log-'));
  const real = openReceiverStore(env.dir);
  env.store = {...real, addReceipts: (list) => (env.arrivals.push(...list.map((r) => r.receiptId)), real.addReceipts(list))};
  env.server = await startServer({port: 0, receiver: {store: env.store, localExports: true}});
  env.url = env.server.url;
  env.browser = await chromium.launch(launchOptions());
});
after(async () => {
  await env.browser?.close();
  await env.server?.close();
  await env.store?.close();
  rmSync(env.dir, {recursive: true, force: true});
});

const files = {
  '/e2e/page.html': shopPage({config: '/e2e/config.json'}),
  '/e2e/config.json': JSON.stringify(shopConfig({consentLog: {endpoint: ENDPOINT}})),
};

/** One of Samtycke's IndexedDB entries on this device (`receipts`, `outbox`), or []. */
const stored = (page, key) => page.evaluate((name) => new Promise((resolve, reject) => {
  const open = indexedDB.open('samtycke');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const get = db.transaction('consent').objectStore('consent').get(name);
    get.onsuccess = () => (db.close(), resolve(get.result ?? []));
    get.onerror = () => (db.close(), reject(get.error));
  };
}), key);

/** Resolves once the device's outbox holds exactly `count` receipts (the widget writes it after each decision). */
const outboxHolds = (page, count) => page.waitForFunction((n) => new Promise((resolve) => {
  const open = indexedDB.open('samtycke');
  open.onerror = () => resolve(false);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('consent')) return (db.close(), resolve(false));
    const get = db.transaction('consent').objectStore('consent').get('outbox');
    get.onsuccess = () => (db.close(), resolve((get.result ?? []).length === n));
    get.onerror = () => (db.close(), resolve(false));
  };
}), count);

/** Rejects everything in the banner, then allows everything from the preferences dialog. */
async function decideTwice(ui, between = async () => undefined) {
  await ui.banner.rejectAll.click();
  await between();
  await ui.settingsButton.click();
  await ui.preferences.dialog.waitFor({state: 'visible'});
  await ui.preferences.acceptAll.click();
}

/** Receipt ids in the receiver's database for this device's consent id, in arrival order. */
const receivedFor = (consentId) => [...env.store.receipts()].filter((r) => r.consentId === consentId).map((r) => r.receiptId);
const count = (list, id) => list.filter((x) => x === id).length;
/** Seconds from now to the expiry of the decision in force. */
const secondsToExpiry = async (page) => {
  const {record} = await page.evaluate(() => window.samtycke.state);
  return (Date.parse(record.expires) - Date.now()) / 1000;
};

test('decisions made offline reach the receiver once each when the visitor is back online', async (t) => {
  const {context, page} = await visit(t, env, {files});
  const ui = widget(page);
  await page.goto(`${env.url}e2e/page.html`);
  await ready(page);
  await ui.banner.box.waitFor({state: 'visible'});
  // The page has finished loading (the dialog's code is fetched right after the banner shows).
  await page.waitForFunction(() => customElements.get('samtycke-preferences'));
  await context.setOffline(true);

  await decideTwice(ui);
  await outboxHolds(page, 2);
  const device = await stored(page, 'receipts');
  assert.deepEqual(device.map((r) => r.method), ['reject-all', 'accept-all'], 'the device keeps a receipt per decision');
  const ids = device.map((r) => r.receiptId);
  assert.deepEqual(receivedFor(device[0].consentId), [], 'nothing reached the receiver while offline');

  const delivered = page.waitForResponse((r) => new URL(r.url()).pathname === ENDPOINT && r.status() === 200);
  await context.setOffline(false);
  const response = await delivered;
  await outboxHolds(page, 0);

  assert.deepEqual(receivedFor(device[0].consentId), ids, 'both receipts are in the receiver\'s database, in order');
  for (const id of ids) assert.equal(count(env.arrivals, id), 1, `receipt ${id} was sent to the receiver once`);
  const kept = env.store.getReceipt(ids[1]);
  const {receivedAt, ...receipt} = kept;
  assert.deepEqual(receipt, device[1], 'stored exactly as the device recorded it');
  assert.ok(!Number.isNaN(Date.parse(receivedAt)));
  assert.equal(kept.categories.marketing, true);
  assert.match(kept.configHash, /^[0-9a-f]{64}$/, 'with the hash of what the visitor was shown');
  assert.equal(kept.page, `${env.url}e2e/page.html`);
  // Same origin: the receiver sets the decision cookie again from the server (Safari's 7-day cap
  // applies to cookies written by script).
  const cookie = (await context.cookies()).find((c) => c.name === 'samtycke');
  const header = /^samtycke=([^;]+); Path=\/; Max-Age=(\d+); SameSite=Lax$/.exec(await response.headerValue('set-cookie'));
  assert.ok(header, 'the answer sets the decision cookie with the widget\'s attributes');
  assert.equal(header[1], cookie.value, 'the decision in force');
  assert.ok(Math.abs(Number(header[2]) - await secondsToExpiry(page)) < 60, 'until the decision expires');
  assert.ok(!cookie.httpOnly, 'the widget still reads it');
});

test('a receiver that fails, or whose answer is lost, still ends with each receipt once', async (t) => {
  const {context, page} = await visit(t, env, {files});
  // First: the receiver is down (500, nothing stored). Then: stored, but the answer is lost (500).
  const behaviours = ['down', 'through', 'answer lost', 'through'];
  const seen = [];
  await context.route(`**${ENDPOINT}`, async (route) => {
    const behaviour = behaviours.shift() ?? 'through';
    seen.push(behaviour);
    if (behaviour === 'down') return route.fulfill({status: 500, contentType: 'application/json', body: '{"errors":[]}'});
    const response = await route.fetch();
    if (behaviour === 'answer lost') return route.fulfill({status: 500, contentType: 'application/json', body: '{"errors":[]}'});
    return route.fulfill({response});
  });
  const ui = widget(page);
  await page.goto(`${env.url}e2e/page.html`);
  await ready(page);

  const firstDelivered = page.waitForResponse((r) => new URL(r.url()).pathname === ENDPOINT && r.status() === 200);
  await decideTwice(ui, async () => {
    // The retry after the 500 brings the first receipt before the second decision.
    await firstDelivered;
    await outboxHolds(page, 0);
  });
  await outboxHolds(page, 1);
  const secondDelivered = page.waitForResponse((r) => new URL(r.url()).pathname === ENDPOINT && r.status() === 200);
  await secondDelivered;
  await outboxHolds(page, 0);

  assert.deepEqual(seen, ['down', 'through', 'answer lost', 'through'], 'each failure was followed by a retry');
  const device = await stored(page, 'receipts');
  const ids = device.map((r) => r.receiptId);
  assert.equal(ids.length, 2);
  assert.deepEqual(receivedFor(device[0].consentId), ids, 'each receipt stored, in order');
  assert.equal(count(env.arrivals, ids[0]), 1, 'the first reached the receiver only on the retry');
  assert.equal(count(env.arrivals, ids[1]), 2, 'the second reached it twice: before the lost answer and on the retry');

  // The export the shop downloads lists each receipt once.
  const csv = await (await fetch(`${env.url}samtycke-api/export/receipts.csv`)).text();
  for (const id of ids) assert.equal(csv.split(id).length - 1, 1, `receipt ${id} is one row of the export`);
});
