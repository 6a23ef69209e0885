// Google Consent Mode v2 through dist/samtycke.js: the default before any Google tag, exactly one
// update per decision and per returning page view, in the order Google's tags read dataLayer.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {ready, shopConfig, shopPage, useBrowser, visit, widget} from './helpers.mjs';

const env = useBrowser();

const KEYS = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage', 'functionality_storage', 'personalization_storage', 'security_storage'];

/** The Google tag snippet as shops paste it, with gtag.js held for analytics (basic mode). */
const GOOGLE_TAG = `
  <script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} window.seenAtSnippet = dataLayer.length; gtag('js', new Date()); gtag('config', 'G-TEST');</script>
  <script type="text/plain" data-consent="analytics" data-service="ga4" src="/e2e/gtag.js"></script>`;

/** Stand-in gtag.js: notes how much of dataLayer existed when it ran. */
const GTAG_JS = 'window.gtagRanAt = window.dataLayer.length;';

/** dataLayer as plain data: gtag commands (arguments objects) become arrays tagged `gtag`. */
const dataLayer = (page) => page.evaluate(() => (window.dataLayer ?? []).map((entry) =>
  Object.prototype.toString.call(entry) === '[object Arguments]' ? {gtag: Array.from(entry)} : {data: entry}));

const consentCommands = (layer) => layer.map((e, i) => ({...e, i})).filter((e) => e.gtag?.[0] === 'consent');

function files(config, head = GOOGLE_TAG, revision = undefined) {
  return {'/e2e/page.html': shopPage({head, revision}), '/e2e/config.json': JSON.stringify(config), '/e2e/gtag.js': GTAG_JS};
}

async function settled(page) {
  await ready(page);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
}

describe('Google Consent Mode v2', () => {
  test('the default comes first, before the shop\'s Google tag snippet: all seven keys, denied but security, with wait_for_update', async (t) => {
    const {page} = await visit(t, env, {files: files(shopConfig())});
    await page.goto(env.url + 'e2e/page.html');
    await settled(page);
    const layer = await dataLayer(page);
    assert.deepEqual(layer[0].gtag.slice(0, 2), ['consent', 'default'], 'the first entry of dataLayer is the consent default');
    const defaults = layer[0].gtag[2];
    assert.deepEqual(Object.keys(defaults).filter((k) => KEYS.includes(k)).sort(), [...KEYS].sort(), 'all seven keys');
    for (const key of KEYS) assert.equal(defaults[key], key === 'security_storage' ? 'granted' : 'denied', key);
    assert.equal(defaults.wait_for_update, 500);
    assert.ok(await page.evaluate(() => window.seenAtSnippet) >= 1, 'the default was in dataLayer before the snippet ran');
    assert.deepEqual(consentCommands(layer).map((c) => c.gtag[1]), ['default'], 'no update before a decision');
    assert.equal(await page.evaluate(() => window.gtagRanAt), undefined, 'gtag.js waits for consent (basic mode)');
  });

  test('accepting pushes exactly one update with all seven keys before gtag.js runs, then the samtycke_consent event', async (t) => {
    const {page} = await visit(t, env, {files: files(shopConfig())});
    await page.goto(env.url + 'e2e/page.html');
    await ready(page);
    await widget(page).banner.acceptAll.click();
    await page.waitForFunction(() => window.gtagRanAt !== undefined);
    const layer = await dataLayer(page);
    const updates = consentCommands(layer).filter((c) => c.gtag[1] === 'update');
    assert.equal(updates.length, 1, 'exactly one update');
    assert.deepEqual(Object.keys(updates[0].gtag[2]).sort(), [...KEYS].sort(), 'all seven keys');
    assert.ok(Object.values(updates[0].gtag[2]).every((v) => v === 'granted'), 'everything granted after "Accept all"');
    assert.ok(await page.evaluate(() => window.gtagRanAt) > updates[0].i, 'gtag.js ran after the update was in dataLayer');
    const event = layer.findIndex((e) => e.data?.event === 'samtycke_consent');
    assert.ok(event > updates[0].i, 'the samtycke_consent event follows the update');
    assert.deepEqual(layer[event].data.samtycke.categories, {necessary: true, functional: true, analytics: true, marketing: true});
    const redaction = layer.filter((e) => e.gtag?.[0] === 'set' && e.gtag[1] === 'ads_data_redaction').map((e) => e.gtag[2]);
    assert.deepEqual(redaction, [true, false], 'ads data redacted while ad storage was denied, not after');
  });

  test('rejecting pushes one update that denies everything but security; ad data stays redacted', async (t) => {
    const {page} = await visit(t, env, {files: files(shopConfig())});
    await page.goto(env.url + 'e2e/page.html');
    await ready(page);
    await widget(page).banner.rejectAll.click();
    await page.waitForFunction(() => (window.dataLayer ?? []).some((e) => e.event === 'samtycke_consent'));
    const updates = consentCommands(await dataLayer(page)).filter((c) => c.gtag[1] === 'update');
    assert.equal(updates.length, 1);
    for (const key of KEYS) assert.equal(updates[0].gtag[2][key], key === 'security_storage' ? 'granted' : 'denied', key);
    const redaction = (await dataLayer(page)).filter((e) => e.gtag?.[1] === 'ads_data_redaction').map((e) => e.gtag[2]);
    assert.deepEqual(redaction, [true, true]);
  });

  test('a returning visitor\'s update is in dataLayer before the page\'s first script when the revision is known (data-revision), once per page view', async (t) => {
    const {page} = await visit(t, env, {files: files(shopConfig(), GOOGLE_TAG, 1)});
    await page.goto(env.url + 'e2e/page.html');
    await ready(page);
    await widget(page).banner.acceptAll.click();
    await page.waitForFunction(() => window.gtagRanAt !== undefined);
    await page.reload();
    await settled(page);
    await page.waitForFunction(() => window.gtagRanAt !== undefined);
    const layer = await dataLayer(page);
    const commands = consentCommands(layer);
    assert.deepEqual(commands.map((c) => c.gtag[1]), ['default', 'update'], 'one default and exactly one update on this page view');
    assert.ok(commands[1].i < await page.evaluate(() => window.seenAtSnippet), 'the update came before the shop\'s snippet, read from the decision cookie');
    assert.equal(commands[1].gtag[2].analytics_storage, 'granted');
  });

  test('without a known revision, a returning visitor\'s update waits for the config, still before gtag.js runs, once', async (t) => {
    const {page} = await visit(t, env, {files: files(shopConfig())});
    await page.goto(env.url + 'e2e/page.html');
    await ready(page);
    await widget(page).banner.acceptAll.click();
    await page.waitForFunction(() => window.gtagRanAt !== undefined);
    await page.reload();
    await settled(page);
    await page.waitForFunction(() => window.gtagRanAt !== undefined);
    const commands = consentCommands(await dataLayer(page));
    assert.deepEqual(commands.map((c) => c.gtag[1]), ['default', 'update'], 'one default and exactly one update');
    assert.ok(commands[1].i < await page.evaluate(() => window.gtagRanAt), 'the update was in dataLayer before gtag.js ran');
  });

  test('a cookie from an older revision never speaks for the visitor: no early update, no samtycke_consent event', async (t) => {
    const served = files(shopConfig(), GOOGLE_TAG, 1);
    const {page} = await visit(t, env, {files: served});
    await page.goto(env.url + 'e2e/page.html');
    await ready(page);
    await widget(page).banner.acceptAll.click();
    await page.waitForFunction(() => window.gtagRanAt !== undefined);
    served['/e2e/config.json'] = JSON.stringify(shopConfig({revision: 2}));
    served['/e2e/page.html'] = shopPage({head: GOOGLE_TAG, revision: 2});
    for (let view = 0; view < 2; view++) {
      await page.reload();
      await settled(page);
      const layer = await dataLayer(page);
      assert.deepEqual(consentCommands(layer).map((c) => c.gtag[1]), ['default'], `page view ${view + 1}: only the default`);
      assert.ok(!layer.some((e) => e.data?.event === 'samtycke_consent'), 'no consent event a tag manager could replay');
    }
  });

  test('a custom mapping decides which keys a category grants', async (t) => {
    const config = shopConfig({consentMode: {mapping: {analytics: ['analytics_storage', 'ad_user_data']}}});
    const {page} = await visit(t, env, {files: files(config)});
    await page.goto(env.url + 'e2e/page.html');
    await ready(page);
    await page.evaluate(() => window.samtycke.save({analytics: true}));
    await page.waitForFunction(() => (window.dataLayer ?? []).some((e) => e.event === 'samtycke_consent'));
    const update = consentCommands(await dataLayer(page)).find((c) => c.gtag[1] === 'update').gtag[2];
    assert.equal(update.analytics_storage, 'granted');
    assert.equal(update.ad_user_data, 'granted', 'mapped to analytics by the owner');
    assert.equal(update.ad_storage, 'denied', 'no category maps it any more');
  });

  test('url_passthrough only when the owner opts in; no updates when Consent Mode is off', async (t) => {
    const on = await visit(t, env, {files: files(shopConfig({consentMode: {urlPassthrough: true}}))});
    await on.page.goto(env.url + 'e2e/page.html');
    await settled(on.page);
    assert.ok((await dataLayer(on.page)).some((e) => e.gtag?.[1] === 'url_passthrough' && e.gtag[2] === true));

    const off = await visit(t, env, {files: files(shopConfig({consentMode: false}))});
    await off.page.goto(env.url + 'e2e/page.html');
    await ready(off.page);
    await widget(off.page).banner.acceptAll.click();
    await off.page.waitForFunction(() => window.gtagRanAt !== undefined);
    const layer = await dataLayer(off.page);
    assert.deepEqual(consentCommands(layer).map((c) => c.gtag[1]), ['default'], 'only the default pushed before the config was read');
    assert.ok(!layer.some((e) => e.gtag?.[1] === 'url_passthrough'), 'no url_passthrough unless opted in');
  });
});
