// data-debug: the owner learns which cookies and storage keys no declared service explains.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {ready, shopConfig, useBrowser, visit, widget} from './helpers.mjs';

const env = useBrowser();

const page = (debug) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script src="/samtycke/samtycke.js" data-config="/e2e/config.json"${debug ? ' data-debug' : ''}></script>
<script type="text/plain" data-consent="analytics" data-service="ga4">document.cookie = '_ga=GA1.1.1; path=/'; document.cookie = '_ga_ABC123=GS1; path=/';</script>
<script>document.cookie = 'mystery_tracker=1; path=/'; localStorage.setItem('unknown_key', '1');</script>
</head><body><h1>Shop</h1></body></html>`;

test('with data-debug, cookies and storage keys no service declares are listed in the console; declared ones are not', async (t) => {
  const files = {'/e2e/page.html': page(true), '/e2e/config.json': JSON.stringify(shopConfig())};
  const {page: tab, log} = await visit(t, env, {files});
  await tab.goto(env.url + 'e2e/page.html');
  await ready(tab);
  const group = await log.waitFor((m) => /data-debug/.test(m.text));
  assert.match(group.text, /2 cookie\(s\) or storage key\(s\)/, 'the mystery cookie and the unknown localStorage key');
  await log.waitFor((m) => m.text.includes('"mystery_tracker"'));
  await log.waitFor((m) => m.text.includes('localStorage "unknown_key"'));

  await widget(tab).banner.acceptAll.click();
  await tab.waitForFunction(() => document.cookie.includes('_ga_ABC123'));
  await tab.evaluate(() => new Promise((r) => setTimeout(r, 2500)));
  const told = log.messages.map((m) => m.text).join('\n');
  assert.doesNotMatch(told, /"_ga"|"_ga_ABC123"|"samtycke"/, 'declared cookies (with wildcards) and Samtycke\'s own cookie are not reported');
  assert.equal(log.messages.filter((m) => m.text.includes('"mystery_tracker"')).length, 1, 'each name is reported once');
});

test('without data-debug, nothing is reported', async (t) => {
  const files = {'/e2e/page.html': page(false), '/e2e/config.json': JSON.stringify(shopConfig())};
  const {page: tab, log} = await visit(t, env, {files});
  await tab.goto(env.url + 'e2e/page.html');
  await ready(tab);
  await tab.evaluate(() => new Promise((r) => setTimeout(r, 2500)));
  assert.ok(!log.messages.some((m) => /data-debug|mystery_tracker/.test(m.text)));
});
