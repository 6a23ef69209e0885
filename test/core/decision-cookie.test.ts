import {assert} from '@esm-bundle/chai';
import {createCookieMirror, encodeDecisionCookie, parseDecisionCookie, readDecisionCookie, sameDecision} from '../../src/core/storage/decision-mirror.js';
import type {ConsentRecord} from '../../src/core/types.js';

const record = (over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  consentId: '2b0c6a9e-5d8f-4c1e-9f7a-1d2e3f4a5b6c', method: 'custom', source: 'preferences',
  timestamp: '2026-11-22T10:00:00.000Z', expires: '2099-11-22T10:00:00.000Z', revision: 3, language: 'sv',
  categories: {necessary: true, analytics: true, marketing: false}, services: {ga4: true, 'meta-pixel': false}, ...over,
});

suite('decision cookie', () => {
  teardown(() => {
    document.cookie = 'samtycke=; Path=/; Max-Age=0';
  });

  test('holds the decision in cookie-safe characters and reads back the same decision', () => {
    const value = encodeDecisionCookie(record(), null);
    assert.match(value, /^[A-Za-z0-9.~_-]+$/, 'no character a server would have to decode');
    const parsed = parseDecisionCookie(value)!;
    assert.isTrue(sameDecision(parsed.record, record()));
    assert.deepEqual(parsed.record.categories, {necessary: true, analytics: true}, 'granted categories only');
    assert.deepEqual(parsed.record.services, {ga4: true});
    assert.isNull(parsed.signals, 'no Consent Mode letters when Consent Mode is off');
  });

  test('carries the Consent Mode signals in key order', () => {
    const signals = {ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'granted',
      functionality_storage: 'denied', personalization_storage: 'denied', security_storage: 'granted'} as const;
    const value = encodeDecisionCookie(record(), signals);
    assert.match(value, /\.dddgddg$/);
    assert.deepEqual(parseDecisionCookie(value)!.signals, signals);
  });

  test('anything not exactly the format is no decision', () => {
    const good = encodeDecisionCookie(record(), null);
    for (const bad of [undefined, '', 'yes', good.replace(/^1\./, '2.'), good.replace('.custom.', '.grant-everything.'),
      good.replace('.sv.', '.<script>.'), `${good}.extra`, good.replace('analytics', 'Analytics')]) {
      assert.isNull(parseDecisionCookie(bad), String(bad));
    }
  });

  test('the mirror writes a cookie that lives until the consent expires, and removes it', () => {
    const mirror = createCookieMirror(document);
    mirror.write(record());
    assert.isTrue(sameDecision(mirror.read(), record()));
    assert.isDefined(readDecisionCookie(document.cookie));
    mirror.write(null);
    assert.isNull(mirror.read());
    mirror.write(record({expires: '2000-01-01T00:00:00.000Z'}));
    assert.isNull(mirror.read(), 'an expired consent leaves no cookie');
  });
});
