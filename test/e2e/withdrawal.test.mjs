// Withdrawing must be as easy as consenting (GDPR art. 7(3)), and it must take effect: the
// declared first-party cookies are deleted wherever trackers put them, and the page reloads so
// scripts that already run stop, unless the shop cancels the reload.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {cookieNames, demoRuns, ran, ready, recordEvents, recorded, shopConfig, shopPage, state, tracker, useBrowser, visit, widget} from './helpers.mjs';

const env = useBrowser();

/** Cookies as a tracker leaves them: on the host, on parent domains, on several paths. */
const ANALYTICS_COOKIES = [
  '_ga=host; path=/',
  '_ga=parent; domain=shop.samtycke.test; path=/',
  '_ga_X1=default-path',
  '_ga_X1=dotted-parent; domain=.shop.samtycke.test; path=/e2e',
];
const MARKETING_COOKIES = ['_fbp=host-domain; domain=www.shop.samtycke.test; path=/', '_fbp=own-path; path=/e2e/shop'];

const config = shopConfig({
  services: [
    {id: 'ga4', name: 'Google Analytics 4', category: 'analytics', provider: 'Google Ireland Limited', purpose: 'Statistics',
      cookies: [{name: '_ga', duration: '2 years'}, {name: '_ga_*', duration: '2 years'}]},
    {id: 'meta-pixel', name: 'Meta Pixel', category: 'marketing', provider: 'Meta Platforms Ireland Limited', purpose: 'Ads',
      cookies: [{name: '_fbp', duration: '3 months'}, {name: 'fr', duration: '3 months', party: 'third', domain: '.facebook.com'}],
      storage: [{name: 'fb_*', type: 'local'}]},
    {id: 'ab-test', name: 'A/B test', category: 'analytics', provider: 'Shop', purpose: 'Tries checkout variants',
      cookies: [{name: 'ab_variant', duration: '30 days', path: '/e2e/checkout'}]},
  ],
});

const setCookies = (list) => list.map((c) => `document.cookie = ${JSON.stringify(c)};`).join(' ');

const files = (overrides = {}) => ({
  '/e2e/config.json': JSON.stringify({...config, ...overrides}),
  '/e2e/embed.html': '<p>Video</p>',
  '/e2e/shop/page.html': shopPage({
    head: `
      <script>document.cookie = 'sv_session=necessary; path=/';</script>
      <script type="text/plain" data-consent="analytics" data-service="ga4">${tracker('analytics')} ${setCookies(ANALYTICS_COOKIES)}</script>
      <script type="text/plain" data-consent="marketing" data-service="meta-pixel">${tracker('marketing')} ${setCookies(MARKETING_COOKIES)} localStorage.setItem('fb_id', '1');</script>`,
    body: '<iframe id="video" data-consent="marketing" data-src="/e2e/embed.html" title="Video"></iframe>',
  }),
});

const TRACKER_NAMES = ['_fbp', '_ga', '_ga_X1'];
const trackerCookies = async (context) => (await context.cookies()).filter((c) => TRACKER_NAMES.includes(c.name) || c.name === 'ab_variant');

/** Opens the nested shop page on the shop's domain and accepts everything in the banner. */
async function acceptOnShop(t, configOverrides) {
  const visited = await visit(t, env, {files: files(configOverrides)});
  const {context, page} = visited;
  await page.goto(env.shopUrl + 'e2e/shop/page.html');
  await ready(page);
  await widget(page).banner.acceptAll.click();
  await page.waitForFunction(() => window.ran?.length === 2);
  const set = await trackerCookies(context);
  assert.equal(set.length, ANALYTICS_COOKIES.length + MARKETING_COOKIES.length, `the stand-ins set every cookie variant: ${JSON.stringify(set.map((c) => [c.name, c.domain, c.path]))}`);
  return visited;
}

describe('withdrawal', () => {
  test('samtycke.withdraw() deletes the trackers’ cookies on every domain and path, fires samtycke-withdraw and reloads', async (t) => {
    const {context, page} = await acceptOnShop(t);
    await recordEvents(page);
    const reloaded = page.waitForEvent('load');
    await page.evaluate(() => void window.samtycke.withdraw());
    await reloaded;

    const after = await ready(page);
    const {events, navigations} = await recorded(page);
    const withdraw = events.find((e) => e.type === 'samtycke-withdraw');
    assert.ok(withdraw, 'samtycke-withdraw was fired');
    assert.deepEqual(withdraw.revoked.categories.sort(), ['analytics', 'functional', 'marketing'], 'every optional category is revoked');
    assert.deepEqual([...new Set(withdraw.cleared)], ['_fbp', '_ga', '_ga_X1', 'fb_id'], 'the declared cookies and storage keys present are reported cleared');
    assert.equal(withdraw.reload, true, 'the page is to reload because scripts ran');
    assert.deepEqual(navigations, ['reload'], 'the page reloaded');
    const left = await trackerCookies(context);
    assert.deepEqual(left.map((c) => `${c.name} ${c.domain} ${c.path}`), [], 'no tracker cookie survives, whatever domain or path it was set on');
    assert.ok((await cookieNames(context)).includes('sv_session'), 'the necessary cookie is kept');
    assert.equal(await page.evaluate(() => localStorage.getItem('fb_id')), null, 'the declared localStorage key is deleted');
    assert.equal(after.status, 'decided', 'the withdrawal is remembered as a decision');
    assert.equal(after.record.method, 'withdrawal', 'recorded as a withdrawal');
    assert.deepEqual(after.categories, {necessary: true, functional: false, analytics: false, marketing: false}, 'only necessary allowed');
    assert.deepEqual(await ran(page), [], 'nothing tagged runs after the reload');
  });

  test('a samtycke-withdraw listener that calls preventDefault() keeps the page from reloading; cookies are still deleted', async (t) => {
    const {context, page} = await acceptOnShop(t);
    await recordEvents(page);
    await page.evaluate(() => {
      window.stillHere = true;
      document.addEventListener('samtycke-withdraw', (e) => e.preventDefault());
    });
    await page.evaluate(() => window.samtycke.withdraw());

    const {events, navigations} = await recorded(page);
    assert.equal(events.filter((e) => e.type === 'samtycke-withdraw').length, 1, 'samtycke-withdraw was fired once');
    assert.deepEqual(navigations, [], 'no reload was started');
    assert.equal(await page.evaluate(() => window.stillHere), true, 'the page was not reloaded');
    assert.deepEqual((await trackerCookies(context)).map((c) => `${c.name} ${c.domain} ${c.path}`), [], 'the cookies are deleted all the same');
    assert.equal((await state(page)).record.method, 'withdrawal', 'the withdrawal is in force');
    assert.equal(await page.locator('#video').getAttribute('src'), 'about:blank', 'the embed is unloaded');
  });

  test('with reloadOnWithdrawal: false there is no reload, and the cookies are deleted', async (t) => {
    const {context, page} = await acceptOnShop(t, {reloadOnWithdrawal: false});
    assert.equal(await page.locator('#video').getAttribute('src'), '/e2e/embed.html', 'the embed was loaded on consent');
    await recordEvents(page);
    await page.evaluate(() => window.samtycke.withdraw());
    const {events, navigations} = await recorded(page);
    assert.equal(events.find((e) => e.type === 'samtycke-withdraw')?.reload, false, 'the event says no reload follows');
    assert.deepEqual(navigations, [], 'the page did not reload');
    assert.deepEqual((await trackerCookies(context)).map((c) => `${c.name} ${c.domain} ${c.path}`), [], 'the cookies are deleted');
    assert.equal(await page.locator('#video').getAttribute('src'), 'about:blank', 'the embed is unloaded');
  });

  test('samtycke-withdraw names each cleared cookie once, even when it was set on several domains', async (t) => {
    const {page} = await acceptOnShop(t);
    await recordEvents(page);
    await page.evaluate(() => document.addEventListener('samtycke-withdraw', (e) => e.preventDefault()));
    await page.evaluate(() => window.samtycke.withdraw());
    const {events} = await recorded(page);
    assert.deepEqual(events.find((e) => e.type === 'samtycke-withdraw').cleared, ['_fbp', '_ga', '_ga_X1', 'fb_id'],
      'detail.cleared lists each deleted name once');
  });

  test('a cookie declared on another path is deleted even from a page outside that path', async (t) => {
    const {context, page} = await acceptOnShop(t);
    // The A/B test script runs in checkout and puts its cookie there.
    await page.evaluate(() => (document.cookie = 'ab_variant=b; path=/e2e/checkout'));
    assert.deepEqual((await context.cookies()).filter((c) => c.name === 'ab_variant').map((c) => c.path), ['/e2e/checkout'], 'the checkout cookie exists');
    await page.evaluate(() => document.addEventListener('samtycke-withdraw', (e) => e.preventDefault()));
    await page.evaluate(() => window.samtycke.withdraw());
    assert.deepEqual((await context.cookies()).filter((c) => c.name === 'ab_variant').map((c) => c.path), [],
      'the config declares "path": "/e2e/checkout" so the cookie can be deleted on withdrawal');
  });

  test('"Reject all" in the preferences, opened from a [data-samtycke="preferences"] link, withdraws and reloads the demo shop', async (t) => {
    const {context, page} = await visit(t, env);
    const ui = widget(page);
    await page.goto(env.url + 'en/');
    await ready(page);
    await ui.banner.acceptAll.click();
    await page.waitForFunction(() => document.cookie.includes('_fbp=') && document.cookie.includes('_ga='));
    await recordEvents(page);

    await page.getByRole('link', {name: 'Cookie settings', exact: true}).click();
    await ui.preferences.dialog.waitFor({state: 'visible'});
    for (const name of ['Functional', 'Analytics', 'Marketing']) {
      assert.equal(await ui.preferences.switch(name).isChecked(), true, `${name} shows as allowed`);
    }
    const reloaded = page.waitForEvent('load');
    await ui.preferences.rejectAll.click();
    await reloaded;

    await ready(page);
    const {events, navigations} = await recorded(page);
    assert.deepEqual(navigations, ['reload'], 'the page reloaded');
    assert.deepEqual(events.find((e) => e.type === 'samtycke-withdraw')?.cleared, ['_fbp', '_ga', '_ga_DEMO0001'], 'the demo trackers’ cookies were cleared');
    const left = (await cookieNames(context)).filter((n) => ['_fbp', '_ga', '_ga_DEMO0001'].includes(n));
    assert.deepEqual(left, [], 'no tracker cookie is left');
    assert.deepEqual(await demoRuns(page), {analytics: 0, pixel: 0, video: 0}, 'nothing runs after the reload');
    assert.equal((await state(page)).record.method, 'reject-all', 'the refusal is in force');
  });

  test('turning only Marketing off deletes only the marketing cookie', async (t) => {
    const {context, page} = await visit(t, env);
    const ui = widget(page);
    await page.goto(env.url + 'en/');
    await ready(page);
    await ui.banner.acceptAll.click();
    await page.waitForFunction(() => document.cookie.includes('_fbp=') && document.cookie.includes('_ga='));
    await recordEvents(page);

    await ui.settingsButton.click();
    await ui.preferences.dialog.waitFor({state: 'visible'});
    await ui.preferences.switch('Marketing').uncheck();
    const reloaded = page.waitForEvent('load');
    await ui.preferences.save.click();
    await reloaded;

    await ready(page);
    const {events} = await recorded(page);
    const withdraw = events.find((e) => e.type === 'samtycke-withdraw');
    assert.deepEqual(withdraw?.revoked.categories, ['marketing'], 'only marketing was revoked');
    const names = await cookieNames(context);
    assert.ok(!names.includes('_fbp'), 'the marketing cookie is deleted');
    assert.ok(names.includes('_ga'), 'the analytics cookie, still allowed, is kept');
    await page.waitForFunction(() => window.__samtyckeDemo?.analyticsRuns === 1);
    assert.deepEqual(await demoRuns(page), {analytics: 1, pixel: 0, video: 0}, 'after the reload only analytics runs');
  });
});
