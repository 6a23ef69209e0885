// The visitor's first visit and the three first-layer decisions, on the demo shop as it ships and
// on a page whose tagged scripts record the order they run in.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {cookieNames, demoRuns, ran, ready, shopConfig, shopPage, state, tracker, useBrowser, visit, widget} from './helpers.mjs';

const env = useBrowser();
const TRACKER_COOKIES = ['_fbp', '_ga', '_ga_DEMO0001'];

/** Requests the demo page makes to its stand-in trackers and embeds. */
const trackerRequests = (page) => {
  const urls = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/stand-ins/')) urls.push(new URL(request.url()).pathname);
  });
  return urls;
};

describe('first visit to the demo shop', () => {
  test('the banner offers accept, reject and customize, and nothing tagged loads, runs or sets a cookie', async (t) => {
    const {context, page, log} = await visit(t, env);
    const requests = trackerRequests(page);
    const ui = widget(page, 'en');
    await page.goto(env.url + 'en/');
    const first = await ready(page);

    assert.equal(first.status, 'undecided', 'a first visitor has not decided');
    assert.equal(first.reason, 'new', 'the reason is a first visit');
    await ui.banner.box.waitFor({state: 'visible'});
    for (const name of ['acceptAll', 'rejectAll', 'customize']) {
      assert.ok(await ui.banner[name].isVisible(), `the banner shows the "${ui.texts[name]}" button`);
    }
    assert.deepEqual(await demoRuns(page), {analytics: 0, pixel: 0, video: 0}, 'no analytics, pixel or video before consent');
    assert.deepEqual((await cookieNames(context)).filter((n) => TRACKER_COOKIES.includes(n)), [], 'no tracker cookie before consent');
    assert.equal(await page.locator('iframe.video-embed').getAttribute('src'), null, 'the video iframe has no src before consent');
    assert.deepEqual(requests, [], 'no request reaches a tracker or embed before consent');
    assert.equal(await ui.settingsButton.count(), 0, 'the floating button waits until the visitor has decided');
    assert.deepEqual(log.samtycke(), [], 'the valid demo config logs no problem');
  });
});

describe('accept all', () => {
  test('clicking "Accept all" releases the demo trackers and the video once each, hides the banner and shows the settings button', async (t) => {
    const {context, page} = await visit(t, env);
    const ui = widget(page, 'en');
    await page.goto(env.url + 'en/');
    await ready(page);
    await ui.banner.acceptAll.click();

    await page.waitForFunction(() => window.__samtyckeDemo?.analyticsRuns && window.__samtyckeDemo.pixelRuns && window.__samtyckeDemo.videoLoads);
    await ui.banner.box.waitFor({state: 'detached'});
    await ui.settingsButton.waitFor({state: 'visible'});
    assert.deepEqual(await demoRuns(page), {analytics: 1, pixel: 1, video: 1}, 'each tagged element released exactly once');
    assert.equal(await page.locator('iframe.video-embed').getAttribute('src'), '/stand-ins/video.html', 'the video gets its src');
    assert.deepEqual((await cookieNames(context)).filter((n) => TRACKER_COOKIES.includes(n)), TRACKER_COOKIES, 'the trackers set their cookies once allowed');
    const after = await state(page);
    assert.equal(after.status, 'decided', 'the decision is in force');
    assert.equal(after.record.method, 'accept-all', 'recorded as accept all');
    assert.equal(after.record.source, 'banner', 'recorded as made in the banner');
    assert.deepEqual(after.categories, {necessary: true, functional: true, analytics: true, marketing: true}, 'every category allowed');
  });

  test('tagged scripts run in document order, external and inline interleaved, each exactly once', async (t) => {
    const requested = [];
    let dRequested;
    const dAsked = new Promise((resolve) => (dRequested = resolve));
    const external = (name, {hold} = {}) => async () => {
      requested.push(name);
      if (name === 'd') dRequested();
      // c's answer waits until d is asked for: adjacent external scripts download in parallel,
      // as the parser would fetch them, and still run in order.
      if (hold) await hold;
      return tracker(name);
    };
    const files = {
      '/e2e/config.json': JSON.stringify(shopConfig()),
      '/e2e/a.js': external('a'),
      '/e2e/c.js': external('c', {hold: dAsked}),
      '/e2e/d.js': external('d'),
      '/e2e/g.js': external('g'),
      '/e2e/page.html': shopPage({
        head: `
          <script type="text/plain" data-consent="analytics" data-service="ga4" src="/e2e/a.js"></script>
          <script type="text/plain" data-consent="analytics">${tracker('b')}</script>
          <script type="text/plain" data-consent="marketing" data-service="meta-pixel" data-src="/e2e/c.js"></script>
          <script type="text/plain" data-consent="analytics" src="/e2e/d.js"></script>
          <script type="text/plain" data-consent="marketing">${tracker('e')}</script>`,
        body: `
          <script>window.pageRan = true</script>
          <script type="text/plain" data-consent="analytics marketing">${tracker('f')}</script>
          <script type="text/plain" data-consent="marketing" src="/e2e/g.js"></script>
          <p>Products</p>
          <script type="text/plain" data-consent="analytics">${tracker('h')}</script>`,
      }),
    };
    const {page} = await visit(t, env, {files});
    const ui = widget(page, 'en');
    await page.goto(env.url + 'e2e/page.html');
    await ready(page);
    assert.deepEqual(await ran(page), [], 'nothing tagged runs before consent');
    assert.deepEqual(requested, [], 'no tagged external script is even requested before consent');
    assert.equal(await page.evaluate(() => window.pageRan), true, "the page's own untagged script runs");

    await ui.banner.acceptAll.click();
    await page.waitForFunction(() => window.ran?.includes('h'));
    assert.deepEqual(await ran(page), ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], 'released in document order, each once');
    assert.deepEqual([...requested].sort(), ['a', 'c', 'd', 'g'], 'each external script requested once');
  });
});

describe('reject all', () => {
  test('after "Reject all" nothing tagged runs, not even after a reload, and the banner stays away', async (t) => {
    const {context, page} = await visit(t, env);
    const requests = trackerRequests(page);
    const ui = widget(page, 'en');
    await page.goto(env.url + 'en/');
    await ready(page);
    await ui.banner.rejectAll.click();
    await ui.banner.box.waitFor({state: 'detached'});
    await ui.settingsButton.waitFor({state: 'visible'});

    const decided = await state(page);
    assert.equal(decided.status, 'decided', 'a refusal is a decision');
    assert.equal(decided.record.method, 'reject-all', 'recorded as reject all');
    assert.deepEqual(decided.categories, {necessary: true, functional: false, analytics: false, marketing: false}, 'only necessary allowed');
    assert.deepEqual(await demoRuns(page), {analytics: 0, pixel: 0, video: 0}, 'nothing ran after rejecting');

    await page.reload();
    const again = await ready(page);
    assert.equal(again.status, 'decided', 'the refusal is remembered');
    assert.equal(again.record.method, 'reject-all', 'the stored decision is the refusal');
    assert.equal(await ui.banner.box.count(), 0, 'the banner is not shown again');
    assert.deepEqual(await demoRuns(page), {analytics: 0, pixel: 0, video: 0}, 'nothing runs after the reload');
    assert.equal(await page.locator('iframe.video-embed').getAttribute('src'), null, 'the video stays blocked');
    assert.deepEqual((await cookieNames(context)).filter((n) => TRACKER_COOKIES.includes(n)), [], 'no tracker cookie');
    assert.deepEqual(requests, [], 'no request reached a tracker or embed');
  });
});

describe('customize', () => {
  test('"Customize", Analytics on, "Save choices" releases analytics only', async (t) => {
    const {context, page} = await visit(t, env);
    const ui = widget(page, 'en');
    await page.goto(env.url + 'en/');
    await ready(page);
    await ui.banner.customize.click();
    await ui.preferences.dialog.waitFor({state: 'visible'});
    for (const name of ['Functional', 'Analytics', 'Marketing']) {
      assert.equal(await ui.preferences.switch(name).isChecked(), false, `${name} is off until the visitor turns it on`);
    }
    assert.equal(await ui.preferences.switch('Necessary').isDisabled(), true, 'necessary cannot be turned off');

    await ui.preferences.switch('Analytics').check();
    await ui.preferences.save.click();
    await ui.preferences.dialog.waitFor({state: 'hidden'});
    await page.waitForFunction(() => window.__samtyckeDemo?.analyticsRuns === 1);

    const saved = await state(page);
    assert.equal(saved.record.method, 'custom', 'recorded as the visitor’s own choice');
    assert.deepEqual(saved.categories, {necessary: true, functional: false, analytics: true, marketing: false}, 'only analytics allowed');
    assert.equal(saved.services.ga4, true, 'the analytics service is allowed');
    assert.equal(saved.services['meta-pixel'], false, 'the pixel is not');
    assert.equal(await page.evaluate(() => [samtycke.isAllowed('analytics'), samtycke.isAllowed('marketing', 'meta-pixel')].join()), 'true,false', 'isAllowed agrees');
    assert.deepEqual(await demoRuns(page), {analytics: 1, pixel: 0, video: 0}, 'analytics ran once; the pixel and the video did not');
    assert.equal(await page.locator('iframe.video-embed').getAttribute('src'), null, 'the marketing video stays blocked');
    const names = await cookieNames(context);
    assert.ok(names.includes('_ga'), 'the analytics cookie is set');
    assert.ok(!names.includes('_fbp'), 'no marketing cookie');
    await ui.banner.box.waitFor({state: 'detached'});
  });
});

describe('returning visitor', () => {
  test('a later page load shows no banner and releases what was allowed without a click', async (t) => {
    const {context, page} = await visit(t, env);
    const ui = widget(page, 'en');
    await page.goto(env.url + 'en/');
    await ready(page);
    await ui.banner.acceptAll.click();
    await page.waitForFunction(() => window.__samtyckeDemo?.pixelRuns === 1);

    // Another page of the shop, opened later in the same browser.
    const later = await context.newPage();
    await later.goto(env.url);
    const returning = await ready(later);
    assert.equal(returning.status, 'decided', 'the stored decision is read');
    await later.waitForFunction(() => window.__samtyckeDemo?.analyticsRuns === 1 && window.__samtyckeDemo.pixelRuns === 1 && window.__samtyckeDemo.videoLoads === 1);
    assert.equal(await widget(later, 'sv').banner.box.count(), 0, 'no banner for a returning visitor');
    await widget(later, 'sv').settingsButton.waitFor({state: 'visible'});
    assert.deepEqual(await demoRuns(later), {analytics: 1, pixel: 1, video: 1}, 'released without a click, once each');
  });
});
