// Clearing (issue 3, item 7): withdrawing consent deletes the catalogue services' first-party
// cookies, wildcard names included, on the shop's host and its parent domain, and their storage
// keys, in a real browser's cookie jar. The page runs on www.shop.samtycke.test (see helpers.mjs).
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {ready, shopConfig, shopPage, useBrowser, visit, widget} from './helpers.mjs';

const env = useBrowser();

/** What GA4, Meta, Microsoft UET, Hotjar and Matomo leave, as their scripts write it. */
const TRACKER_COOKIES = [
  '_ga=GA1.1.1; domain=.shop.samtycke.test; path=/',
  '_ga_ABC123=GS1.1.1; domain=.shop.samtycke.test; path=/',
  '_fbp=fb.1.1; domain=.shop.samtycke.test; path=/',
  '_uetsid=a; domain=shop.samtycke.test; path=/',
  '_uetvid=b; path=/',
  '_hjSession_1234=c; domain=.shop.samtycke.test; path=/',
  '_hjSessionUser_1234=d; path=/',
  '_pk_id.1.a1b2=e; path=/',
  '_pk_ses.1.a1b2=f; domain=www.shop.samtycke.test; path=/',
];
const NAMES = TRACKER_COOKIES.map((c) => c.split('=')[0]);

describe('clearing on withdrawal', () => {
  test('the catalogue services’ cookies (wildcards too) are deleted on the host and the parent domain, with their storage keys; the shop’s own stay', async (t) => {
    const files = {
      '/e2e/page.html': shopPage(),
      '/e2e/config.json': JSON.stringify(shopConfig({services: ['ga4', 'meta-pixel', 'microsoft-uet', 'hotjar', 'matomo']})),
    };
    const {context, page} = await visit(t, env, {files});
    await page.goto(env.shopUrl + 'e2e/page.html');
    await ready(page);
    await widget(page).banner.acceptAll.click();
    await page.evaluate((cookies) => {
      for (const cookie of cookies) document.cookie = cookie;
      document.cookie = 'cart=3; domain=.shop.samtycke.test; path=/';
      localStorage.setItem('_uetvid_exp', '1');
      localStorage.setItem('_hjUserAttributes', '{}');
      sessionStorage.setItem('hjViewportId', 'v');
      localStorage.setItem('wishlist', '[]');
    }, TRACKER_COOKIES);
    const set = (await context.cookies()).filter((c) => NAMES.includes(c.name));
    assert.equal(set.length, NAMES.length, `every tracker cookie is in the jar: ${set.map((c) => `${c.name}@${c.domain}`).join(', ')}`);

    await page.evaluate(() => window.samtycke.withdraw());
    const left = (await context.cookies()).filter((c) => NAMES.includes(c.name));
    assert.deepEqual(left.map((c) => `${c.name}@${c.domain}`), [], 'no tracker cookie is left on any domain');
    assert.ok((await context.cookies()).some((c) => c.name === 'cart'), 'the shop’s own cookie stays');
    const storage = await page.evaluate(() => ({
      uet: localStorage.getItem('_uetvid_exp'), hotjar: localStorage.getItem('_hjUserAttributes'),
      viewport: sessionStorage.getItem('hjViewportId'), wishlist: localStorage.getItem('wishlist'),
    }));
    assert.deepEqual(storage, {uet: null, hotjar: null, viewport: null, wishlist: '[]'});
  });
});
