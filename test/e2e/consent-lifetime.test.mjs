// A decision holds for one revision of the configuration and for `lifetimeDays`; after either
// runs out the visitor is asked again and nothing is released until they answer.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {cookieNames, ran, ready, shopConfig, shopPage, storeDecision, storedDecision, tracker, useBrowser, visit, widget} from './helpers.mjs';

const env = useBrowser();
const DAY = 86_400_000;

const page = shopPage({
  head: `
    <script type="text/plain" data-consent="analytics" data-service="ga4">${tracker('analytics', '_ga=1; path=/')}</script>
    <script type="text/plain" data-consent="marketing" data-service="meta-pixel">${tracker('marketing', '_fbp=1; path=/')}</script>`,
});

describe('revision', () => {
  test('raising the revision asks again and releases nothing until the visitor answers', async (t) => {
    const files = {'/e2e/page.html': page, '/e2e/config.json': JSON.stringify(shopConfig({revision: 1}))};
    const {page: tab} = await visit(t, env, {files});
    const ui = widget(tab);
    await tab.goto(env.url + 'e2e/page.html');
    await ready(tab);
    await ui.banner.acceptAll.click();
    await tab.waitForFunction(() => window.ran?.length === 2);
    assert.equal((await storedDecision(tab)).revision, 1, 'the decision is stored with revision 1');

    files['/e2e/config.json'] = JSON.stringify(shopConfig({revision: 2}));
    await tab.reload();
    const asked = await ready(tab);
    assert.equal(asked.status, 'undecided', 'a decision on an older revision is not in force');
    assert.equal(asked.reason, 'revision', 'the reason is the new revision');
    await ui.banner.box.waitFor({state: 'visible'});
    assert.deepEqual(await ran(tab), [], 'nothing is released on the new revision before an answer');
    assert.equal(await tab.evaluate(() => samtycke.isAllowed('analytics')), false, 'analytics is not allowed');

    await ui.banner.acceptAll.click();
    await tab.waitForFunction(() => window.ran?.length === 2);
    assert.deepEqual(await ran(tab), ['analytics', 'marketing'], 'released after the new answer');
    const record = await storedDecision(tab);
    assert.equal(record.revision, 2, 'the new answer is stored with revision 2');
  });

  test('rejecting on the new revision deletes the cookies the trackers set under the old consent', async (t) => {
    const files = {'/e2e/page.html': page, '/e2e/config.json': JSON.stringify(shopConfig({revision: 1}))};
    const {context, page: tab} = await visit(t, env, {files});
    const ui = widget(tab);
    await tab.goto(env.url + 'e2e/page.html');
    await ready(tab);
    await ui.banner.acceptAll.click();
    await tab.waitForFunction(() => window.ran?.length === 2);
    assert.deepEqual(await cookieNames(context), ['_fbp', '_ga'], 'the trackers set their cookies under revision 1');

    files['/e2e/config.json'] = JSON.stringify(shopConfig({revision: 2}));
    await tab.reload();
    await ready(tab);
    await ui.banner.rejectAll.click();
    await ui.banner.box.waitFor({state: 'detached'});
    assert.equal((await storedDecision(tab)).method, 'reject-all', 'the refusal is stored');
    assert.deepEqual(await cookieNames(context), [], 'after the refusal no tracker cookie is left on the device');
  });
});

describe('expiry', () => {
  test('the stored decision expires after lifetimeDays', async (t) => {
    const files = {'/e2e/page.html': page, '/e2e/config.json': JSON.stringify(shopConfig({lifetimeDays: 200}))};
    const {page: tab} = await visit(t, env, {files});
    await tab.goto(env.url + 'e2e/page.html');
    await ready(tab);
    await tab.evaluate(() => samtycke.acceptAll());
    const record = await storedDecision(tab);
    assert.equal(Date.parse(record.expires) - Date.parse(record.timestamp), 200 * DAY, 'kept for exactly lifetimeDays');
  });

  test('an expired decision asks again and releases nothing', async (t) => {
    const files = {'/e2e/page.html': page, '/e2e/config.json': JSON.stringify(shopConfig())};
    const {page: tab} = await visit(t, env, {files});
    const ui = widget(tab);
    await tab.goto(env.url + 'e2e/page.html');
    await ready(tab);
    await tab.evaluate(() => samtycke.acceptAll());
    assert.deepEqual(await ran(tab), ['analytics', 'marketing'], 'released while the decision is valid');

    const record = await storedDecision(tab);
    await storeDecision(tab, {...record, expires: new Date(Date.now() - 1000).toISOString()});
    await tab.reload();
    const asked = await ready(tab);
    assert.equal(asked.status, 'undecided', 'an expired decision is not in force');
    assert.equal(asked.reason, 'expired', 'the reason is expiry');
    await ui.banner.box.waitFor({state: 'visible'});
    assert.deepEqual(await ran(tab), [], 'nothing is released after expiry');
  });

  test('with a clock, a decision holds on its last day and is asked again the day after', async (t) => {
    const files = {'/e2e/page.html': page, '/e2e/config.json': JSON.stringify(shopConfig({lifetimeDays: 183}))};
    const {context, page: tab} = await visit(t, env, {files});
    const start = Date.parse('2030-01-01T12:00:00Z');
    await context.clock.install({time: start});
    const ui = widget(tab);
    await tab.goto(env.url + 'e2e/page.html');
    await ready(tab);
    await ui.banner.acceptAll.click();
    await tab.waitForFunction(() => window.ran?.length === 2);

    await context.clock.setSystemTime(start + 182 * DAY);
    await tab.reload();
    assert.equal((await ready(tab)).status, 'decided', 'still decided on day 182 of 183');
    await tab.waitForFunction(() => window.ran?.length === 2);
    assert.equal(await ui.banner.box.count(), 0, 'no banner while the decision is valid');

    await context.clock.setSystemTime(start + 184 * DAY);
    await tab.reload();
    const asked = await ready(tab);
    assert.equal(asked.reason, 'expired', 'asked again on day 184');
    await ui.banner.box.waitFor({state: 'visible'});
    assert.deepEqual(await ran(tab), [], 'nothing is released once expired');
  });
});
