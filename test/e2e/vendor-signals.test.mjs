// Consent signals to the pixels with their own consent API, with their real base-code shapes:
// the signal must be first in the queue the base code creates, before the shop's init.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {ready, shopConfig, shopPage, useBrowser, visit, widget} from './helpers.mjs';

const env = useBrowser();

const META_BASE_CODE = `<script>
!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window, document,'script','/e2e/fbevents.js');
fbq('init', '1234567890');
fbq('track', 'PageView');
</script>`;
/** Stand-in fbevents.js: records the queue it found and every later call. */
const FBEVENTS = `window.metaCalls = fbq.queue.map((args) => Array.from(args)); fbq.callMethod = function () { window.metaCalls.push(Array.from(arguments)); };`;

const TIKTOK_BASE_CODE = `<script>
!function (w, d, t) {
  w.TiktokAnalyticsObject=t;var ttq=w[t]=w[t]||[];ttq.methods=["page","track","identify","instances","debug","on","off","once","ready","alias","group","enableCookie","disableCookie","holdConsent","revokeConsent","grantConsent"],ttq.setAndDefer=function(t,e){t[e]=function(){t.push([e].concat(Array.prototype.slice.call(arguments,0)))}};for(var i=0;i<ttq.methods.length;i++)ttq.setAndDefer(ttq,ttq.methods[i]);
  ttq.load=function(e){ttq._i=ttq._i||{};ttq._i[e]=[];};
  ttq.load('C0TESTPIXEL');
  ttq.page();
}(window, document, 'ttq');
</script>`;

const UET_BASE_CODE = `<script>window.uetq = window.uetq || []; window.uetq.push('pageLoad');</script>`;

const VENDORS = [
  {id: 'tiktok-pixel', name: 'TikTok Pixel', category: 'marketing', provider: 'TikTok Technology Limited', purpose: 'Ads'},
  {id: 'microsoft-uet', name: 'Microsoft Advertising', category: 'marketing', provider: 'Microsoft Ireland Operations Limited', purpose: 'Ads'},
];

function files({services, revision} = {}) {
  const config = shopConfig();
  return {
    '/e2e/page.html': shopPage({head: META_BASE_CODE + TIKTOK_BASE_CODE + UET_BASE_CODE, revision}),
    '/e2e/config.json': JSON.stringify({...config, services: services ?? [...config.services, ...VENDORS]}),
    '/e2e/fbevents.js': FBEVENTS,
  };
}

const tiktokQueue = (page) => page.evaluate(() => Array.from(window.ttq).map((entry) => entry[0]));
const uetQueue = (page) => page.evaluate(() => Array.from(window.uetq).map((entry) => (typeof entry === 'object' ? JSON.stringify(entry) : entry)));

describe('vendor consent signals', () => {
  test('before a decision, each pixel is held first in its queue, ahead of the shop\'s init', async (t) => {
    const {page} = await visit(t, env, {files: files()});
    await page.goto(env.url + 'e2e/page.html');
    await ready(page);
    await page.waitForFunction(() => window.metaCalls);
    const meta = await page.evaluate(() => window.metaCalls);
    assert.deepEqual(meta.slice(0, 2), [['consent', 'revoke'], ['init', '1234567890']], 'Meta: revoke before init');
    assert.deepEqual((await tiktokQueue(page)).slice(0, 2), ['holdConsent', 'page'], 'TikTok: holdConsent before page');
    assert.deepEqual((await uetQueue(page)).slice(0, 4), ['consent', 'default', '{"ad_storage":"denied"}', 'pageLoad'], 'UET: default denied before pageLoad');
  });

  test('consent grants each declared pixel, withdrawal revokes it', async (t) => {
    const {page} = await visit(t, env, {files: files()});
    await page.goto(env.url + 'e2e/page.html');
    await ready(page);
    await page.waitForFunction(() => window.metaCalls);
    await widget(page).banner.acceptAll.click();
    await page.waitForFunction(() => window.metaCalls.some((c) => c[1] === 'grant'));
    assert.ok((await tiktokQueue(page)).includes('grantConsent'), 'TikTok: grantConsent');
    assert.ok((await uetQueue(page)).includes('{"ad_storage":"granted"}'), 'UET: update granted');

    await page.evaluate(() => {
      document.addEventListener('samtycke-withdraw', (e) => e.preventDefault(), {once: true});
      return window.samtycke.withdraw();
    });
    const meta = await page.evaluate(() => window.metaCalls.filter((c) => c[0] === 'consent').map((c) => c[1]));
    assert.deepEqual(meta, ['revoke', 'grant', 'revoke'], 'Meta: revoke, grant, revoke');
    assert.equal((await tiktokQueue(page)).at(-1), 'revokeConsent', 'TikTok: revokeConsent');
    assert.equal((await uetQueue(page)).at(-1), '{"ad_storage":"denied"}', 'UET: update denied');
  });

  test('a returning visitor who allowed marketing (revision known): grant is first in the Meta queue', async (t) => {
    const {page} = await visit(t, env, {files: files({revision: 1})});
    await page.goto(env.url + 'e2e/page.html');
    await ready(page);
    await widget(page).banner.acceptAll.click();
    await page.waitForFunction(() => window.metaCalls?.some((c) => c[1] === 'grant'));
    await page.reload();
    await ready(page);
    await page.waitForFunction(() => window.metaCalls);
    assert.deepEqual((await page.evaluate(() => window.metaCalls)).slice(0, 2), [['consent', 'grant'], ['init', '1234567890']]);
  });

  test('signals go only to services the config declares', async (t) => {
    const config = shopConfig();
    // No TikTok or UET in this shop's config, no meta-pixel either.
    const {page} = await visit(t, env, {files: files({services: config.services.filter((s) => s.id !== 'meta-pixel')})});
    await page.goto(env.url + 'e2e/page.html');
    await ready(page);
    await widget(page).banner.acceptAll.click();
    await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
    assert.ok(!(await tiktokQueue(page)).includes('grantConsent'), 'no grant to an undeclared TikTok pixel');
    assert.ok(!(await uetQueue(page)).includes('{"ad_storage":"granted"}'), 'no update to an undeclared UET tag');
    const meta = await page.evaluate(() => (window.metaCalls ?? []).filter((c) => c[0] === 'consent').map((c) => c[1]));
    assert.ok(!meta.includes('grant'), 'no grant to an undeclared Meta pixel');
  });
});
