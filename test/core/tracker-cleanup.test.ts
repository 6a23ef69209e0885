import {assert} from '@esm-bundle/chai';
import {candidateDomains, candidatePaths, clearTrackerData, createDocumentCookieJar, type CookieJar} from '../../src/core/gating/tracker-cleanup.js';
import type {ServiceConfig} from '../../src/core/index.js';

const service: ServiceConfig = {
  id: 'ga4', name: 'GA4', category: 'analytics', provider: 'Google', purpose: 'Stats',
  cookies: [{name: '_ga', duration: '2 years'}, {name: '_ga_*', duration: '2 years', path: '/shop'}, {name: 'NID', duration: '6 months', party: 'third', domain: '.google.com'}],
  storage: [{name: '_gcl_*', type: 'session'}],
};

suite('tracker cleanup', () => {
  test('cookies are tried on the host and every parent domain, with and without the dot', () => {
    assert.deepEqual(candidateDomains('www.shop.example.se'), [undefined, 'www.shop.example.se', '.www.shop.example.se', 'shop.example.se', '.shop.example.se', 'example.se', '.example.se']);
    assert.deepEqual(candidateDomains('localhost'), [undefined, 'localhost', '.localhost']);
    assert.deepEqual(candidateDomains('127.0.0.1'), [undefined], 'an IP address has no parent domains');
  });

  test('paths: the root, every prefix of the page path and the declared path', () => {
    assert.deepEqual(candidatePaths('/en/shop/item', '/checkout'), ['/', '/en', '/en/shop', '/en/shop/item', '/checkout']);
  });

  test('declared first-party cookies matching a pattern are expired everywhere; others are left', () => {
    const removed: string[] = [];
    const jar: CookieJar = {
      names: () => ['_ga', '_ga_ABC', 'cart', 'NID'],
      remove: (name, {domain, path}) => void removed.push(`${name}|${domain ?? ''}|${path}`),
    };
    const storage = window.sessionStorage;
    storage.setItem('_gcl_aw', '1');
    storage.setItem('keep', '1');
    const cleared = clearTrackerData([service], {cookies: jar, location: {hostname: 'shop.example.se', pathname: '/'}, sessionStorage: storage});
    assert.deepEqual(cleared, ['_ga', '_ga_ABC', '_gcl_aw']);
    assert.include(removed, '_ga||/', 'host-only');
    assert.include(removed, '_ga|.example.se|/', 'parent domain with dot');
    assert.include(removed, '_ga_ABC|example.se|/shop', 'declared path on the parent domain');
    assert.isFalse(removed.some((r) => r.startsWith('cart') || r.startsWith('NID')), 'undeclared and third-party cookies are not touched');
    assert.isNull(storage.getItem('_gcl_aw'));
    assert.equal(storage.getItem('keep'), '1');
    storage.removeItem('keep');
  });

  test('the real document cookie is gone after clearing', () => {
    document.cookie = '_ga=GA1.1.1; path=/';
    document.cookie = '_ga_XYZ=GS1; path=/';
    clearTrackerData([service], {cookies: createDocumentCookieJar(document), location});
    assert.notMatch(document.cookie, /_ga/, 'no _ga cookie is left');
  });
});
