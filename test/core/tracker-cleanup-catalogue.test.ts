import {assert} from '@esm-bundle/chai';
import {clearTrackerData, type CookieJar} from '../../src/core/gating/tracker-cleanup.js';
import type {ServiceConfig} from '../../src/core/index.js';
import ga4 from '../../catalogue/ga4.json';
import hotjar from '../../catalogue/hotjar.json';
import matomo from '../../catalogue/matomo.json';
import metaPixel from '../../catalogue/meta-pixel.json';
import uet from '../../catalogue/microsoft-uet.json';

const CATALOGUE = [ga4, hotjar, matomo, metaPixel, uet] as unknown as ServiceConfig[];

/** A jar holding `names`, recording every removal as `name|domain|path`. */
const jar = (names: string[]) => {
  const removed: string[] = [];
  const cookies: CookieJar = {names: () => names, remove: (name, {domain, path}) => void removed.push(`${name}|${domain ?? ''}|${path}`)};
  return {cookies, removed};
};

suite('tracker cleanup with the catalogue’s patterns', () => {
  test('wildcard and exact names of GA4, Meta, UET, Hotjar and Matomo are expired on the host and every parent domain', () => {
    const present = ['_ga', '_ga_ABC123', '_fbp', '_uetsid', '_uetvid', '_hjSession_1234', '_hjSessionUser_1234', '_pk_id.1.a1b2', '_pk_ses.1.a1b2'];
    const {cookies, removed} = jar([...present, 'cart', '_pk_idx', '_gax', 'uetsid']);
    const cleared = clearTrackerData(CATALOGUE, {cookies, location: {hostname: 'www.shop.example.se', pathname: '/kategori/skor'}});
    assert.sameMembers(cleared, present, 'every tracker cookie present, and nothing else');
    for (const name of present) {
      for (const domain of ['', 'www.shop.example.se', '.shop.example.se', 'shop.example.se', '.example.se', 'example.se']) {
        assert.include(removed, `${name}|${domain}|/`, `${name} on "${domain || 'the host only'}"`);
      }
      assert.include(removed, `${name}|.example.se|/kategori`, `${name} on the page's parent path`);
    }
    for (const kept of ['cart', '_pk_idx', '_gax', 'uetsid']) {
      assert.isFalse(removed.some((r) => r.startsWith(`${kept}|`)), `${kept} matches no pattern and is kept`);
    }
  });

  test('their storage keys are deleted from localStorage and sessionStorage; other keys stay', () => {
    localStorage.setItem('_uetsid', '1');
    localStorage.setItem('_uetvid_exp', '1');
    localStorage.setItem('_hjUserAttributes', '1');
    localStorage.setItem('cart', '1');
    sessionStorage.setItem('hjViewportId', '1');
    sessionStorage.setItem('_uetsid', 'session copy, not declared as session storage');
    try {
      const cleared = clearTrackerData(CATALOGUE, {cookies: jar([]).cookies, location: {hostname: 'shop.example.se', pathname: '/'}, localStorage, sessionStorage});
      assert.sameMembers(cleared, ['_uetsid', '_uetvid_exp', '_hjUserAttributes', 'hjViewportId']);
      assert.isNull(localStorage.getItem('_uetvid_exp'));
      assert.isNull(sessionStorage.getItem('hjViewportId'));
      assert.equal(localStorage.getItem('cart'), '1', 'the shop’s own key');
      assert.equal(sessionStorage.getItem('_uetsid'), 'session copy, not declared as session storage');
    } finally {
      for (const key of ['_uetsid', '_uetvid_exp', '_hjUserAttributes', 'cart']) localStorage.removeItem(key);
      for (const key of ['hjViewportId', '_uetsid']) sessionStorage.removeItem(key);
    }
  });
});
