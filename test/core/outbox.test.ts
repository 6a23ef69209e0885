import {assert} from '@esm-bundle/chai';
import {createStore, get, set, type UseStore} from 'idb-keyval';
import {createOutbox, type OutboxOptions} from '../../src/core/receipts/outbox.js';
import {createReceipt} from '../../src/core/receipts/receipt.js';
import type {ConsentReceipt} from '../../src/core/receipts/types.js';

const receipt = (n: number, extra: Readonly<Record<string, boolean>> = {}): ConsentReceipt => createReceipt({
  consentId: 'c0ffee', method: 'accept-all', timestamp: '2026-05-01T10:00:00.000Z', expires: '2027-05-01T10:00:00.000Z',
  revision: 1, language: 'sv', categories: {necessary: true, analytics: true}, services: {ga4: true, ...extra},
}, {source: 'banner', configHash: null, page: 'https://shop.example/', widget: 'samtycke/test', receiptId: `r-${String(n).padStart(4, '0')}`});

const ids = (list: readonly ConsentReceipt[]) => list.map((r) => r.receiptId);
const range = (from: number, to: number) => Array.from({length: to - from + 1}, (_, i) => receipt(from + i));
const storeName = () => `samtycke-test-${crypto.randomUUID()}`;

type Answer = 'store' | 'offline' | 'lost' | 'hang' | {status: number; body?: unknown; headers?: Record<string, string>} | Promise<'store'>;

/** A stand-in for the shop's endpoint: stores receipt ids and answers per the contract, or as told. */
function endpoint() {
  const stored: string[] = [];
  const calls: {url: string; init: RequestInit; ids: string[]; body: {receipts: ConsentReceipt[]; decisionCookie?: string}}[] = [];
  const answers: Answer[] = [];
  const waiters: {count: number; resolve: () => void}[] = [];
  const accept = (sent: string[]) => {
    const fresh = sent.filter((id) => !stored.includes(id));
    stored.push(...fresh);
    return new Response(JSON.stringify({accepted: fresh, duplicates: sent.filter((id) => !fresh.includes(id))}), {status: 200});
  };
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const body = JSON.parse(String(init.body));
    const sent = (body.receipts as ConsentReceipt[]).map((r) => r.receiptId);
    calls.push({url: String(input), init, ids: sent, body});
    for (const w of waiters.filter((w) => calls.length >= w.count)) w.resolve();
    const answer = answers.shift() ?? 'store';
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    if (answer === 'lost') throw (accept(sent), new TypeError('Failed to fetch'));
    if (answer === 'hang') {
      return new Promise<Response>((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    }
    if (answer === 'store') return accept(sent);
    if (answer instanceof Promise) return (await answer, accept(sent));
    const empty = answer.status === 204 || answer.body === undefined;
    return new Response(empty ? null : JSON.stringify(answer.body), {status: answer.status, headers: answer.headers});
  }) as typeof globalThis.fetch;
  /** Resolves once the endpoint has been called `count` times: a signal, not a sleep. */
  const called = (count: number) => new Promise<void>((resolve) => (calls.length >= count ? resolve() : waiters.push({count, resolve})));
  return {stored, calls, answers, fetch, called};
}

/** Timers the test runs by hand. */
function clock() {
  const timers = new Map<number, {run: () => void; ms: number}>();
  let next = 0;
  return {
    now: () => Date.parse('2026-05-01T10:00:00Z'),
    schedule: (run: () => void, ms: number) => (timers.set(++next, {run, ms}), next),
    cancel: (handle: unknown) => void timers.delete(handle as number),
    /** Delays of the timers waiting now. */
    waiting: () => [...timers.values()].map((t) => t.ms),
    /** Runs the one waiting timer (the retry) and returns its delay. */
    fire(): number {
      assert.lengthOf(timers, 1, 'exactly one timer waits');
      const [[handle, timer]] = [...timers];
      timers.delete(handle!);
      timer!.run();
      return timer!.ms;
    },
  };
}

function setUp(options: Partial<OutboxOptions> & {store?: UseStore} = {}) {
  const server = endpoint();
  const time = clock();
  const errors: string[] = [];
  const store = options.store ?? createStore(storeName(), 'consent');
  const outbox = createOutbox({
    endpoint: '/samtycke-api/receipts', fetch: server.fetch, store, now: time.now, schedule: time.schedule, cancel: time.cancel,
    random: () => 0.5, console: {error: (text: string) => void errors.push(text)}, ...options,
  });
  return {server, time, errors, store, outbox};
}

/** A window stand-in whose events the test dispatches. */
function fakeView() {
  const document = Object.assign(new EventTarget(), {visibilityState: 'visible' as DocumentVisibilityState});
  return Object.assign(new EventTarget(), {document}) as unknown as Window & {document: {visibilityState: DocumentVisibilityState}};
}

suite('outbox', () => {
  test('a receipt is posted as JSON to the endpoint, relative to the page, and leaves once accepted', async () => {
    const {server, outbox} = setUp({decisionCookie: () => '1.c0ffee.x'});
    await outbox.add(receipt(1));
    await outbox.flush();
    assert.equal(server.calls[0]!.url, new URL('/samtycke-api/receipts', location.href).href);
    assert.equal(server.calls[0]!.init.method, 'POST');
    assert.equal(new Headers(server.calls[0]!.init.headers).get('Content-Type'), 'application/json');
    assert.deepEqual(server.calls[0]!.body, {receipts: [receipt(1)], decisionCookie: '1.c0ffee.x'}, 'the receipt whole, and the decision cookie');
    assert.deepEqual(server.stored, ['r-0001']);
    assert.deepEqual(await outbox.pending(), []);
    const other = createOutbox({endpoint: 'receipts', base: 'https://shop.example/sv/kassa', fetch: server.fetch, store: createStore(storeName(), 'consent')});
    await other.add(receipt(2));
    await other.flush();
    assert.equal(server.calls.at(-1)!.url, 'https://shop.example/sv/receipts');
  });

  test('batches hold at most 50 receipts, oldest first', async () => {
    const {server, outbox, store} = setUp();
    await set('outbox', range(1, 120), store);
    await outbox.flush();
    assert.deepEqual(server.calls.map((c) => c.ids.length), [50, 50, 20]);
    assert.deepEqual(server.stored, ids(range(1, 120)), 'each once, in order');
  });

  test('batches stay under 60 KB, so they may go with keepalive', async () => {
    const {server, outbox, store} = setUp();
    const services = Object.fromEntries(Array.from({length: 150}, (_, i) => [`custom-service-number-${i}`, i % 2 === 0]));
    const big = Array.from({length: 40}, (_, i) => receipt(i + 1, services));
    await set('outbox', big, store);
    await outbox.flush();
    assert.isAbove(server.calls.length, 1, 'the receipts need more than one request');
    for (const call of server.calls) assert.isAtMost(new TextEncoder().encode(String(call.init.body)).length, 60 * 1024);
    assert.deepEqual(server.stored, ids(big));
  });

  test('after a lost answer the same receipts go again and the endpoint counts them once', async () => {
    const {server, time, outbox, store} = setUp();
    await set('outbox', range(1, 2), store);
    server.answers.push('lost');
    await outbox.flush();
    assert.deepEqual(await outbox.pending(), range(1, 2), 'no answer: nothing leaves the outbox');
    time.fire();
    await outbox.flush();
    assert.deepEqual(server.calls.map((c) => c.ids), [['r-0001', 'r-0002'], ['r-0001', 'r-0002']], 'the same ids again');
    assert.deepEqual(server.stored, ['r-0001', 'r-0002'], 'stored once');
    assert.deepEqual(await outbox.pending(), [], 'duplicates count as delivered');
  });

  test('failures back off 2 s × 2ⁿ up to 10 minutes, and a success starts over', async () => {
    const {server, time, outbox} = setUp();
    server.answers.push(...Array<Answer>(11).fill({status: 503}));
    await outbox.add(receipt(1));
    await outbox.flush();
    const delays = [];
    for (let i = 0; i < 11; i++) {
      delays.push(time.fire());
      await outbox.flush();
    }
    assert.deepEqual(delays, [2, 4, 8, 16, 32, 64, 128, 256, 512, 600, 600].map((s) => s * 1000));
    assert.deepEqual(server.stored, ['r-0001'], 'delivered on the twelfth try');
    assert.deepEqual(time.waiting(), [], 'no retry after a success');
    server.answers.push('offline');
    await outbox.add(receipt(2));
    await outbox.flush();
    assert.deepEqual(time.waiting(), [2000], 'the backoff starts over');
  });

  test('retries are spread ± 20 %, and Retry-After is honoured', async () => {
    const low = setUp({random: () => 0});
    low.server.answers.push('offline');
    await low.outbox.add(receipt(1));
    await low.outbox.flush();
    assert.deepEqual(low.time.waiting(), [1600]);
    const high = setUp({random: () => 0.999_999});
    high.server.answers.push({status: 429, headers: {'Retry-After': '120'}});
    await high.outbox.add(receipt(1));
    await high.outbox.flush();
    assert.deepEqual(high.time.waiting(), [120_000], 'seconds');
    const dated = setUp();
    dated.server.answers.push({status: 503, headers: {'Retry-After': new Date(dated.time.now() + 300_000).toUTCString()}});
    await dated.outbox.add(receipt(1));
    await dated.outbox.flush();
    assert.deepEqual(dated.time.waiting(), [300_000], 'an HTTP date');
  });

  test('offline, receipts wait; back online, they are sent at once', async () => {
    const {server, time, outbox, store} = setUp();
    await set('outbox', [receipt(1)], store);
    server.answers.push('offline');
    const view = fakeView();
    const stop = outbox.start(view);
    await outbox.flush();
    assert.lengthOf(server.calls, 1, 'start sends at once');
    await outbox.add(receipt(2));
    assert.deepEqual(server.stored, []);
    assert.lengthOf(server.calls, 1, 'the add waits for the scheduled retry instead of another request');
    assert.deepEqual(time.waiting(), [2000]);
    view.dispatchEvent(new Event('online'));
    await outbox.flush();
    assert.deepEqual(server.stored, ['r-0001', 'r-0002']);
    assert.deepEqual(time.waiting(), [], 'the pending retry is cancelled');
    stop();
  });

  test('on page hide what waits is sent at once with keepalive', async () => {
    const {server, outbox, store} = setUp();
    await set('outbox', [receipt(1)], store);
    server.answers.push('offline');
    const view = fakeView();
    const stop = outbox.start(view);
    await outbox.flush();
    await outbox.add(receipt(2));
    const before = server.calls.length;
    view.dispatchEvent(new Event('pagehide'));
    assert.lengthOf(server.calls, before + 1, 'sent inside the pagehide handler, before the page can go');
    assert.isTrue(server.calls.at(-1)!.init.keepalive, 'keepalive outlives the page');
    assert.deepEqual(server.calls.at(-1)!.ids, ['r-0001', 'r-0002']);
    view.document.visibilityState = 'hidden';
    view.document.dispatchEvent(new Event('visibilitychange'));
    assert.lengthOf(server.calls, before + 1, 'one keepalive request at a time');
    await outbox.flush();
    assert.deepEqual(server.stored, ['r-0001', 'r-0002']);
    assert.deepEqual(await outbox.pending(), []);
    stop();
  });

  test('a hidden tab sends with keepalive; a visible one does not; stop removes the listeners', async () => {
    const {server, outbox, store} = setUp();
    server.answers.push('offline');
    await set('outbox', [receipt(1)], store);
    const view = fakeView();
    const stop = outbox.start(view);
    await outbox.flush();
    view.document.dispatchEvent(new Event('visibilitychange'));
    assert.lengthOf(server.calls, 1, 'still visible');
    stop();
    view.document.visibilityState = 'hidden';
    view.document.dispatchEvent(new Event('visibilitychange'));
    assert.lengthOf(server.calls, 1, 'stopped');
    const again = outbox.start(view);
    await outbox.flush();
    view.document.dispatchEvent(new Event('visibilitychange'));
    assert.lengthOf(server.calls, 2, 'the flush on start delivered it; nothing left to send');
    again();
  });

  test('a receipt added while a request is in flight goes in the next round', async () => {
    const {server, outbox, store} = setUp();
    await set('outbox', [receipt(1)], store);
    let answer!: () => void;
    server.answers.push(new Promise<'store'>((resolve) => (answer = () => resolve('store'))));
    const flushed = outbox.flush();
    await server.called(1);
    await outbox.add(receipt(2));
    answer();
    await flushed;
    assert.deepEqual(server.calls.map((c) => c.ids), [['r-0001'], ['r-0002']]);
    assert.deepEqual(await outbox.pending(), []);
  });

  test('two tabs on one database: with Web Locks only one sends, and none is lost', async () => {
    const name = storeName();
    const tabA = setUp({store: createStore(name, 'consent')});
    const tabB = setUp({store: createStore(name, 'consent'), fetch: tabA.server.fetch});
    let answer!: () => void;
    tabA.server.answers.push(new Promise<'store'>((resolve) => (answer = () => resolve('store'))));
    await tabA.outbox.add(receipt(1));
    await tabA.server.called(1);
    await tabB.outbox.add(receipt(2));
    await tabB.outbox.flush();
    assert.lengthOf(tabA.server.calls, 1, 'tab B does not send while tab A does');
    answer();
    await tabA.outbox.flush();
    tabB.time.fire();
    await tabB.outbox.flush();
    assert.deepEqual(tabA.server.calls.map((c) => c.ids), [['r-0001'], ['r-0002']], 'tab A took tab B\'s receipt in its next round');
    assert.deepEqual(await tabB.outbox.pending(), []);
  });

  test('two tabs adding at once: every receipt arrives, each sent once with locks, at least once without', async () => {
    for (const locks of [navigator.locks, null]) {
      const name = storeName();
      const tabA = setUp({store: createStore(name, 'consent'), locks});
      const tabB = setUp({store: createStore(name, 'consent'), fetch: tabA.server.fetch, locks});
      await Promise.all(range(1, 20).map((r, i) => (i % 2 ? tabA : tabB).outbox.add(r)));
      for (let round = 0; round < 10 && (tabA.time.waiting().length || tabB.time.waiting().length); round++) {
        for (const tab of [tabA, tabB]) {
          if (tab.time.waiting().length) tab.time.fire();
          await tab.outbox.flush();
        }
      }
      await Promise.all([tabA.outbox.flush(), tabB.outbox.flush()]);
      const sent = tabA.server.calls.flatMap((c) => c.ids);
      assert.sameMembers(tabA.server.stored, ids(range(1, 20)), 'none lost');
      if (locks) assert.lengthOf(sent, 20, 'none sent twice');
      assert.deepEqual([...await tabA.outbox.pending(), ...await tabB.outbox.pending()], []);
    }
  });

  test('receipts the endpoint calls invalid are dropped, with one console error that names them', async () => {
    const {server, errors, outbox, store} = setUp();
    await set('outbox', range(1, 3), store);
    server.answers.push({status: 400, body: {errors: [
      {receiptId: 'r-0001', path: '$.categories', message: 'must be an object'},
      {receiptId: 'r-0003', path: '$.timestamp', message: 'must be an ISO date'},
    ]}});
    await outbox.flush();
    assert.lengthOf(errors, 1, 'one console error');
    assert.include(errors[0], 'r-0001');
    assert.include(errors[0], 'r-0003 $.timestamp: must be an ISO date');
    assert.include(errors[0], '"accepted"', 'with the endpoint contract');
    assert.deepEqual(server.calls.map((c) => c.ids), [['r-0001', 'r-0002', 'r-0003'], ['r-0002']], 'the valid one goes again at once');
    assert.deepEqual(server.stored, ['r-0002']);
    assert.deepEqual(await outbox.pending(), []);
  });

  test('an answer outside the contract keeps the receipts, retries, and says so once', async () => {
    const {server, time, errors, outbox, store} = setUp();
    await set('outbox', range(1, 2), store);
    server.answers.push({status: 404}, {status: 404}, {status: 200, body: {accepted: ['r-0001']}}, {status: 204});
    await outbox.flush();
    time.fire();
    await outbox.flush();
    assert.lengthOf(errors, 1, 'the same problem is told once');
    assert.include(errors[0], 'answered 404');
    time.fire();
    await outbox.flush();
    assert.deepEqual(await outbox.pending(), [receipt(2)], 'a receipt the answer does not list stays');
    assert.lengthOf(errors, 3, 'unlisted receipts are a problem of their own');
    time.fire();
    await outbox.flush();
    assert.deepEqual(await outbox.pending(), [], 'delivered once the endpoint keeps the contract');
  });

  test('a request that hangs times out and is retried', async () => {
    const {server, time, outbox, store} = setUp();
    await set('outbox', [receipt(1)], store);
    server.answers.push('hang');
    const flushed = outbox.flush();
    await server.called(1);
    assert.deepEqual(time.waiting(), [30_000], 'a timeout guards the request');
    time.fire();
    await flushed;
    assert.deepEqual(time.waiting(), [2000], 'retried like a network error');
    time.fire();
    await outbox.flush();
    assert.deepEqual(server.stored, ['r-0001']);
  });

  test('without IndexedDB, blocked or missing, or with a full disk, a receipt is still sent on this page, and add says it is not stored', async () => {
    const blocked: UseStore = () => Promise.reject(new DOMException('blocked', 'SecurityError'));
    const real = createStore(storeName(), 'consent');
    const full: UseStore = (mode, callback) =>
      mode === 'readwrite' ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : real(mode, callback);
    const missing: UseStore = () => {
      throw new ReferenceError('indexedDB is not defined');
    };
    for (const store of [blocked, full, missing]) {
      const {server, outbox} = setUp({store});
      server.answers.push('offline');
      let error: unknown;
      await outbox.add(receipt(1)).catch((e: unknown) => (error = e));
      assert.instanceOf(error, Error, 'add rejects');
      await outbox.flush();
      assert.deepEqual(await outbox.pending(), [receipt(1)], 'kept in memory through a failure');
      await outbox.flush();
      assert.deepEqual(server.stored, ['r-0001']);
      assert.deepEqual(await outbox.pending(), []);
    }
  });

  test('a receipt added just as the last round finds the outbox empty still goes', async () => {
    const real = createStore(storeName(), 'consent');
    let reads = 0;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reading!: () => void;
    const readDone = new Promise<void>((resolve) => (reading = resolve));
    // The second read of the outbox (the one that finds it empty) answers only when the test says.
    const store: UseStore = (mode, callback) => real(mode, callback).then(async (value) => {
      if (mode === 'readonly' && ++reads === 2) {
        reading();
        await held;
      }
      return value;
    });
    const {server, outbox} = setUp({store});
    await set('outbox', [receipt(1)], real);
    const flushed = outbox.flush();
    await readDone;
    await outbox.add(receipt(2));
    release();
    await flushed;
    assert.deepEqual(server.calls.map((c) => c.ids), [['r-0001'], ['r-0002']]);
  });

  test('a batch that gets through resets the backoff, even when the next one fails', async () => {
    const {server, time, outbox, store} = setUp();
    await set('outbox', range(1, 60), store);
    server.answers.push('offline', 'offline', 'store', {status: 503});
    await outbox.flush();
    time.fire();
    await outbox.flush();
    assert.deepEqual(time.waiting(), [4000], 'two failures');
    time.fire();
    await outbox.flush();
    assert.lengthOf(server.stored, 50, 'the first batch got through');
    assert.deepEqual(time.waiting(), [2000], 'the backoff starts over');
  });

  test('clear empties the outbox', async () => {
    const {outbox, store} = setUp();
    await set('outbox', range(1, 2), store);
    await outbox.clear();
    assert.isUndefined(await get('outbox', store));
  });
});
