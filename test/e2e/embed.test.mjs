// Embeds with contextual consent through dist/samtycke.js: a YouTube iframe waiting for consent
// shows an accessible placeholder in its own box, "Load video" loads it for this page view only,
// "Always allow YouTube" stores a consent for YouTube that the preferences show.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {PLUGIN_VIDEO, serveVendors} from '../fixtures/vendors/stand-ins.mjs';
import {focused, ready, shopConfig, shopPage, useBrowser, visit, widget} from './helpers.mjs';

const env = useBrowser();

/** The plugin's untagged video (held by automatic blocking) and a video the shop tagged itself. */
const BODY = `${PLUGIN_VIDEO}
<p>Our workshop:</p>
<iframe width="560" height="315" data-service="youtube" data-src="https://www.youtube.com/embed/workshop" title="Workshop" frameborder="0"></iframe>
<p id="footer">Footer</p>`;

async function open(t, {contextOptions, head = ''} = {}) {
  const files = {'/e2e/page.html': shopPage({head, body: BODY}), '/e2e/config.json': JSON.stringify(shopConfig({services: ['youtube']}))};
  const {context, page, log} = await visit(t, env, {files, contextOptions});
  const vendors = await serveVendors(context);
  await page.goto(env.url + 'e2e/page.html');
  await ready(page);
  const placeholders = page.locator('samtycke-embed-placeholder');
  await placeholders.first().getByRole('region').waitFor();
  return {context, page, log, vendors, placeholders};
}

const youtube = (requests) => requests.filter((u) => u.includes('youtube.com'));
const box = (locator) => locator.evaluate((e) => {
  const {x, y, width, height} = e.getBoundingClientRect();
  return {x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height)};
});

describe('embed placeholders', () => {
  test('a blocked YouTube video shows what loading it shares in its own box; “Load video” loads that one, for this page view only, and focus follows', async (t) => {
    const {page, vendors, placeholders} = await open(t);
    assert.equal(await placeholders.count(), 2, 'one per video');
    assert.deepEqual(youtube(vendors.requests), [], 'nothing reached YouTube');
    const first = placeholders.nth(0);
    const region = first.getByRole('region', {name: 'Video from YouTube'});
    assert.ok(await region.isVisible(), 'a region named for the video');
    const text = await region.textContent();
    assert.match(text, /sends Google your IP address/, 'what loading shares, from the catalogue');
    assert.equal(await first.getByRole('link', {name: 'YouTube privacy policy'}).getAttribute('href'), 'https://policies.google.com/privacy');
    const frame = page.locator('#plugin-video iframe');
    assert.deepEqual(await box(first), {...(await box(first)), width: 560, height: 315}, 'the iframe’s own size');
    assert.equal(await frame.isVisible(), false, 'the empty iframe is hidden');

    const footer = await box(page.locator('#footer'));
    const load = first.getByRole('button', {name: 'Load video'});
    const response = page.waitForResponse((r) => r.url() === 'https://www.youtube.com/embed/dQw4w9WgXcQ');
    await load.focus();
    await page.keyboard.press('Enter');
    await frame.waitFor({state: 'visible'});
    await response;
    assert.equal(await placeholders.count(), 1, 'the other video keeps its placeholder');
    assert.deepEqual(await focused(page), {...(await focused(page)), tag: 'iframe'}, 'focus moved to the video');
    assert.deepEqual(await box(page.locator('#footer')), footer, 'nothing below moved');
    assert.deepEqual(youtube(vendors.requests), ['https://www.youtube.com/embed/dQw4w9WgXcQ'], 'only that video');

    vendors.mark('reload');
    await page.reload();
    await ready(page);
    await placeholders.first().getByRole('region').waitFor();
    assert.equal(await placeholders.count(), 2, 'loading once is not remembered');
    assert.deepEqual(youtube(vendors.after('reload')), []);
  });

  test('“Always allow YouTube” loads every YouTube video, shows YouTube on in the preferences, and a withdrawal brings the placeholders back', async (t) => {
    const {page, placeholders} = await open(t);
    // By keyboard: the banner, still up, covers the bottom of the page.
    await placeholders.nth(1).getByRole('button', {name: 'Always allow YouTube'}).focus();
    await page.keyboard.press('Enter');
    await page.locator('iframe[src="https://www.youtube.com/embed/workshop"]').waitFor({state: 'visible'});
    await page.locator('#plugin-video iframe[src]').waitFor({state: 'visible'});
    assert.equal(await placeholders.count(), 0, 'no placeholder left');
    assert.deepEqual(await focused(page), {...(await focused(page)), tag: 'iframe'}, 'focus moved to the video');
    const state = await page.evaluate(() => window.samtycke.state);
    assert.equal(state.services.youtube, true, 'a consent for YouTube…');
    assert.equal(state.categories.marketing, false, '…and for nothing else');
    assert.equal(state.record.source, 'embed');

    const ui = widget(page);
    await page.evaluate(() => window.samtycke.showPreferences());
    await ui.preferences.dialog.waitFor();
    assert.equal(await page.locator('samtycke-preferences #service-youtube').evaluate((e) => e.checked), true, 'YouTube’s switch is on in the preferences');
    await ui.preferences.close.click();

    await page.evaluate(() => window.samtycke.withdraw());
    await placeholders.first().getByRole('region').waitFor();
    assert.equal(await placeholders.count(), 2, 'the videos wait again');
  });

  test('on a 375 px phone the placeholder fits the screen and its buttons are real targets of at least 24×24 px', async (t) => {
    // As themes do: a phone-sized layout, and embeds that never overflow the screen.
    const head = '<meta name="viewport" content="width=device-width, initial-scale=1"><style>iframe { max-width: 100%; }</style>';
    const {page, placeholders} = await open(t, {head, contextOptions: {viewport: {width: 375, height: 667}, isMobile: true, hasTouch: true}});
    const first = placeholders.first();
    const {x, width} = await box(first);
    assert.ok(x >= 0 && x + width <= 375, `inside the screen (x ${x}, width ${width})`);
    for (const name of ['Load video', 'Always allow YouTube']) {
      const button = first.getByRole('button', {name});
      await button.scrollIntoViewIfNeeded();
      const target = await box(button);
      assert.ok(target.width >= 24 && target.height >= 24, `${name}: ${target.width}×${target.height}`);
      assert.ok(target.x >= 0 && target.x + target.width <= 375, `${name} is on screen`);
    }
    await widget(page).banner.rejectAll.tap();
    await first.getByRole('button', {name: 'Load video'}).tap();
    await page.locator('#plugin-video iframe[src]').waitFor({state: 'visible'});
  });
});
