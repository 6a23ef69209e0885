// How the widget lives with the rest of the shop's page: tags added later by other scripts,
// ES modules, a strict Content-Security-Policy with nonces, and the script tag included twice.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {ran, ready, shopConfig, shopPage, tracker, useBrowser, visit, widget} from './helpers.mjs';

const env = useBrowser();
const config = JSON.stringify(shopConfig());

/** Appends a blocked script (and, optionally, an embed) the way a tag manager would. */
const addTagged = (page, name) => page.evaluate((code) => {
  const script = document.createElement('script');
  script.type = 'text/plain';
  script.dataset.consent = 'analytics';
  script.textContent = code;
  document.body.append(script);
}, tracker(name));

describe('elements added after the page loaded', () => {
  test('a tagged script added before consent waits, runs on consent, and one added after consent runs at once', async (t) => {
    const files = {'/e2e/config.json': config, '/e2e/page.html': shopPage({body: '<div id="later"></div>'})};
    const {page} = await visit(t, env, {files});
    await page.goto(env.url + 'e2e/page.html');
    await ready(page);

    await addTagged(page, 'before-consent');
    // An embed inside a container, as a single-page app renders it.
    await page.evaluate(() => {
      document.getElementById('later').innerHTML = '<div><iframe data-consent="analytics" data-src="/e2e/embed.html" title="Embed"></iframe></div>';
    });
    assert.deepEqual(await ran(page), [], 'an added tagged script does not run before consent');
    assert.equal(await page.locator('#later iframe').getAttribute('src'), null, 'an added embed does not load before consent');

    await page.evaluate(() => window.samtycke.acceptAll());
    assert.deepEqual(await ran(page), ['before-consent'], 'it runs, once, on consent');
    assert.equal(await page.locator('#later iframe').getAttribute('src'), '/e2e/embed.html', 'the embed gets its src on consent');

    await addTagged(page, 'after-consent');
    await page.waitForFunction(() => window.ran?.includes('after-consent'));
    assert.deepEqual(await ran(page), ['before-consent', 'after-consent'], 'a script added after consent runs once, and nothing runs twice');
  });
});

describe('modules', () => {
  test('data-type="module" runs as an ES module, inline and external', async (t) => {
    const files = {
      '/e2e/config.json': config,
      '/e2e/dep.mjs': 'export const name = "external-module";',
      '/e2e/mod.mjs': `import {name} from '/e2e/dep.mjs'; (window.ran ??= []).push(name + ':' + typeof import.meta.url);`,
      '/e2e/page.html': shopPage({
        head: `
          <script type="text/plain" data-type="module" data-consent="analytics">(window.ran ??= []).push('inline-module:' + typeof import.meta.url + ':' + (this === undefined));</script>
          <script type="text/plain" data-type="module" data-consent="analytics" data-src="/e2e/mod.mjs"></script>`,
      }),
    };
    const {page, log} = await visit(t, env, {files});
    await page.goto(env.url + 'e2e/page.html');
    await ready(page);
    assert.deepEqual(await ran(page), [], 'modules wait for consent too');
    await page.evaluate(() => window.samtycke.acceptAll());
    await page.waitForFunction(() => window.ran?.length === 2);
    assert.deepEqual((await ran(page)).sort(), ['external-module:string', 'inline-module:string:true'],
      'both ran once with module semantics (import, import.meta, top-level this undefined)');
    assert.deepEqual(log.messages.filter((m) => m.type === 'pageerror'), [], 'no syntax error: they were not run as classic scripts');
  });
});

describe('Content-Security-Policy', () => {
  test("under script-src 'nonce-abc' 'self', a released inline script keeps its nonce and runs; one without a nonce stays blocked", async (t) => {
    const csp = "script-src 'nonce-abc' 'self'";
    const files = {
      '/e2e/config.json': config,
      '/e2e/self.js': tracker('same-origin-file'),
      '/e2e/csp.html': {
        headers: {'content-security-policy': csp},
        body: shopPage({
          head: `
            <script nonce="abc">
              window.violations = [];
              document.addEventListener('securitypolicyviolation', (e) => violations.push({blocked: e.blockedURI, directive: e.effectiveDirective}));
            </script>
            <script type="text/plain" data-consent="analytics" nonce="abc">${tracker('with-nonce')}</script>
            <script type="text/plain" data-consent="analytics">${tracker('without-nonce')}</script>
            <script type="text/plain" data-consent="analytics" src="/e2e/self.js"></script>`,
        }),
      },
    };
    const {page, log} = await visit(t, env, {files});
    await page.goto(env.url + 'e2e/csp.html');
    await ready(page);
    assert.equal(await page.evaluate(() => window.violations.length), 0, 'the widget itself runs under the policy without violations');
    await widget(page).banner.box.waitFor({state: 'visible'});

    await widget(page).banner.acceptAll.click();
    await page.waitForFunction(() => window.ran?.includes('same-origin-file') && window.violations.length > 0);
    assert.deepEqual(await ran(page), ['with-nonce', 'same-origin-file'], 'the nonced inline script and the same-origin file ran; the other did not');
    assert.deepEqual(await page.evaluate(() => window.violations), [{blocked: 'inline', directive: 'script-src-elem'}],
      'exactly one violation: the inline script without a nonce');
    assert.deepEqual(log.messages.filter((m) => m.type === 'pageerror'), [], 'no errors');
  });
});

describe('the script tag included twice', () => {
  test('the second copy warns and does nothing, so tagged scripts still run once', async (t) => {
    const files = {
      '/e2e/config.json': config,
      '/e2e/page.html': shopPage({
        head: `
          <script src="/samtycke/samtycke.js" data-config="/e2e/config.json"></script>
          <script type="text/plain" data-consent="analytics">${tracker('analytics')}</script>`,
      }),
    };
    const {page, log} = await visit(t, env, {files});
    await page.goto(env.url + 'e2e/page.html');
    await ready(page);
    await log.waitFor((m) => m.type === 'warning' && m.text.includes('already running'));
    assert.equal(await page.locator('samtycke-banner').count(), 1, 'one banner');
    await widget(page).banner.acceptAll.click();
    await page.waitForFunction(() => window.ran?.length > 0);
    assert.deepEqual(await ran(page), ['analytics'], 'released once');
  });
});
