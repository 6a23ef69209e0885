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
  test('the script tag loads without errors and installs window.samtycke', async (t) => {
    const {page, log} = await visit(t, env);
    await page.goto(env.url + 'en/');
    assert.deepEqual(log.messages.filter((m) => m.type === 'pageerror'), [], 'dist/samtycke.js runs without throwing');
    assert.equal(await page.evaluate(() => typeof window.samtycke?.acceptAll), 'function', 'window.samtycke is installed');
  });

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
    assert.equal(await page.locator('iframe.video-embed').getAttribute('src'), '/stand-ins/video-en.html', 'the video gets its src');
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

describe('per-service choice', () => {
  test('Marketing on with YouTube turned off releases the pixel but not the video', async (t) => {
    const {page} = await visit(t, env);
    const ui = widget(page, 'en');
    await page.goto(env.url + 'en/');
    await ready(page);
    await ui.banner.customize.click();
    await ui.preferences.dialog.waitFor({state: 'visible'});
    await ui.preferences.switch('Marketing').check();
    const marketing = page.locator('samtycke-preferences [role=group].category').filter({has: page.getByRole('switch', {name: 'Marketing', exact: true})});
    await marketing.locator('summary').click();
    assert.equal(await ui.preferences.switch('YouTube').isChecked(), true, 'turning the category on turns its services on');
    await ui.preferences.switch('YouTube').uncheck();
    assert.equal(await ui.preferences.switch('Marketing').isChecked(), true, 'the category stays on while one of its services is');
    await ui.preferences.save.click();
    await ui.preferences.dialog.waitFor({state: 'hidden'});
    await page.waitForFunction(() => window.__samtyckeDemo?.pixelRuns === 1);

    const saved = await state(page);
    assert.equal(saved.services['meta-pixel'], true, 'the pixel is allowed');
    assert.equal(saved.services.youtube, false, 'YouTube is not');
    assert.equal(await page.evaluate(() => samtycke.isAllowed('marketing', 'youtube')), false, 'isAllowed agrees for the service');
    assert.deepEqual(await demoRuns(page), {analytics: 0, pixel: 1, video: 0}, 'only the pixel ran');
    assert.equal(await page.locator('iframe.video-embed').getAttribute('src'), null, 'the video stays blocked');
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

  test('while the page is still loading, allowed scripts run in document order with the page’s own scripts', async (t) => {
    let release;
    const released = new Promise((resolve) => (release = resolve));
    const files = {
      '/e2e/config.json': JSON.stringify(shopConfig()),
      '/e2e/a.js': tracker('a'),
      '/e2e/d.js': tracker('d'),
      // An untagged, parser-blocking script of the shop, held back until the test says so.
      '/e2e/slow.js': async () => (await released, tracker('slow')),
      '/e2e/page.html': shopPage({
        head: `
          <script type="text/plain" data-consent="analytics" src="/e2e/a.js"></script>
          <script type="text/plain" data-consent="analytics">${tracker('b')}</script>`,
        body: `
          <script type="text/plain" data-consent="marketing">${tracker('c')}</script>
          <script src="/e2e/slow.js"></script>
          <script type="text/plain" data-consent="analytics" src="/e2e/d.js"></script>
          <script type="text/plain" data-consent="analytics">${tracker('e')}</script>
          <p>Footer</p>`,
      }),
    };
    const {page} = await visit(t, env, {files});
    // The first visit, with slow.js answered at once, records the decision.
    release();
    await page.goto(env.url + 'e2e/page.html');
    await ready(page);
    await page.evaluate(() => window.samtycke.acceptAll());
    // acceptAll() resolves once the scripts are queued; the external ones then download.
    await page.waitForFunction(() => window.ran?.length === 6);
    assert.deepEqual(await ran(page), ['slow', 'a', 'b', 'c', 'd', 'e'], 'first visit: released on the decision, in order');

    let releaseAgain;
    const again = new Promise((resolve) => (releaseAgain = resolve));
    files['/e2e/slow.js'] = async () => (await again, tracker('slow'));
    await page.goto(env.url + 'e2e/page.html', {waitUntil: 'commit'});
    await page.waitForFunction(() => window.samtycke !== undefined);
    assert.equal((await ready(page)).status, 'decided', 'the widget is ready while the page is still loading');
    await page.waitForFunction(() => window.ran?.length >= 3);
    assert.deepEqual(await ran(page), ['a', 'b', 'c'], 'what is parsed so far is released while the page waits for slow.js, in order');
    releaseAgain();
    await page.waitForFunction(() => window.ran?.includes('e'));
    assert.deepEqual(await ran(page), ['a', 'b', 'c', 'slow', 'd', 'e'], 'the rest runs in document order after the page’s own script');
  });

  test('a tagged inline script is released as soon as the parser has moved past it, before the shop’s next script', async (t) => {
    const holds = {};
    const held = (name) => async () => (await holds[name]?.promise, tracker(name));
    const hold = (name) => {
      let resolve;
      holds[name] = {promise: new Promise((r) => (resolve = r))};
      holds[name].release = resolve;
    };
    const files = {
      '/e2e/config.json': JSON.stringify(shopConfig()),
      '/e2e/first.js': held('first'),
      '/e2e/second.js': held('second'),
      '/e2e/page.html': shopPage({
        body: `
          <script src="/e2e/first.js"></script>
          <script type="text/plain" data-consent="analytics">${tracker('tagged')}</script>
          <p>The shop’s own markup, nothing tagged.</p>
          <script src="/e2e/second.js"></script>
          <script>${tracker('end')}</script>`,
      }),
    };
    const {page} = await visit(t, env, {files});
    await page.goto(env.url + 'e2e/page.html');
    await ready(page);
    await page.evaluate(() => window.samtycke.acceptAll());

    // Returning: the widget is ready while the parser waits for first.js.
    hold('first');
    hold('second');
    await page.goto(env.url + 'e2e/page.html', {waitUntil: 'commit'});
    await page.waitForFunction(() => window.samtycke !== undefined);
    assert.equal((await ready(page)).status, 'decided', 'the widget is ready while the page is still loading');
    holds.first.release();
    // The parser has passed the tagged script once it has inserted second.js, and waits there.
    await page.waitForFunction(() => document.querySelector('script[src="/e2e/second.js"]') !== null);
    holds.second.release();
    await page.waitForFunction(() => window.ran?.includes('end'));
    assert.deepEqual(await ran(page), ['first', 'tagged', 'second', 'end'],
      'the tagged script runs where the parser would have run it, before second.js');
  });
});
