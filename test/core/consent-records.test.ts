import {assert} from '@esm-bundle/chai';
import {createMemoryStore, DEFAULT_MAPPING, signalsFor, type ConsentRecord} from '../../src/core/index.js';
import {cleanUp, config, manager, mount, DAY, NOW, record} from '../helpers/fixtures.js';


const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));

suite('service consent, expiry, GPC and forgetting', () => {
  setup(() => {
    window.ran = [];
  });
  teardown(cleanUp);

  test('"Always allow YouTube" allows that service alone: its tagged embed loads, the rest of marketing stays blocked', async () => {
    mount(`<script type="text/plain" data-consent="marketing" data-service="youtube">window.ran.push('youtube')</script>
      <script type="text/plain" data-consent="marketing" data-service="meta-pixel">window.ran.push('pixel')</script>
      <script type="text/plain" data-consent="marketing">window.ran.push('marketing')</script>`);
    const records: ConsentRecord[] = [];
    const {manager: m} = manager(config(), {onRecord: (r) => records.push(r)});
    await m.ready;
    await m.rejectAll();
    const state = await m.allowService('youtube', {source: 'embed'});
    await frame();
    assert.deepEqual(window.ran, ['youtube']);
    assert.isTrue(m.isAllowed('marketing', 'youtube'));
    assert.isFalse(m.isAllowed('marketing'), 'the category itself is not granted');
    assert.equal(state.record!.method, 'service');
    assert.equal(state.record!.source, 'embed');
    assert.deepEqual(records.map((r) => r.method), ['reject-all', 'service'], 'every record is told, for its receipt');
  });

  test('allowing a service before answering the banner allows that service only; the visitor is still asked about the rest', async () => {
    mount(`<script type="text/plain" data-consent="marketing" data-service="youtube">window.ran.push('youtube')</script>
      <script type="text/plain" data-consent="analytics" data-service="ga4">window.ran.push('ga4')</script>`);
    const store = createMemoryStore();
    const {manager: m} = manager(config(), {store});
    await m.ready;
    const state = await m.allowService('youtube', {source: 'embed'});
    await frame();
    assert.deepEqual(window.ran, ['youtube']);
    assert.equal(state.status, 'undecided', 'the banner keeps asking');
    assert.isTrue(state.services.youtube);
    const next = manager(config(), {store}).manager;
    const later = await next.ready;
    assert.equal(later.status, 'undecided', 'and still asks on the next page view');
    assert.isTrue(later.services.youtube, 'while YouTube stays allowed');
    const decided = await next.rejectAll();
    assert.equal(decided.status, 'decided');
    assert.isFalse(decided.services.youtube, '"Reject all" refuses it too');
  });

  test('a consent that ran out is recorded once as an expiry, and the visitor is asked again', async () => {
    const store = createMemoryStore(record({expires: new Date(NOW - 1).toISOString()}));
    const records: ConsentRecord[] = [];
    const {manager: m} = manager(config(), {store, now: () => NOW, onRecord: (r) => records.push(r)});
    const state = await m.ready;
    assert.equal(state.status, 'undecided');
    assert.equal(state.reason, 'expired');
    assert.deepEqual(records.map((r) => [r.method, r.source, r.consentId]), [['expiry', 'expiry', 'c0ffee']]);
    assert.isFalse(Object.entries(records[0].categories).some(([id, on]) => on && id !== 'necessary'), 'nothing but necessary');
    const again = manager(config(), {store, now: () => NOW, onRecord: (r) => records.push(r)}).manager;
    assert.equal((await again.ready).reason, 'expired', 'still asked again on the next page view');
    assert.lengthOf(records, 1, 'the expiry is recorded once, not on every page view');
  });

  test('under GPC an earlier marketing grant is withdrawn before anything runs, and recorded with source gpc', async () => {
    mount(`<script type="text/plain" data-consent="analytics" data-service="ga4">window.ran.push('ga4')</script>
      <script type="text/plain" data-consent="marketing" data-service="meta-pixel">window.ran.push('pixel')</script>`);
    const store = createMemoryStore(record());
    const {manager: m} = manager(config(), {store, now: () => NOW, gpc: new Set(['marketing'])});
    assert.isFalse(m.isAllowed('marketing'), 'not allowed even before the record is confirmed');
    const state = await m.ready;
    await frame();
    assert.deepEqual(window.ran, ['ga4']);
    assert.equal(state.record!.method, 'gpc');
    assert.equal(state.record!.source, 'gpc');
    assert.isFalse(state.services['meta-pixel']);
    assert.isTrue(state.categories.analytics, 'other choices stay');
  });

  test('a grant made knowingly under GPC stays', async () => {
    const store = createMemoryStore(record({method: 'custom', gpc: true}));
    const {manager: m} = manager(config(), {store, now: () => NOW, gpc: new Set(['marketing'])});
    const state = await m.ready;
    assert.equal(state.record!.method, 'custom');
    assert.isTrue(state.categories.marketing);
  });

  test('"Accept all" under GPC grants everything but marketing', async () => {
    const {manager: m} = manager(config(), {gpc: new Set(['marketing'])});
    const state = await m.acceptAll();
    assert.isTrue(state.categories.analytics);
    assert.isFalse(state.categories.marketing);
    assert.isFalse(state.services['meta-pixel']);
    assert.isTrue(state.record!.gpc);
  });

  test('forgetting the device erases the record and asks again as a new visitor', async () => {
    const store = createMemoryStore();
    const {manager: m} = manager(config(), {store});
    const first = (await m.acceptAll()).record!.consentId;
    const state = await m.forget();
    assert.equal(state.status, 'undecided');
    assert.equal(state.reason, 'new');
    assert.isUndefined(await store.get());
    const next = (await m.acceptAll()).record!;
    assert.notEqual(next.consentId, first, 'a new consent id after forgetting: nothing links the two');
  });
});

suite('Consent Mode signals', () => {
  test('the default mapping grants each key from its category; security storage is always granted', () => {
    const signals = signalsFor({necessary: true, analytics: true, marketing: false, functional: false}, DEFAULT_MAPPING);
    assert.equal(signals.analytics_storage, 'granted');
    assert.equal(signals.ad_storage, 'denied');
    assert.equal(signals.ad_user_data, 'denied');
    assert.equal(signals.functionality_storage, 'denied');
    assert.equal(signals.security_storage, 'granted');
  });

  test('a key two categories map is granted only when both are; a key no category maps stays denied', () => {
    const mapping = {analytics: ['analytics_storage'], marketing: ['analytics_storage', 'ad_storage']} as const;
    assert.equal(signalsFor({analytics: true, marketing: false}, mapping).analytics_storage, 'denied');
    assert.equal(signalsFor({analytics: true, marketing: true}, mapping).analytics_storage, 'granted');
    assert.equal(signalsFor({analytics: true, marketing: true}, mapping).functionality_storage, 'denied');
  });
});
