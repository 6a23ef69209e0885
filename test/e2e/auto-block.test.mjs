// Automatic blocking through dist/samtycke.js: trackers the shop did not tag, in the shapes their
// vendors ship them, are held until consent and released in order. Every request that reaches a
// tracker's host is recorded (test/fixtures/vendors/stand-ins.mjs).
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {GTAG_SNIPPET, GTM_SNIPPET, HOTJAR_SNIPPET, META_BASE_CODE, PLUGIN_VIDEO, serveVendors} from '../fixtures/vendors/stand-ins.mjs';
import {ran, ready, shopConfig, shopPage, useBrowser, visit, widget} from './helpers.mjs';

const env = useBrowser();

/** Opens a shop page with `head` and `body`, the config's `services` named by catalogue id. */
async function open(t, {head = '', body = '', services, config = {}}) {
  const files = {'/e2e/page.html': shopPage({head, body}), '/e2e/config.json': JSON.stringify(shopConfig({services, ...config}))};
  const {context, page, log} = await visit(t, env, {files});
  const vendors = await serveVendors(context);
  await page.goto(env.url + 'e2e/page.html');
  await ready(page);
  // Everything the page does on its own is done: parsed, loaded, and the config applied.
  await page.waitForLoadState('load');
  return {context, page, log, vendors};
}

const held = (page) => page.evaluate(() => Array.from(document.querySelectorAll('[data-samtycke-auto]:not([src])'), (e) => ({
  tag: e.localName, service: e.getAttribute('data-samtycke-auto'), src: e.getAttribute('src'), dataSrc: e.getAttribute('data-src'),
})));

/** Accepts everything in the banner and waits until `what` has run. */
async function acceptAndWait(page, vendors, what) {
  vendors.mark('consent');
  await widget(page).banner.acceptAll.click();
  await page.waitForFunction((names) => names.every((n) => (window.ran ?? []).includes(n)), what);
}

describe('automatic blocking', () => {
  test('the Meta base code, a GTM container that adds a script and an iframe, and a plugin’s innerHTML video: no request to a blocked host before consent; all of it after', async (t) => {
    const {page, vendors} = await open(t, {
      head: `${META_BASE_CODE}\n${GTM_SNIPPET}`,
      body: PLUGIN_VIDEO,
      services: ['google-tag-manager', 'meta-pixel', 'google-ads', 'youtube'],
    });
    await page.waitForFunction(() => (window.ran ?? []).includes('gtm'));
    assert.deepEqual(vendors.requests, ['https://www.googletagmanager.com/gtm.js?id=GTM-TEST'],
      'before consent only the tag manager (necessary) is requested: not fbevents.js, not what GTM added, not YouTube');
    assert.deepEqual(await ran(page), ['gtm']);
    assert.deepEqual((await held(page)).map((h) => `${h.tag} ${h.service} ${h.src}`).sort(), [
      'iframe google-ads null', 'iframe youtube null', 'script google-ads null', 'script meta-pixel null',
    ], 'what waits is held without a src');

    await acceptAndWait(page, vendors, ['fbevents', 'gtag AW-123']);
    await page.waitForFunction(() => document.querySelectorAll('iframe[src*="youtube.com"], iframe[src*="doubleclick.net"]').length === 2);
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('facebook.com/tr')));
    const after = vendors.after('consent');
    for (const url of [
      'https://connect.facebook.net/en_US/fbevents.js',
      'https://www.facebook.com/tr/?id=1234&ev=PageView',
      'https://www.googletagmanager.com/gtag/js?id=AW-123',
      'https://td.doubleclick.net/td/rul/123?random=1',
      'https://www.youtube.com/embed/dQw4w9WgXcQ',
    ]) assert.ok(after.includes(url), `${url} loads after consent (requested: ${after.join(', ')})`);
    assert.equal(after.filter((u) => u.endsWith('fbevents.js')).length, 1, 'each script is requested once');
  });

  test('scripts written in the HTML do not run before consent, run in document order after it, and the owner is told to tag them', async (t) => {
    const {page, vendors, log} = await open(t, {
      head: GTAG_SNIPPET,
      body: `<script src="https://connect.facebook.net/en_US/theme-first.js"></script>
        <script>(window.ran ??= []).push('inline')</script>
        <script src="https://connect.facebook.net/en_US/theme-second.js"></script>
        <img alt="" height="1" width="1" src="https://www.facebook.com/tr?id=1234&ev=ViewContent">`,
      services: ['ga4', 'meta-pixel'],
    });
    assert.deepEqual(await ran(page), ['inline'], 'the held scripts did not run');
    const written = ['https://www.googletagmanager.com/gtag/js?id=G-TEST', 'https://connect.facebook.net/en_US/theme-first.js',
      'https://connect.facebook.net/en_US/theme-second.js', 'https://www.facebook.com/tr?id=1234&ev=ViewContent'];
    // The browser's preload scanner fetches the HTML's script and image URLs before any script
    // runs; whatever it fetched, nothing else may reach a tracker: no beacon, no second request.
    assert.deepEqual(vendors.requests.filter((u) => !written.includes(u)), [], 'no request beyond the HTML’s own URLs');
    assert.ok(!vendors.requests.some((u) => u.includes('google-analytics.com')), 'no page view sent to Google Analytics');
    const warning = await log.waitFor((m) => m.type === 'warning' && m.text.includes('written in the page\'s HTML'));
    for (const url of written) assert.ok(warning.text.includes(url), `the warning names ${url}`);

    await acceptAndWait(page, vendors, ['theme-first', 'theme-second', 'gtag G-TEST']);
    const order = (await ran(page)).filter((n) => n.startsWith('theme'));
    assert.deepEqual(order, ['theme-first', 'theme-second'], 'in document order');
    await page.waitForFunction(() => document.querySelector('img[src*="ev=ViewContent"]')?.complete);
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('google-analytics.com')));
  });

  test('a catalogue service the config does not declare stays blocked after "Accept all", with one console error naming the URL, the service and the fix', async (t) => {
    const {page, vendors, log} = await open(t, {head: `${HOTJAR_SNIPPET}\n${META_BASE_CODE}`, services: ['meta-pixel']});
    await acceptAndWait(page, vendors, ['fbevents']);
    assert.ok(!vendors.requests.some((u) => u.includes('hotjar')), `Hotjar is never requested (requests: ${vendors.requests.join(', ')})`);
    assert.ok(!(await ran(page)).includes('hotjar-1234'));
    const errors = log.messages.filter((m) => m.type === 'error' && m.text.includes('hotjar'));
    assert.equal(errors.length, 1, 'one error');
    assert.match(errors[0].text, /https:\/\/static\.hotjar\.com\/c\/hotjar-1234\.js\?sv=6/, 'names the URL');
    assert.match(errors[0].text, /"hotjar"/, 'names the catalogue id');
    assert.match(errors[0].text, /add "hotjar" to "services"/, 'says how to fix it');
  });

  test('Consent Mode "advanced": Google’s tag is restored and loads at once, the Meta pixel still waits', async (t) => {
    const loader = `<script>var g = document.createElement('script'); g.async = true; g.src = 'https://www.googletagmanager.com/gtag/js?id=G-TEST'; document.head.appendChild(g);</script>`;
    const {page, vendors, log} = await open(t, {head: `${loader}\n${META_BASE_CODE}`, services: ['ga4', 'meta-pixel'], config: {consentMode: {mode: 'advanced'}}});
    const warning = await log.waitFor((m) => m.type === 'warning' && /Consent Mode is "advanced"/.test(m.text));
    assert.match(warning.text, /ga4 load before consent/, 'the console warns that Google tags load before consent');
    await page.waitForFunction(() => (window.ran ?? []).includes('gtag G-TEST'));
    assert.ok(vendors.requests.includes('https://www.googletagmanager.com/gtag/js?id=G-TEST'), 'gtag.js loads before any decision');
    assert.ok(!vendors.requests.some((u) => u.includes('facebook')), 'the Meta pixel is not requested');
    assert.deepEqual((await held(page)).map((h) => h.service), ['meta-pixel'], 'only Meta is held');
  });

  test('"autoBlock": false leaves untagged trackers as the page wrote them', async (t) => {
    const {page, vendors} = await open(t, {head: META_BASE_CODE, services: ['meta-pixel'], config: {autoBlock: false}});
    await page.waitForFunction(() => (window.ran ?? []).includes('fbevents'));
    assert.ok(vendors.requests.includes('https://connect.facebook.net/en_US/fbevents.js'));
    assert.deepEqual(await held(page), [], 'nothing held');
  });

  test('a returning visitor who allowed the pixel: what it adds later loads at once', async (t) => {
    const {page, vendors} = await open(t, {head: META_BASE_CODE, services: ['meta-pixel']});
    await acceptAndWait(page, vendors, ['fbevents']);
    vendors.mark('reload');
    await page.reload();
    await ready(page);
    await page.waitForFunction(() => (window.ran ?? []).includes('fbevents'));
    await page.evaluate(() => {
      new Image().src = 'https://www.facebook.com/tr/?id=1234&ev=Purchase';
    });
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('ev=Purchase')));
    assert.ok(vendors.after('reload').includes('https://www.facebook.com/tr/?id=1234&ev=Purchase'), 'the beacon reaches Meta');
  });
});
