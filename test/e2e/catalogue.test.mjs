// The service catalogue through dist/samtycke.js: a shop writes catalogue ids, visitors download
// only the entries it names, withdrawal clears the catalogue's cookie patterns, and an unknown id
// releases nothing and says what to write instead.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {cookieNames, ran, ready, shopConfig, shopPage, tracker, useBrowser, visit, widget} from './helpers.mjs';

const env = useBrowser();

const page = shopPage({
  head: `
    <script type="text/plain" data-consent="analytics" data-service="ga4">${tracker('ga4')}
      document.cookie = '_ga=GA1.1; domain=shop.samtycke.test; path=/'; document.cookie = '_ga_ABC123=GS1; path=/';</script>
    <script type="text/plain" data-consent="marketing" data-service="meta-pixel">${tracker('pixel')} document.cookie = '_fbp=fb.1; path=/';</script>`,
});

const config = (services) => JSON.stringify(shopConfig({services}));

describe('service catalogue', () => {
  test('catalogue ids bring the service\'s provider, purpose and cookies; the owner overrides a field; only used entries are downloaded', async (t) => {
    const files = {'/e2e/page.html': page, '/e2e/config.json': config(['ga4', {id: 'meta-pixel', name: 'Facebook-annonser'}])};
    const {page: tab} = await visit(t, env, {files});
    const requested = [];
    tab.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await tab.goto(env.shopUrl + 'e2e/page.html');
    await ready(tab);
    assert.deepEqual(requested.filter((p) => p.includes('/catalogue/')).sort(), ['/samtycke/catalogue/ga4.json', '/samtycke/catalogue/meta-pixel.json']);

    await widget(tab).banner.customize.click();
    const dialog = tab.locator('samtycke-preferences dialog');
    await dialog.waitFor({state: 'visible'});
    // Open each category's list of services, as a visitor does.
    for (const summary of await dialog.locator('summary').all()) await summary.click();
    const text = await dialog.innerText();
    assert.match(text, /Google Analytics 4/);
    assert.match(text, /Google Ireland Limited/, 'provider from the catalogue');
    assert.match(text, /Counts visits/, 'purpose from the catalogue, in English');
    assert.match(text, /_ga_\*/, 'cookies from the catalogue');
    assert.match(text, /Facebook-annonser/, 'the owner\'s name wins');
    assert.match(text, /Meta Platforms Ireland Limited/, 'the rest stays from the catalogue');
  });

  test('withdrawal deletes the catalogue\'s cookie patterns on the host and the parent domain', async (t) => {
    const files = {'/e2e/page.html': page, '/e2e/config.json': config(['ga4', 'meta-pixel'])};
    const {context, page: tab} = await visit(t, env, {files});
    await tab.goto(env.shopUrl + 'e2e/page.html');
    await ready(tab);
    await widget(tab).banner.acceptAll.click();
    await tab.waitForFunction(() => window.ran?.length === 2);
    assert.deepEqual(await cookieNames(context), ['_fbp', '_ga', '_ga_ABC123']);
    await tab.evaluate(() => {
      document.addEventListener('samtycke-withdraw', (e) => e.preventDefault(), {once: true});
      return window.samtycke.withdraw();
    });
    assert.deepEqual(await cookieNames(context), [], 'no tracker cookie left');
  });

  test('an id that is not in the catalogue: nothing is released, and the console names the path and the fix', async (t) => {
    const files = {'/e2e/page.html': page, '/e2e/config.json': config(['ga5', 'meta-pixel'])};
    const {page: tab, log} = await visit(t, env, {files});
    await tab.goto(env.shopUrl + 'e2e/page.html');
    const state = await ready(tab);
    assert.equal(state.status, 'unavailable');
    await log.waitFor((m) => m.text.includes('$.services[0]'));
    await log.waitFor((m) => m.text.includes('did you mean "ga4"?'));
    assert.deepEqual(await ran(tab), []);
    assert.equal(await tab.locator('samtycke-banner').count(), 0, 'no banner for a config that cannot be trusted');
  });

  test('a catalogue folder that was not uploaded: nothing is released, and the console says what to upload', async (t) => {
    const files = {'/e2e/page.html': page, '/e2e/config.json': config(['ga4'])};
    const {context, page: tab, log} = await visit(t, env, {files});
    await context.route('**/samtycke/catalogue/**', (route) => route.fulfill({status: 404, body: 'Not found'}));
    await tab.goto(env.shopUrl + 'e2e/page.html');
    assert.equal((await ready(tab)).status, 'unavailable');
    await log.waitFor((m) => /catalogue entry "ga4" could not be loaded/.test(m.text));
    await log.waitFor((m) => /upload the catalogue folder/.test(m.text));
    assert.deepEqual(await ran(tab), []);
  });
});
