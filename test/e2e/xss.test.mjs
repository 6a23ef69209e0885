// Shop texts are text, never markup: whatever the config says is shown literally, and a link
// that would run script is refused by validation before it reaches an href.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {ran, ready, shopConfig, shopPage, tracker, useBrowser, visit, widget} from './helpers.mjs';

const env = useBrowser();
const PAYLOAD = '<img src=x onerror="window.pwned=1">';

/** Every `<img>` in the document and in every open shadow root. */
const images = (page) => page.evaluate(() => {
  const found = [];
  const walk = (root) => {
    found.push(...root.querySelectorAll('img'));
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
  };
  walk(document);
  return found.length;
});

describe('config text is shown as text', () => {
  test('markup in banner.title, a category title and a service name shows literally and never runs', async (t) => {
    const config = shopConfig({
      categories: {necessary: {}, analytics: {title: `Stats ${PAYLOAD}`}, marketing: {}},
      texts: {en: {'banner.title': `Cookies ${PAYLOAD}`}},
      services: [{id: 'ga4', name: `GA ${PAYLOAD}`, category: 'analytics', provider: 'Google', purpose: `Stats ${PAYLOAD}`}],
    });
    const files = {'/e2e/config.json': JSON.stringify(config), '/e2e/page.html': shopPage({head: `<script type="text/plain" data-consent="analytics">${tracker('analytics')}</script>`})};
    const {page, log} = await visit(t, env, {files});
    const ui = widget(page);
    await page.goto(env.url + 'e2e/page.html');
    await ready(page);

    const banner = page.locator('samtycke-banner');
    await banner.getByRole('heading').waitFor({state: 'visible'});
    assert.equal(await banner.getByRole('heading').textContent(), `Cookies ${PAYLOAD}`, 'the banner title shows the markup as text');
    assert.ok((await banner.locator('li strong').allTextContents()).includes(`Stats ${PAYLOAD}`), 'the category title shows as text');

    await ui.banner.customize.click();
    await ui.preferences.dialog.waitFor({state: 'visible'});
    assert.equal(await ui.preferences.switch(`Stats ${PAYLOAD}`).count(), 1, 'the switch is labelled with the literal category title');
    await page.locator('samtycke-preferences details summary').click();
    assert.equal(await ui.preferences.switch(`GA ${PAYLOAD}`).count(), 1, 'the service switch is labelled with the literal service name');

    assert.equal(await images(page), 0, 'no <img> element was created anywhere');
    assert.equal(await page.evaluate(() => window.pwned), undefined, 'the onerror handler never ran');
    assert.deepEqual(await ran(page), [], 'nothing was released by showing texts');
    assert.deepEqual(log.samtycke(), [], 'the config is valid: text may contain < and >');
  });
});

describe('script URLs are refused', () => {
  const cases = {
    'privacyPolicyUrl "javascript:alert(1)"': [{privacyPolicyUrl: 'javascript:alert(1)'}, '$.privacyPolicyUrl', '"javascript:alert(1)"'],
    'a per-language privacyPolicyUrl "JavaScript:alert(1)"': [{privacyPolicyUrl: {en: 'JavaScript:alert(1)', sv: '/integritet'}}, '$.privacyPolicyUrl.en', '"JavaScript:alert(1)"'],
    'a privacyPolicyUrl "data:text/html,…"': [{privacyPolicyUrl: 'data:text/html,<script>window.pwned=1</script>'}, '$.privacyPolicyUrl', '"data:text/html,'],
    'a service privacyPolicyUrl " javascript:alert(1)"': [{services: [{id: 'ga4', name: 'GA', category: 'analytics', provider: 'Google', purpose: 'Stats', privacyPolicyUrl: ' javascript:alert(1)'}]},
      '$.services[0].privacyPolicyUrl', '" javascript:alert(1)"'],
  };
  for (const [name, [overrides, path, shown]] of Object.entries(cases)) {
    test(`${name} is rejected by validation at ${path}`, async (t) => {
      const files = {'/e2e/config.json': JSON.stringify(shopConfig(overrides)), '/e2e/page.html': shopPage({head: `<script type="text/plain" data-consent="analytics">${tracker('analytics')}</script>`})};
      const {page, log} = await visit(t, env, {files});
      await page.goto(env.url + 'e2e/page.html');
      const first = await ready(page);
      const error = await log.waitFor((m) => m.type === 'error' && m.text.startsWith(`/e2e/config.json ${path}: `));
      assert.ok(error.text.includes(`${shown}`) && error.text.includes('is not valid here'), `the error quotes the URL: ${error.text}`);
      assert.ok(error.text.includes('Fix: write an https:// address or a path on your site'), `the error says what to write: ${error.text}`);
      assert.equal(first.status, 'unavailable', 'the widget does not start with it');
      assert.equal(await page.locator('samtycke-banner').count(), 0, 'no banner, so no link is rendered');
    });
  }
});
