// Global Privacy Control: a browser that sends it never has marketing granted silently.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {ran, ready, shopConfig, shopPage, state, storedDecision, tracker, useBrowser, visit, widget} from './helpers.mjs';

const env = useBrowser();

const GPC = () => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true, configurable: true});

const page = shopPage({
  head: `
    <script type="text/plain" data-consent="analytics" data-service="ga4">${tracker('analytics')}</script>
    <script type="text/plain" data-consent="marketing" data-service="meta-pixel">${tracker('marketing')}</script>`,
});
const files = (config = shopConfig()) => ({'/e2e/page.html': page, '/e2e/config.json': JSON.stringify(config)});

describe('Global Privacy Control', () => {
  test('the banner still shows, says GPC is honoured, and "Accept all" leaves marketing off', async (t) => {
    const {page: tab} = await visit(t, env, {files: files(), initScript: GPC});
    const ui = widget(tab);
    await tab.goto(env.url + 'e2e/page.html');
    await ready(tab);
    await ui.banner.box.waitFor({state: 'visible'});
    assert.match(await ui.banner.box.innerText(), /Global Privacy Control/);
    await ui.banner.acceptAll.click();
    await tab.waitForFunction(() => window.ran?.length === 1);
    const now = await state(tab);
    assert.equal(now.categories.analytics, true);
    assert.equal(now.categories.marketing, false, 'marketing is not granted by a one-click accept under GPC');
    assert.equal(now.services['meta-pixel'], false);
    assert.deepEqual(await ran(tab), ['analytics']);
    assert.equal((await storedDecision(tab)).gpc, true, 'the record says GPC was on');
  });

  test('an earlier marketing grant counts as withdrawn and is recorded with source "gpc"', async (t) => {
    const {context, page: tab} = await visit(t, env, {files: files()});
    const ui = widget(tab);
    await tab.goto(env.url + 'e2e/page.html');
    await ready(tab);
    await ui.banner.acceptAll.click();
    await tab.waitForFunction(() => window.ran?.length === 2);

    // The visitor turns GPC on in their browser and comes back.
    await context.addInitScript(GPC);
    await tab.reload();
    await ready(tab);
    await tab.waitForFunction(() => window.samtycke.state.record?.method === 'gpc');
    const record = await storedDecision(tab);
    assert.equal(record.method, 'gpc');
    assert.equal(record.source, 'gpc');
    assert.equal(record.categories.marketing, false);
    assert.equal(record.categories.analytics, true, 'other choices stay');
    await tab.evaluate(() => window.samtycke.ready);
    assert.deepEqual(await ran(tab), ['analytics'], 'the marketing script did not run on this page view');
  });

  test('the preferences say GPC was detected; a marketing switch turned on there is the visitor\'s own choice and stays', async (t) => {
    const {page: tab} = await visit(t, env, {files: files(), initScript: GPC});
    const ui = widget(tab);
    await tab.goto(env.url + 'e2e/page.html');
    await ready(tab);
    await ui.banner.customize.click();
    const dialog = tab.locator('samtycke-preferences dialog');
    await dialog.waitFor({state: 'visible'});
    assert.match(await dialog.innerText(), /Global Privacy Control \(GPC\)/);
    await dialog.getByRole('switch', {name: /Marketing/}).click();
    await dialog.getByRole('button', {name: 'Save choices'}).click();
    await tab.waitForFunction(() => window.ran?.includes('marketing'));
    await tab.reload();
    await ready(tab);
    await tab.waitForFunction(() => window.ran?.includes('marketing'));
    assert.equal((await storedDecision(tab)).method, 'custom', 'not taken back: it was given knowingly under GPC');
  });

  test('a shop may turn GPC handling off', async (t) => {
    const {page: tab} = await visit(t, env, {files: files(shopConfig({globalPrivacyControl: false})), initScript: GPC});
    await tab.goto(env.url + 'e2e/page.html');
    await ready(tab);
    assert.doesNotMatch(await widget(tab).banner.box.innerText(), /Global Privacy Control/);
    await widget(tab).banner.acceptAll.click();
    await tab.waitForFunction(() => window.ran?.length === 2);
    assert.equal((await state(tab)).categories.marketing, true);
  });
});
