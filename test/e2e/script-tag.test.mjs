// What the script tag does before the config is read, on real page shapes: a second copy of the
// tag, a necessary third-party script used synchronously, a combined Google tag.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {ready, shopConfig, shopPage, useBrowser, visit, widget} from './helpers.mjs';

const env = useBrowser();

const META_BASE_CODE = `<script>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window, document,'script','https://connect.facebook.net/en_US/fbevents.js'); fbq('init', '1');</script>`;

/** Answers the vendors' hosts locally and notes every request to them. */
async function vendors(context) {
  const requests = [];
  await context.route(/^https:\/\/(connect\.facebook\.net|js\.stripe\.com|www\.googletagmanager\.com)\//, (route) => {
    const url = route.request().url();
    requests.push(url);
    const body = url.includes('stripe') ? 'window.Stripe = function (key) { return {key}; };'
      : url.includes('facebook') ? '(window.ran ??= []).push("fbevents");' : '(window.ran ??= []).push("gtag");';
    return route.fulfill({status: 200, contentType: 'text/javascript', body});
  });
  return requests;
}

test('the tag twice on a page: the second copy does nothing, and consent still releases what was held', async (t) => {
  const page = shopPage({head: `<script src="/samtycke/samtycke.js" data-config="/e2e/config.json"></script>${META_BASE_CODE}`});
  const {context, page: tab, log} = await visit(t, env, {files: {'/e2e/page.html': page, '/e2e/config.json': JSON.stringify(shopConfig({services: ['meta-pixel']}))}});
  const requests = await vendors(context);
  await tab.goto(env.url + 'e2e/page.html');
  await ready(tab);
  await log.waitFor((m) => /already running/.test(m.text));
  const defaults = await tab.evaluate(() => window.dataLayer.filter((e) => e[0] === 'consent' && e[1] === 'default').length);
  assert.equal(defaults, 1, 'one Consent Mode default');
  assert.deepEqual(requests, [], 'nothing before consent');
  await widget(tab).banner.acceptAll.click();
  await tab.waitForFunction(() => window.ran?.includes('fbevents'));
  assert.equal(requests.filter((u) => u.includes('fbevents')).length, 1, 'fbevents.js loads once');
});

test('a necessary third-party script used at once (Stripe.js, then Stripe(…)) works before any decision', async (t) => {
  const page = shopPage({head: '<script src="https://js.stripe.com/v3/"></script><script>window.stripe = Stripe("pk_test_1");</script>'});
  const {context, page: tab, log} = await visit(t, env, {files: {'/e2e/page.html': page, '/e2e/config.json': JSON.stringify(shopConfig({services: ['stripe']}))}});
  await vendors(context);
  await tab.goto(env.url + 'e2e/page.html');
  await ready(tab);
  assert.deepEqual(await tab.evaluate(() => window.stripe), {key: 'pk_test_1'});
  assert.ok(!log.messages.some((m) => m.type === 'pageerror'), log.messages.map((m) => m.text).join('\n'));
});

test('a combined Google tag (GT-…) added by a script is held until analytics is allowed', async (t) => {
  const loader = `<script>var g = document.createElement('script'); g.async = true; g.src = 'https://www.googletagmanager.com/gtag/js?id=GT-ABC123'; document.head.appendChild(g);</script>`;
  const {context, page: tab} = await visit(t, env, {files: {'/e2e/page.html': shopPage({head: loader}), '/e2e/config.json': JSON.stringify(shopConfig({services: ['ga4']}))}});
  const requests = await vendors(context);
  await tab.goto(env.url + 'e2e/page.html');
  await ready(tab);
  await tab.waitForLoadState('load');
  assert.deepEqual(requests, [], 'not requested before consent');
  await widget(tab).banner.acceptAll.click();
  await tab.waitForFunction(() => window.ran?.includes('gtag'));
});
