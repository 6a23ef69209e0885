// A decision in one tab of the shop holds in every other open tab at once (BroadcastChannel),
// so a visitor is not asked twice and a withdrawal takes effect everywhere.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {cookieNames, ran, ready, recordEvents, recorded, shopConfig, shopPage, state, tracker, useBrowser, visit, widget} from './helpers.mjs';

const env = useBrowser();

const files = {
  '/e2e/config.json': JSON.stringify(shopConfig()),
  '/e2e/page.html': shopPage({
    head: `
      <script type="text/plain" data-consent="analytics" data-service="ga4">${tracker('analytics', '_ga=1; path=/')}</script>
      <script type="text/plain" data-consent="marketing" data-service="meta-pixel">${tracker('marketing', '_fbp=1; path=/')}</script>`,
  }),
};

/** Two tabs of the shop in one browser profile, both showing the banner. */
async function twoTabs(t) {
  const {context, page: first} = await visit(t, env, {files});
  await first.goto(env.url + 'e2e/page.html');
  await ready(first);
  const second = await context.newPage();
  await second.goto(env.url + 'e2e/page.html');
  await ready(second);
  await widget(first).banner.box.waitFor({state: 'visible'});
  await widget(second).banner.box.waitFor({state: 'visible'});
  return {context, first, second};
}

describe('two tabs', () => {
  test('accepting in one tab hides the other tab’s banner and runs its tagged scripts', async (t) => {
    const {first, second} = await twoTabs(t);
    await recordEvents(second);

    await widget(first).banner.acceptAll.click();
    await second.waitForFunction(() => window.events.some((e) => e.type === 'samtycke-change'));
    const {events} = await recorded(second);
    assert.equal(events[0].origin, 'other-tab', 'the second tab hears the decision as from another tab');
    assert.equal(events[0].method, 'accept-all', 'with its method');

    await widget(second).banner.box.waitFor({state: 'detached'});
    await second.waitForFunction(() => window.ran?.length === 2);
    assert.deepEqual(await ran(second), ['analytics', 'marketing'], 'the second tab releases its scripts, once each');
    assert.equal((await state(second)).status, 'decided', 'the second tab is decided');
    await widget(second).settingsButton.waitFor({state: 'visible'});
    await first.waitForFunction(() => window.ran?.length === 2);
    assert.deepEqual(await ran(first), ['analytics', 'marketing'], 'the first tab released its own scripts once');
  });

  test('rejecting in one tab releases nothing in the other, and hides its banner', async (t) => {
    const {first, second} = await twoTabs(t);
    await recordEvents(second);
    await widget(first).banner.rejectAll.click();
    await second.waitForFunction(() => window.events.length === 1);
    await widget(second).banner.box.waitFor({state: 'detached'});
    assert.deepEqual(await ran(second), [], 'nothing runs in the second tab');
    assert.equal((await state(second)).record.method, 'reject-all', 'the refusal is in force there');
  });

  test('withdrawing in one tab reloads the other tab too, and the cookies are gone', async (t) => {
    const {context, first, second} = await twoTabs(t);
    await widget(first).banner.acceptAll.click();
    await second.waitForFunction(() => window.ran?.length === 2);
    assert.ok((await cookieNames(context)).includes('_fbp'), 'the trackers set their cookies');

    await recordEvents(second);
    const secondReloaded = second.waitForEvent('load');
    const firstReloaded = first.waitForEvent('load');
    await first.evaluate(() => void window.samtycke.withdraw());
    await Promise.all([firstReloaded, secondReloaded]);

    await ready(second);
    const {events, navigations} = await recorded(second);
    assert.deepEqual(navigations, ['reload'], 'the second tab reloaded');
    assert.equal(events.find((e) => e.type === 'samtycke-withdraw')?.reload, true, 'the second tab heard the withdrawal');
    const names = await cookieNames(context);
    assert.ok(!names.includes('_ga') && !names.includes('_fbp'), `no tracker cookie is left: ${names}`);
    assert.deepEqual(await ran(second), [], 'nothing runs in the reloaded tab');
  });
});
