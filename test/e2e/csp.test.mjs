// Samtycke under a strict Content-Security-Policy, as a shop that hardens its pages sends it:
// `script-src 'self' 'nonce-…'; style-src 'self'; object-src 'none'` (no 'unsafe-inline', no
// 'unsafe-eval'), the nonce-only `'strict-dynamic'` policy Google recommends, and one with
// `default-src 'self'`, so every fetch the widget makes is checked too. A fresh nonce
// per response, as a server makes it. Every `securitypolicyviolation` event and every CSP
// console message is recorded across reloads; the whole flow must leave both empty, and a
// negative control shows the recorder does see violations.
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {describe, test} from 'node:test';
import {serveVendors} from '../fixtures/vendors/stand-ins.mjs';
import {ran, ready, shopConfig, tracker, useBrowser, visit, widget} from './helpers.mjs';

const env = useBrowser();

/**
 * The policies a hardened shop sends; none allows inline code without the nonce, inline styles
 * or eval. `signed`: the policy trusts no file by its origin, so the shop puts the nonce on its
 * blocked external script too, as on every script of its pages.
 */
const POLICIES = {
  "script-src 'self' 'nonce-…'; style-src 'self'": {header: (nonce) => `script-src 'self' 'nonce-${nonce}'; style-src 'self'; object-src 'none'`},
  // Nonces only, not even the shop's own files: every script Samtycke adds must carry the nonce
  // (its chunks are imported by the nonced samtycke.js, whose nonce the imports inherit).
  "script-src 'nonce-…'; style-src 'self'": {header: (nonce) => `script-src 'nonce-${nonce}'; style-src 'self'; object-src 'none'`, signed: true},
  "script-src 'nonce-…' 'strict-dynamic'; style-src 'self'": {
    header: (nonce) => `script-src 'nonce-${nonce}' 'strict-dynamic'; style-src 'self'; object-src 'none'; base-uri 'none'`, signed: true,
  },
  // Everything else from the shop's own origin too: the config, texts and catalogue are fetched
  // from it (connect-src), and the video needs its host in frame-src.
  "default-src 'self'; script-src 'self' 'nonce-…'; style-src 'self'; frame-src https://www.youtube.com": {
    header: (nonce) => `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self'; object-src 'none'; frame-src https://www.youtube.com; base-uri 'none'; form-action 'self'`,
  },
};

const newNonce = () => randomBytes(16).toString('base64');

/** A config with two tagged services and the YouTube catalogue service (an embed). */
const CONFIG = JSON.stringify(shopConfig({services: [...shopConfig().services, 'youtube']}));

/**
 * The shop page: samtycke.js with the page's nonce, a blocked inline script that carries the
 * nonce (what the shop must do for it to run once released), a blocked external script from the
 * shop's own origin (with the nonce when `signed`), a blocked YouTube video and a "Cookie settings" link. `head` goes at the
 * end of `<head>`, `body` at the end of `<body>`.
 */
const cspPage = (nonce, {signed = false, head = '', body = ''} = {}) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>CSP shop</title>
<script src="/samtycke/samtycke.js" data-config="/e2e/config.json" nonce="${nonce}"></script>
<script type="text/plain" data-consent="analytics" data-service="ga4" nonce="${nonce}">${tracker('inline-with-nonce')}</script>
<script type="text/plain" data-consent="marketing" data-service="meta-pixel" data-src="/e2e/external.js"${signed ? ` nonce="${nonce}"` : ''}></script>
<link rel="stylesheet" href="/e2e/shop.css">
${head}
</head>
<body>
<h1>CSP shop</h1>
<iframe width="560" height="315" data-service="youtube" data-src="https://www.youtube.com/embed/csp" title="Workshop video"></iframe>
<p><a href="#" data-samtycke="preferences">Cookie settings</a></p>
${body}
</body>
</html>`;

/**
 * Opens a context whose pages are served under `policy` with a new nonce per response, and
 * records in Node (so it survives reloads) every CSP violation, uncaught error and unhandled
 * rejection in the page, from before the first script runs.
 */
async function openCsp(t, {policy: {header, signed}, page: build = (nonce) => cspPage(nonce, {signed})}) {
  // Pages are opened on the server's own address (env.url), not the routed shop domain: the
  // reference receiver takes receipts from it, and no request goes through a route that fetches.
  const served = {
    '/e2e/config.json': CONFIG,
    '/e2e/external.js': tracker('external'),
    '/e2e/shop.css': 'body { font-family: system-ui, sans-serif; margin: 2rem; }',
    '/e2e/page.html': () => {
      const nonce = newNonce();
      return {headers: {'content-security-policy': header(nonce)}, body: build(nonce)};
    },
  };
  const {context, page, log} = await visit(t, env, {files: served});
  // The YouTube video's host, answered by a stand-in.
  await serveVendors(context);
  const seen = {violations: [], errors: []};
  await context.exposeBinding('__samtyckeTestReport', ({frame}, kind, entry) => {
    // Only the shop's page: the YouTube stand-in is another document under no policy of ours.
    if (frame === page.mainFrame()) seen[kind].push(entry);
  });
  // Init scripts are injected by the browser, outside the page's policy.
  await context.addInitScript(() => {
    const report = (kind, entry) => window.__samtyckeTestReport?.(kind, entry);
    addEventListener('securitypolicyviolation', (e) => report('violations', {
      directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber,
    }), true);
    addEventListener('error', (e) => report('errors', `error: ${e.message}`));
    addEventListener('unhandledrejection', (e) => report('errors', `unhandled rejection: ${e.reason?.stack ?? e.reason}`));
  });
  const cspMessages = () => log.messages.filter((m) => /Content Security Policy|Content-Security-Policy/i.test(m.text));
  return {context, page, log, seen, cspMessages};
}

/**
 * Resolves once every task the page queued so far has run: violation events are dispatched in
 * tasks queued when the browser refused something.
 */
const settle = (page) => page.evaluate(() => new Promise((done) => setTimeout(() => requestAnimationFrame(() => setTimeout(done)))));

/** Asserts that nothing was refused and nothing was thrown since the start, naming the step. */
async function assertClean(page, {seen, cspMessages}, step) {
  await settle(page);
  assert.deepEqual(seen.violations, [], `${step}: no securitypolicyviolation`);
  assert.deepEqual(cspMessages(), [], `${step}: no CSP message in the console`);
  assert.deepEqual(seen.errors, [], `${step}: no error or unhandled rejection`);
}

describe('strict Content-Security-Policy', () => {
  for (const [name, policy] of Object.entries(POLICIES)) {
    test(`${name}: banner, preferences, accept, release, embed, withdraw and a returning visit, with no violation`, async (t) => {
      const opened = await openCsp(t, {policy});
      const {page} = opened;
      const ui = widget(page);
      const placeholder = page.locator('samtycke-embed-placeholder');
      const video = page.locator('iframe[src="https://www.youtube.com/embed/csp"]');

      // First visit: the banner, the placeholder, nothing released.
      await page.goto(env.url + 'e2e/page.html');
      await ready(page);
      await ui.banner.box.waitFor({state: 'visible'});
      await placeholder.getByRole('region').waitFor();
      assert.deepEqual(await ran(page), [], 'nothing runs before consent');
      await assertClean(page, opened, 'first visit');

      // Preferences: open from the banner, close without saving.
      await ui.banner.customize.click();
      await ui.preferences.dialog.waitFor({state: 'visible'});
      await ui.preferences.switch('Analytics').waitFor();
      await ui.preferences.close.click();
      await ui.preferences.dialog.waitFor({state: 'hidden'});
      await assertClean(page, opened, 'preferences opened and closed');

      // Accept all: the nonced inline script and the same-origin file run; the video loads.
      await ui.banner.acceptAll.click();
      await page.waitForFunction(() => window.ran?.length === 2);
      assert.deepEqual((await ran(page)).sort(), ['external', 'inline-with-nonce'], 'both blocked scripts ran, once each');
      await video.waitFor({state: 'visible'});
      await ui.settingsButton.waitFor({state: 'visible'});
      await assertClean(page, opened, 'accept all');

      // The shop's own "Cookie settings" link opens the preferences.
      await page.getByRole('link', {name: 'Cookie settings'}).click();
      await ui.preferences.dialog.waitFor({state: 'visible'});
      await ui.preferences.close.click();
      await ui.preferences.dialog.waitFor({state: 'hidden'});

      // Withdrawal: the page reloads (scripts ran), nothing runs, the placeholder is back.
      const reloaded = page.waitForEvent('load');
      await page.evaluate(() => void window.samtycke.withdraw());
      await reloaded;
      await ready(page);
      await placeholder.getByRole('region').waitFor();
      assert.deepEqual(await ran(page), [], 'after withdrawal nothing runs');
      await assertClean(page, opened, 'withdrawal and reload');

      // Accept again in the preferences (from the floating button), then a returning visit:
      // released from the stored decision, with no banner.
      await ui.settingsButton.click();
      await ui.preferences.acceptAll.click();
      await page.waitForFunction(() => window.ran?.length === 2);
      await page.reload();
      await ready(page);
      await page.waitForFunction(() => window.ran?.length === 2);
      assert.deepEqual((await ran(page)).sort(), ['external', 'inline-with-nonce'], 'a returning visit releases both, with the new response’s nonce');
      await video.waitFor({state: 'visible'});
      await ui.settingsButton.waitFor({state: 'visible'});
      assert.equal(await ui.banner.box.count(), 0, 'no banner for a returning visitor');
      await assertClean(page, opened, 'returning visit');
    });
  }

  /** A page with the policy and the privacy center, on the demo's config (privacy section, catalogue services, consent log). */
  const privacyPage = (nonce) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Privacy</title>
<script src="/samtycke/samtycke.js" data-config="/samtycke.config.json" nonce="${nonce}"></script>
</head>
<body>
<samtycke-privacy-policy></samtycke-privacy-policy>
<samtycke-privacy-center></samtycke-privacy-center>
</body>
</html>`;

  // Nonces only (the privacy chunk is imported by samtycke.js, whose nonce it inherits), and default-src 'self' (the
  // receipts and the rights request are sent to the shop's own origin).
  for (const name of ["script-src 'nonce-…'; style-src 'self'", "default-src 'self'; script-src 'self' 'nonce-…'; style-src 'self'; frame-src https://www.youtube.com"]) {
    test(`${name}: the privacy policy, cookie declaration and privacy center render and work`, async (t) => {
      const opened = await openCsp(t, {policy: POLICIES[name], page: privacyPage});
      const {page: tab} = opened;
      await tab.goto(env.url + 'e2e/page.html');
      await ready(tab);
      const policyElement = tab.locator('samtycke-privacy-policy');
      const center = tab.locator('samtycke-privacy-center');
      await policyElement.getByRole('heading', {level: 2, name: 'How to use your rights'}).waitFor();
      await policyElement.locator('samtycke-cookie-declaration').getByRole('heading', {level: 3, name: 'Analytics'}).waitFor();
      await center.getByRole('heading').first().waitFor();
      await assertClean(tab, opened, 'privacy pages rendered');

      // A decision made in the banner reaches the center, and the receipt goes to the consent log.
      const receipt = tab.waitForResponse((r) => r.url().includes('/samtycke-api/receipts') && r.request().method() === 'POST');
      await widget(tab).banner.rejectAll.click();
      assert.ok((await receipt).ok(), 'the receipt was accepted');
      await assertClean(tab, opened, 'decision with the privacy pages on screen');

      // The visitor downloads their data and sends a rights request to the receiver.
      const [download] = await Promise.all([tab.waitForEvent('download'), center.getByRole('button', {name: 'Download my data (JSON)'}).click()]);
      await center.getByText(`Your data is saved as ${download.suggestedFilename()}.`).waitFor();
      const form = tab.locator('samtycke-rights-request');
      await form.getByRole('radio', {name: 'Delete my uploaded files'}).check();
      await form.getByLabel('Name', {exact: true}).fill('Kim Exempel');
      await form.getByLabel('E-mail', {exact: true}).fill('kim@example.com');
      await form.getByRole('button', {name: 'Send request'}).click();
      await form.getByRole('heading', {name: 'Your request has been sent'}).waitFor();
      await assertClean(tab, opened, 'download and rights request');
    });
  }

  test('negative control: eval and an inline style attribute are refused and recorded; an inline script without the nonce is never released, even under strict-dynamic', async (t) => {
    // 'strict-dynamic' trusts every script a trusted script inserts: Samtycke must not lend its
    // trust to an inline script that HTML injection could have put in the page.
    const policy = POLICIES["script-src 'nonce-…' 'strict-dynamic'; style-src 'self'"];
    const page = (nonce) => cspPage(nonce, {
      signed: true,
      head: `<script type="text/plain" data-consent="analytics">${tracker('inline-without-nonce')}</script>
        <script nonce="${nonce}">try { eval('1'); window.evalRefused = false; } catch (error) { window.evalRefused = error instanceof EvalError; }</script>`,
      body: '<p style="color: red">Styled by an attribute</p>',
    });
    const opened = await openCsp(t, {policy, page});
    const {page: tab, seen, cspMessages, log} = opened;
    await tab.goto(env.url + 'e2e/page.html');
    await ready(tab);
    await settle(tab);
    assert.deepEqual(seen.violations.map((v) => [v.directive, v.blocked]), [['script-src', 'eval'], ['style-src-attr', 'inline']],
      'the page’s own eval and style attribute are refused and recorded');
    // The widget's flow above runs under the same policy, so it never evaluates strings either.
    assert.equal(await tab.evaluate(() => window.evalRefused), true, 'eval throws an EvalError under this policy');
    assert.ok(log.messages.some((m) => m.type === 'error' && /has no CSP nonce/.test(m.text)), 'the script without the nonce is reported, with the fix');

    await widget(tab).banner.acceptAll.click();
    await tab.waitForFunction(() => window.ran?.length === 2);
    await settle(tab);
    assert.deepEqual((await ran(tab)).sort(), ['external', 'inline-with-nonce'], 'the script without the nonce did not run');
    assert.deepEqual(seen.violations.map((v) => [v.directive, v.blocked]), [['script-src', 'eval'], ['style-src-attr', 'inline']],
      'nothing else was refused: the script without the nonce was never inserted');
    assert.deepEqual(cspMessages().map((m) => m.text.split(' violates')[0]), ['Applying inline style'], 'the refusal is in the console too');
    assert.deepEqual(seen.errors, [], 'no error');
  });
});
