import {assert} from '@esm-bundle/chai';
import {ConsentChoiceError, createMemoryStore, SamtyckeWithdrawEvent, type ConsentRecord, type ConsentStore} from '../../src/core/index.js';
import {cleanUp, config, manager, mount, DAY, NOW, record} from '../helpers/fixtures.js';


const failingStore = (): ConsentStore => ({
  get: () => Promise.reject(new DOMException('blocked', 'SecurityError')),
  set: () => Promise.reject(new DOMException('blocked', 'SecurityError')),
  clear: () => Promise.reject(new DOMException('blocked', 'SecurityError')),
});

suite('consent manager', () => {
  setup(() => {
    window.ran = [];
  });
  teardown(cleanUp);

  test('a new visitor is undecided and only necessary is allowed', async () => {
    const {manager: m} = manager();
    const state = await m.ready;
    assert.equal(state.status, 'undecided');
    assert.equal(state.reason, 'new');
    assert.isTrue(m.isAllowed('necessary'), 'necessary is always allowed');
    assert.isFalse(m.isAllowed('analytics'), 'nothing optional before consent');
    assert.isFalse(m.isAllowed('marketing', 'meta-pixel'));
    assert.isFalse(m.isAllowed('no-such-category'), 'unknown is never allowed');
  });

  test('a decision is recorded with everything a proof needs', async () => {
    const store = createMemoryStore();
    const {manager: m} = manager(config(), {store, now: () => NOW, language: 'sv'});
    await m.save({analytics: true}, {source: 'preferences'});
    const saved = (await store.get()) as ConsentRecord;
    assert.equal(saved.method, 'custom');
    assert.equal(saved.source, 'preferences');
    assert.equal(saved.revision, 1);
    assert.equal(saved.language, 'sv');
    assert.equal(saved.timestamp, new Date(NOW).toISOString());
    assert.equal(saved.expires, new Date(NOW + 365 * DAY).toISOString(), 'expires after the lifetime');
    assert.match(saved.consentId, /^[0-9a-f-]{16,}$/, 'a random consent id');
    assert.deepEqual(saved.categories, {necessary: true, functional: false, analytics: true, marketing: false}, 'every category, unlisted ones refused');
    assert.deepEqual(saved.services, {ga4: true, 'meta-pixel': false, youtube: false}, 'every service');
  });

  test('accept all, reject all and withdraw record their method and keep the consent id', async () => {
    const store = createMemoryStore();
    const {manager: m} = manager(config(), {store});
    const first = (await m.acceptAll()).record!;
    assert.equal(first.method, 'accept-all');
    assert.isTrue(Object.values(first.categories).every(Boolean), 'everything allowed');
    const second = (await m.rejectAll()).record!;
    assert.equal(second.method, 'reject-all');
    assert.deepEqual(second.categories, {necessary: true, functional: false, analytics: false, marketing: false});
    const third = (await m.withdraw()).record!;
    assert.equal(third.method, 'withdrawal');
    assert.equal(third.consentId, first.consentId, 'one consent id per device');
  });

  test('per-service choices: a service can be refused inside an allowed category', async () => {
    const {manager: m} = manager();
    await m.save({marketing: true}, {services: {'meta-pixel': false}});
    assert.isTrue(m.isAllowed('marketing'));
    assert.isTrue(m.isAllowed('marketing', 'youtube'));
    assert.isFalse(m.isAllowed('marketing', 'meta-pixel'));
  });

  test('an unknown choice is an error and records nothing', async () => {
    const store = createMemoryStore();
    const {manager: m} = manager(config(), {store});
    let error: unknown;
    await m.save({analitycs: true}).catch((e) => (error = e));
    assert.instanceOf(error, ConsentChoiceError);
    assert.isUndefined(await store.get(), 'nothing stored');
    assert.equal(m.state.status, 'undecided');
  });

  test('a returning visitor within the lifetime is decided and their scripts run', async () => {
    mount(`<script type="text/plain" data-consent="analytics">window.ran.push('analytics')</script>`);
    const {manager: m} = manager(config(), {store: createMemoryStore(record()), now: () => NOW});
    const state = await m.ready;
    assert.equal(state.status, 'decided');
    assert.deepEqual(window.ran, ['analytics'], 'released without asking again');
  });

  test('a refusal is remembered like a consent', async () => {
    mount(`<script type="text/plain" data-consent="analytics">window.ran.push('analytics')</script>`);
    const refusal = record({method: 'reject-all', categories: {necessary: true, functional: false, analytics: false, marketing: false}, services: {ga4: false, 'meta-pixel': false, youtube: false}});
    const {manager: m} = manager(config(), {store: createMemoryStore(refusal), now: () => NOW});
    assert.equal((await m.ready).status, 'decided', 'not asked again');
    assert.deepEqual(window.ran, [], 'nothing runs');
  });

  test('a revision bump asks again and releases nothing', async () => {
    mount(`<script type="text/plain" data-consent="analytics">window.ran.push('analytics')</script>`);
    const {manager: m} = manager(config({revision: 2}), {store: createMemoryStore(record()), now: () => NOW});
    const state = await m.ready;
    assert.equal(state.status, 'undecided');
    assert.equal(state.reason, 'revision');
    assert.deepEqual(window.ran, []);
    assert.equal((await m.acceptAll()).record!.consentId, 'c0ffee', 'the device keeps its consent id');
  });

  test('an expired decision asks again and releases nothing', async () => {
    mount(`<script type="text/plain" data-consent="analytics">window.ran.push('analytics')</script>`);
    const {manager: m} = manager(config(), {store: createMemoryStore(record({expires: new Date(NOW - 1).toISOString()})), now: () => NOW});
    const state = await m.ready;
    assert.equal(state.reason, 'expired');
    assert.deepEqual(window.ran, []);
  });

  test('a stored record that is not a record is treated as no decision', async () => {
    const {manager: m} = manager(config(), {store: createMemoryStore({categories: 'all'})});
    assert.equal((await m.ready).reason, 'new');
  });

  test('when storage fails the widget works for this page view and says so once', async () => {
    mount(`<script type="text/plain" data-consent="analytics">window.ran.push('analytics')</script>`);
    const {manager: m, console: out} = manager(config(), {store: failingStore()});
    const state = await m.ready;
    assert.equal(state.status, 'undecided', 'asked, since nothing could be read');
    assert.deepEqual(window.ran, [], 'nothing leaks');
    const after = await m.acceptAll();
    assert.isFalse(after.persisted, 'the state says the choice is not stored');
    assert.deepEqual(window.ran, ['analytics'], 'released for this page view');
    await m.rejectAll();
    assert.equal(out.lines.filter((l) => l.level === 'warn').length, 1, 'one console warning');
  });

  test('withdrawal deletes the declared cookies and storage keys and reloads when a script ran', async () => {
    mount(`<script type="text/plain" data-consent="marketing" data-service="meta-pixel">document.cookie = '_fbp=fb.1; path=/'; localStorage.setItem('fb_x', '1'); window.ran.push('pixel')</script>`);
    document.cookie = 'unrelated=1; path=/';
    const {manager: m, reloads} = manager();
    await m.acceptAll();
    assert.include(document.cookie, '_fbp=', 'the pixel set its cookie');
    const withdrawals: SamtyckeWithdrawEvent[] = [];
    m.on('samtycke-withdraw', (e) => withdrawals.push(e));
    await m.withdraw();
    assert.notInclude(document.cookie, '_fbp=', 'the cookie is deleted');
    assert.isNull(localStorage.getItem('fb_x'), 'the storage key is deleted');
    assert.include(document.cookie, 'unrelated=1', 'undeclared cookies are left alone');
    assert.lengthOf(withdrawals, 1, 'one withdraw event');
    assert.deepEqual(withdrawals[0].detail.revoked.services, ['ga4', 'meta-pixel', 'youtube'], 'everything was withdrawn');
    assert.include(withdrawals[0].detail.cleared, '_fbp');
    assert.lengthOf(reloads, 1, 'the page reloads, since the pixel cannot be stopped');
    document.cookie = 'unrelated=; max-age=0; path=/';
  });

  test('the page can cancel the reload; nothing reloads when nothing withdrawn had run', async () => {
    mount(`<script type="text/plain" data-consent="analytics">window.ran.push('analytics')</script>`);
    const {manager: m, reloads} = manager();
    await m.acceptAll();
    const off = m.on('samtycke-withdraw', (e) => e.preventDefault());
    await m.save({marketing: true, analytics: false});
    assert.lengthOf(reloads, 0, 'cancelled');
    off();
    await m.save({analytics: false});
    assert.lengthOf(reloads, 0, 'marketing never ran a script here');
  });

  test('a change event says what was granted and revoked', async () => {
    const {manager: m} = manager();
    const details: {granted: string[]; revoked: string[]}[] = [];
    m.on('samtycke-change', (e) => details.push({granted: [...e.detail.granted.categories], revoked: [...e.detail.revoked.categories]}));
    await m.save({analytics: true});
    await m.save({marketing: true});
    assert.deepEqual(details, [{granted: ['analytics'], revoked: []}, {granted: ['marketing'], revoked: ['analytics']}]);
  });

  test('a decision in one tab reaches another tab', async () => {
    const channel = `samtycke-test-${Math.random()}`;
    const {manager: a} = manager(config(), {channel});
    const {manager: b} = manager(config(), {channel});
    await Promise.all([a.ready, b.ready]);
    const changed = new Promise((resolve) => b.on('samtycke-change', (e) => resolve(e.detail.origin)));
    await a.save({analytics: true});
    assert.equal(await changed, 'other-tab');
    assert.isTrue(b.isAllowed('analytics'), 'the other tab follows');
    assert.isFalse(b.isAllowed('marketing'));
  });
});

suite('quick copy of the decision', () => {
  setup(() => {
    window.ran = [];
  });
  teardown(cleanUp);

  const mirrorOf = (initial: ConsentRecord | null) => {
    let value = initial;
    return {read: () => value, write: (r: ConsentRecord | null) => void (value = r), get value() {
      return value;
    }};
  };
  const slowStore = (value: unknown) => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    return {store: {get: async () => (await gate, value), set: async () => undefined, clear: async () => undefined}, release};
  };

  test('a returning visitor is released from the copy before IndexedDB answers', async () => {
    mount(`<script type="text/plain" data-consent="analytics">window.ran.push('analytics')</script>`);
    const {store, release} = slowStore(record());
    const {manager: m} = manager(config(), {store, mirror: mirrorOf(record()), now: () => NOW});
    assert.equal(m.state.status, 'decided', 'decided at once');
    await new Promise((r) => requestAnimationFrame(r));
    assert.deepEqual(window.ran, ['analytics'], 'released while IndexedDB is still pending');
    release();
    assert.equal((await m.ready).status, 'decided');
  });

  test('a new visitor is undecided at once, so the banner need not wait for IndexedDB', () => {
    const {store} = slowStore(undefined);
    const {manager: m} = manager(config(), {store, mirror: mirrorOf(null)});
    assert.equal(m.state.status, 'undecided');
  });

  test('IndexedDB wins when the copy differs', async () => {
    mount(`<script type="text/plain" data-consent="analytics">window.ran.push('analytics')</script>`);
    const refusal = record({method: 'reject-all', timestamp: new Date(NOW).toISOString(), categories: {necessary: true}, services: {}});
    const mirror = mirrorOf(record());
    const {manager: m} = manager(config(), {store: createMemoryStore(refusal), mirror, now: () => NOW});
    const state = await m.ready;
    assert.isFalse(state.categories.analytics, 'the record refuses analytics');
    assert.equal(mirror.value!.method, 'reject-all', 'the copy is corrected');
  });

  test('a decision writes the copy; a failed write removes it', async () => {
    const mirror = mirrorOf(null);
    const {manager: m} = manager(config(), {mirror});
    await m.acceptAll();
    assert.equal(mirror.value!.method, 'accept-all');
    const failing = mirrorOf(record());
    const {manager: n} = manager(config(), {mirror: failing, store: {get: async () => record(), set: () => Promise.reject(new Error('quota')), clear: async () => undefined}, now: () => NOW});
    await n.rejectAll();
    assert.isNull(failing.value, 'no copy outlives a record that could not be written');
  });

  test('refusing on a new revision deletes the cookies the old consent left', async () => {
    document.cookie = '_ga=GA1.1; path=/';
    const {manager: m} = manager(config({revision: 2}), {store: createMemoryStore(record()), now: () => NOW});
    await m.ready;
    await m.rejectAll();
    assert.notInclude(document.cookie, '_ga=', 'the old analytics cookie is gone');
  });
});

suite('consent state integrity', () => {
  teardown(cleanUp);

  test('state snapshots cannot be changed to grant consent', async () => {
    const {manager: m} = manager();
    const state = await m.ready;
    assert.throws(() => ((state.categories as Record<string, boolean>).marketing = true), TypeError);
    assert.isFalse(m.isAllowed('marketing'));
    const decided = await m.rejectAll();
    assert.isTrue(Object.isFrozen(decided.record), 'the record is frozen too');
  });

  test('a late message from another tab does not undo a newer decision here', async () => {
    const channel = `samtycke-test-${Math.random()}`;
    const {manager: b} = manager(config(), {channel, now: () => NOW});
    await b.save({analytics: true});
    const fromOtherTabs: string[] = [];
    const newest = new Promise<void>((resolve) => b.on('samtycke-change', (e) => {
      if (e.detail.origin !== 'other-tab') return;
      fromOtherTabs.push(e.detail.method);
      resolve();
    }));
    // One sender delivers in order: the older record is handled before the newer one.
    const other = new BroadcastChannel(channel);
    other.postMessage(record({method: 'accept-all', timestamp: new Date(NOW - 1000).toISOString()}));
    other.postMessage(record({method: 'custom', timestamp: new Date(NOW + 1000).toISOString(),
      categories: {necessary: true, functional: true, analytics: false, marketing: false}, services: {ga4: false, 'meta-pixel': false, youtube: false}}));
    await newest;
    other.close();
    assert.deepEqual(fromOtherTabs, ['custom'], 'the older "accept all" was ignored; the newer choice applied');
    assert.isFalse(b.isAllowed('marketing'));
    assert.isTrue(b.isAllowed('functional'));
  });
});

suite('stored decisions that must not count', () => {
  teardown(cleanUp);

  test('a message from a tab still on an older revision is ignored', async () => {
    const channel = `samtycke-test-${Math.random()}`;
    const {manager: b} = manager(config({revision: 2}), {channel, now: () => NOW});
    await b.ready;
    const seen: string[] = [];
    const marker = new Promise<void>((resolve) => b.on('samtycke-change', (e) => {
      seen.push(`${e.detail.method}@${e.detail.state.record?.revision}`);
      if (e.detail.state.record?.revision === 2) resolve();
    }));
    const other = new BroadcastChannel(channel);
    other.postMessage(record({revision: 1, timestamp: new Date(NOW).toISOString()}));
    other.postMessage(record({revision: 2, method: 'reject-all', timestamp: new Date(NOW + 1000).toISOString(),
      categories: {necessary: true, functional: false, analytics: false, marketing: false}, services: {ga4: false, 'meta-pixel': false, youtube: false}}));
    await marker;
    other.close();
    assert.deepEqual(seen, ['reject-all@2'], 'the revision-1 "accept all" was never applied');
  });

  test('a record missing from IndexedDB is restored from the copy', async () => {
    const store = createMemoryStore();
    const copy = record();
    const {manager: m} = manager(config(), {store, mirror: {read: () => copy, write: () => undefined}, now: () => NOW});
    assert.equal((await m.ready).status, 'decided');
    assert.deepEqual(await store.get(), copy, 'written back from the copy');
  });

  test('a stored record whose expiry is not a date is no decision', async () => {
    const {manager: m} = manager(config(), {store: createMemoryStore(record({expires: 'never'})), now: () => NOW});
    assert.equal((await m.ready).reason, 'new');
  });

  test('a store that never answers counts as failed, and the page still works', async function () {
    this.timeout(10000);
    const hanging: ConsentStore = {get: () => new Promise(() => undefined), set: () => new Promise(() => undefined), clear: async () => undefined};
    const {manager: m, console: out} = manager(config(), {store: hanging});
    const state = await m.ready;
    assert.equal(state.status, 'undecided');
    assert.isFalse(state.persisted, 'the state says the choice cannot be kept');
    assert.lengthOf(out.lines.filter((l) => l.level === 'warn'), 1, 'one warning');
  });
});
