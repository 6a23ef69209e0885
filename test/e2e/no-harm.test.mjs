// Samtycke does no harm to the shop's page: it moves nothing (CLS 0), requests nothing the owner
// did not configure, writes nothing before a decision but its own IndexedDB database, survives a
// hostile theme's !important rules, and never throws into the page. Deterministic outcomes only;
// timings are the benchmark's (npm run bench).
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, test} from 'node:test';
import {ran, ready, shopConfig, shopPage, tracker, useBrowser, visit, widget} from './helpers.mjs';

const env = useBrowser();

const HOSTILE_CSS = readFileSync(new URL('../fixtures/hostile/hostile.css', import.meta.url), 'utf8');

/**
 * Installed before the page's first script: records every layout shift (buffered, so none is
 * missed), and every uncaught error and unhandled rejection, in `window.__noHarm`.
 */
function recorder() {
  const record = {shifts: [], errors: []};
  window.__noHarm = record;
  const label = (node) => (node ? `${node.nodeName.toLowerCase()}${node.id ? '#' + node.id : ''}${node.className && typeof node.className === 'string' ? '.' + node.className.trim().split(/\s+/).join('.') : ''}` : 'gone');
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      record.shifts.push({value: entry.value, hadRecentInput: entry.hadRecentInput, at: Math.round(entry.startTime), sources: entry.sources.map((s) => label(s.node))});
    }
  }).observe({type: 'layout-shift', buffered: true});
  addEventListener('error', (e) => record.errors.push(`error: ${e.message}`));
  addEventListener('unhandledrejection', (e) => record.errors.push(`unhandled rejection: ${e.reason?.stack ?? e.reason}`));
}

/** What the recorder saw on the current page. */
const recorded = (page) => page.evaluate(() => window.__noHarm);

/** Resolves after two rendered frames: layout shifts of the last change have been reported. */
const frames = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done)))));

/** Sum of the layout shifts not caused by the visitor's input (the CLS rule). */
const shiftSum = (shifts) => shifts.filter((s) => !s.hadRecentInput).reduce((sum, s) => sum + s.value, 0);

const VIEWPORTS = {phone: {width: 375, height: 800}, desktop: {width: 1280, height: 800}};

describe('no layout shift (CLS 0)', () => {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    test(`the demo shop (without its status panel) on a ${name} (${viewport.width}×${viewport.height}): the banner appearing, accepting (video, settings button) and a returning visit shift nothing`, async (t) => {
      const {context, page} = await visit(t, env, {contextOptions: {viewport}, initScript: recorder});
      // The demo's status panel is instrumentation, not shop: it rewrites its own text when the
      // stand-ins run, which wraps differently on a phone and moves the page below it.
      await context.route('**/demo-status.js', (route) => route.fulfill({contentType: 'text/javascript', body: ''}));
      const ui = widget(page);
      await page.goto(env.url + 'en/');
      await ready(page);
      await ui.banner.box.waitFor({state: 'visible'});
      await page.locator('samtycke-embed-placeholder').getByRole('region').waitFor();
      await frames(page);
      let {shifts, errors} = await recorded(page);
      assert.deepEqual(shifts, [], 'nothing moved while the banner and the placeholder appeared');

      // Through the API, not a click: shifts within 500 ms of input do not count for CLS, and
      // this test must see every one.
      await page.evaluate(() => window.samtycke.acceptAll());
      await ui.settingsButton.waitFor({state: 'visible'});
      await page.locator('iframe.video-embed[src]').waitFor({state: 'visible'});
      await page.waitForFunction(() => window.__samtyckeDemo?.analyticsRuns > 0 && window.__samtyckeDemo?.pixelRuns > 0);
      await frames(page);
      ({shifts, errors} = await recorded(page));
      assert.equal(shiftSum(shifts), 0, `nothing moved on accept: ${JSON.stringify(shifts)}`);
      assert.deepEqual(errors, [], 'nothing thrown into the page');

      await page.reload();
      await ready(page);
      await ui.settingsButton.waitFor({state: 'visible'});
      await page.locator('iframe.video-embed[src]').waitFor({state: 'visible'});
      await frames(page);
      ({shifts, errors} = await recorded(page));
      assert.equal(shiftSum(shifts), 0, `nothing moved on the returning visit: ${JSON.stringify(shifts)}`);
      assert.deepEqual(errors, [], 'nothing thrown into the page on the returning visit');

      // Control: the recorder does see a shift, here one the test makes itself.
      await page.evaluate(() => document.querySelector('main').prepend(Object.assign(document.createElement('p'), {textContent: 'Sale!'})));
      await frames(page);
      assert.ok(shiftSum((await recorded(page)).shifts) > 0, 'a paragraph inserted above the content is seen as a layout shift');
    });
  }
});

describe('requests and storage', () => {
  test('with no catalogue service, consent log or embed, the widget requests only its config and files from its own folder, and stores nothing before a decision but its IndexedDB database', async (t) => {
    // The shop's own services, written out in full under ids that are not catalogue ids (an
    // object with a catalogue id is laid over the catalogue entry, which is then fetched).
    const config = shopConfig({services: shopConfig().services.map((s) => ({...s, id: `shop-${s.id}`}))});
    const files = {
      '/e2e/config.json': JSON.stringify(config),
      '/e2e/page.html': shopPage({head: `<script type="text/plain" data-consent="analytics" data-service="shop-ga4">${tracker('ga4')}</script>`}),
    };
    const {context, page} = await visit(t, env, {files, initScript: recorder});
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    const ui = widget(page);
    const origin = new URL(env.url).origin;

    // First visit, up to the banner and until the network is quiet.
    await page.goto(env.url + 'e2e/page.html');
    await ready(page);
    await ui.banner.box.waitFor({state: 'visible'});
    await page.waitForLoadState('networkidle');
    const firstVisit = requests.splice(0);

    // Nothing stored before a decision but Samtycke's own IndexedDB database.
    assert.deepEqual(await context.cookies(), [], 'no cookie (and no decision cookie) before a decision');
    const stored = await page.evaluate(async () => ({
      cookie: document.cookie,
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage),
      databases: (await indexedDB.databases()).map((d) => d.name),
      caches: await caches.keys(),
    }));
    assert.deepEqual(stored, {cookie: '', local: [], session: [], databases: stored.databases.filter((n) => n === 'samtycke'), caches: []},
      'no cookie, no localStorage, no sessionStorage, no Cache Storage; IndexedDB holds at most Samtycke’s database');
    assert.deepEqual(await ran(page), [], 'nothing released');

    await ui.banner.acceptAll.click();
    await page.waitForFunction(() => window.ran?.length === 1);
    await ui.settingsButton.waitFor({state: 'visible'});
    await page.waitForLoadState('networkidle');
    const decision = requests.splice(0);
    assert.deepEqual((await context.cookies()).map((c) => c.name), ['samtycke'], 'after the decision: the decision cookie, nothing else');

    // Returning visit.
    await page.reload();
    await ready(page);
    await ui.settingsButton.waitFor({state: 'visible'});
    await page.waitForLoadState('networkidle');
    const returning = requests.splice(0);

    const list = {firstVisit, decision, returning};
    console.log(`Requests with a config that names no catalogue service, no consentLog and no embed:\n${JSON.stringify(list, null, 2)}`);

    const pageUrl = env.url + 'e2e/page.html';
    /** What the widget may request: its config, and files in its own folder (chunks, the visitor's language). */
    const allowed = (url) => url === pageUrl || url === `${origin}/samtycke/samtycke.js` || url === `${origin}/e2e/config.json`
      || /^\/samtycke\/chunks\/[\w-]+\.js$/.test(new URL(url).pathname) || url === `${origin}/samtycke/locales/en.json`;
    for (const [step, urls] of Object.entries(list)) {
      assert.deepEqual(urls.filter((u) => new URL(u).origin !== origin), [], `${step}: no request to another origin`);
      assert.deepEqual(urls.filter((u) => !allowed(u)), [], `${step}: nothing but the page, samtycke.js, the config, its chunks and the visitor's language`);
    }
    const own = (urls) => urls.filter((u) => !/^\/samtycke\/(chunks|locales)\//.test(new URL(u).pathname));
    assert.deepEqual(own(firstVisit), [pageUrl, `${origin}/samtycke/samtycke.js`, `${origin}/e2e/config.json`], 'first visit: the page, samtycke.js, the config');
    assert.deepEqual(own(returning), [pageUrl, `${origin}/samtycke/samtycke.js`, `${origin}/e2e/config.json`], 'returning visit: the same');
    assert.deepEqual(decision.filter((u) => !/\/samtycke\/chunks\//.test(u)), [], 'a decision requests nothing (no consent log configured)');
    assert.deepEqual((await recorded(page)).errors, [], 'nothing thrown into the page');
  });
});

/** The hostile theme's page: a header, the page's own buttons and dialog, and a bottom bar above the theme's. */
const HOSTILE_BODY = `
<header class="site-header"><a href="/">Hostile shop</a></header>
<main><p>Products</p><button type="button">Add to cart</button>
<dialog id="shop-dialog"><p>The shop's own dialog</p></dialog>
<div hidden>Hidden by the shop</div></main>
<aside class="shipping-bar">Free shipping over 499 kr</aside>`;

/** Where an element is and whether it is the topmost thing at its centre, through shadow roots. */
const hitTest = (locator) => locator.evaluate((target) => {
  const {x, y, width, height} = target.getBoundingClientRect();
  const cx = x + width / 2;
  const cy = y + height / 2;
  let hit = document.elementFromPoint(cx, cy);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(cx, cy);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  const inViewport = x >= 0 && y >= 0 && x + width <= innerWidth && y + height <= innerHeight;
  return {width: Math.round(width), height: Math.round(height), inViewport, onTop: !!hit && (hit === target || target.contains(hit)), hit: hit?.outerHTML.slice(0, 80) ?? null};
});

/** The hostile page (or, with `hostile: false`, the same page without the theme's stylesheet). */
async function openHostile(t, viewport, {hostile = true} = {}) {
  const files = {
    '/e2e/config.json': JSON.stringify(shopConfig()),
    '/e2e/hostile.css': {body: HOSTILE_CSS, headers: {'content-type': 'text/css'}},
    '/e2e/page.html': shopPage({
      head: `<meta name="viewport" content="width=device-width, initial-scale=1">${hostile ? '<link rel="stylesheet" href="/e2e/hostile.css">' : ''}
        <script type="text/plain" data-consent="analytics">${tracker('analytics')}</script>`,
      body: HOSTILE_BODY,
    }),
  };
  const {page} = await visit(t, env, {files, contextOptions: {viewport}, initScript: recorder});
  const ui = widget(page);
  await page.goto(env.url + 'e2e/page.html');
  await ready(page);
  await ui.banner.box.waitFor({state: 'visible'});
  if (hostile) assert.equal(await page.locator('.shipping-bar').evaluate((e) => getComputedStyle(e).zIndex), '9999999', 'the hostile theme is in force');
  return {page, ui};
}

/** The text properties a theme's `*` rule could push into the banner, read from its texts and buttons. */
const bannerText = (page) => page.locator('samtycke-banner').evaluate((host) => {
  const read = (selector) => {
    const style = getComputedStyle(host.shadowRoot.querySelector(selector));
    return ['fontSize', 'lineHeight', 'letterSpacing', 'wordSpacing', 'textTransform', 'color', 'fontWeight', 'fontStyle'].map((name) => `${name}: ${style[name]}`).join('; ');
  };
  return {title: read('h2'), text: read('p'), button: read('button')};
});

describe('a hostile theme', () => {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    test(`on a ${name} (${viewport.width}×${viewport.height}), with global !important resets and high z-index bars, the banner is on top and works; the preferences open and close`, async (t) => {
      const {page, ui} = await openHostile(t, viewport);
      for (const [label, button] of [['Accept all', ui.banner.acceptAll], ['Reject all', ui.banner.rejectAll]]) {
        await button.scrollIntoViewIfNeeded();
        assert.ok(await button.isVisible(), `${label} is visible`);
        const hit = await hitTest(button);
        assert.ok(hit.width >= 24 && hit.height >= 24, `${label} is a target of at least 24×24: ${hit.width}×${hit.height}`);
        assert.ok(hit.onTop, `${label} is on top at its centre, above the theme's bars: ${JSON.stringify(hit)}`);
      }
      assert.equal(await ui.preferences.dialog.isVisible(), false, 'the preferences are not shown before they are opened');

      await ui.banner.customize.click();
      await ui.preferences.dialog.waitFor({state: 'visible'});
      await ui.preferences.close.scrollIntoViewIfNeeded();
      const close = await hitTest(ui.preferences.close);
      assert.ok(close.onTop, `the dialog's close button is on top: ${JSON.stringify(close)}`);
      await ui.preferences.close.click();
      await ui.preferences.dialog.waitFor({state: 'hidden'});
      assert.equal(await ui.preferences.dialog.evaluate((d) => d.open), false, 'the dialog is closed');
      await ui.banner.rejectAll.scrollIntoViewIfNeeded();
      const reject = await hitTest(ui.banner.rejectAll);
      assert.ok(reject.onTop, `the closed dialog covers nothing: ${JSON.stringify(reject)}`);

      await ui.banner.rejectAll.click();
      await ui.banner.box.waitFor({state: 'detached'});
      const state = await page.evaluate(() => window.samtycke.state);
      assert.equal(state.record?.method, 'reject-all', 'the rejection was recorded');
      assert.deepEqual(await ran(page), [], 'nothing released');
      await ui.settingsButton.waitFor({state: 'visible'});
      const settings = await hitTest(ui.settingsButton);
      assert.ok(settings.width >= 24 && settings.height >= 24 && settings.inViewport && settings.onTop, `the settings button is a real target on screen: ${JSON.stringify(settings)}`);
      assert.equal(await ui.preferences.dialog.isVisible(), false, 'the preferences stay closed');
      assert.deepEqual((await recorded(page)).errors, [], 'nothing thrown into the page');
    });

    test(`on a ${name} (${viewport.width}×${viewport.height}), the theme's !important text rules do not reach the banner: same text as on a plain page, both choices on screen without scrolling`, async (t) => {
      const plain = await openHostile(t, viewport, {hostile: false});
      const expected = await bannerText(plain.page);
      const {page, ui} = await openHostile(t, viewport);
      assert.deepEqual(await bannerText(page), expected, 'font size, line height, spacing, case and colour are the widget’s own');
      for (const [label, button] of [['Accept all', ui.banner.acceptAll], ['Reject all', ui.banner.rejectAll]]) {
        const hit = await hitTest(button);
        assert.ok(hit.inViewport && hit.onTop, `${label} is on screen and on top without scrolling: ${JSON.stringify(hit)}`);
      }
      assert.deepEqual((await recorded(page)).errors, [], 'nothing thrown into the page');
    });
  }
});
