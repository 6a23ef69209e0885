// The demo shop's privacy policy and cookie pages, built only from demo/samtycke.config.json and
// loaded as a shop loads them: dist/samtycke.js first in <head>, which loads
// dist/chunks/privacy.js by itself because the page contains the elements.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {shopConfig, shopPage, useBrowser, visit, widget} from './helpers.mjs';

const env = useBrowser();

const policy = (page) => page.locator('samtycke-privacy-policy');
const declaration = (page) => page.locator('samtycke-cookie-declaration');
/** The text a visitor reads in an element, through its shadow root and the ones inside it. */
const shownText = (locator) => locator.evaluate((host) => {
  const parts = [];
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) parts.push(child.data);
      else if (child.nodeType === Node.ELEMENT_NODE && !['STYLE', 'NOSCRIPT'].includes(child.tagName)) walk(child.shadowRoot ?? child);
    }
  };
  walk(host.shadowRoot);
  return parts.join(' ').replace(/\s+/g, ' ');
});
/** "Your choice" of a category or service section, by the section's heading id. */
const choiceOf = (page, id) => declaration(page).locator(`section:has(> #${id}) > .choice .state`);

const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
/**
 * axe-core's WCAG 2.2 A/AA violations inside the element `selector` (its shadow trees included),
 * one line each. axe is added from its file (the context bypasses CSP for it).
 */
async function axeViolations(page, selector) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({path: AXE});
  return page.evaluate(async (selector) => {
    const {violations} = await window.axe.run(document.querySelector(selector),
      {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}, resultTypes: ['violations']});
    return violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary}`).join(' | ')}`);
  }, selector);
}

/** How far the page reaches past the viewport's right edge, in CSS px (0: no sideways scrolling). */
const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);

const PAGES = [
  ['integritetspolicy.html', 'samtycke-privacy-policy', 'sv'], ['en/privacy.html', 'samtycke-privacy-policy', 'en'],
  ['cookies.html', 'samtycke-cookie-declaration', 'sv'], ['en/cookies.html', 'samtycke-cookie-declaration', 'en'],
];

/** Opens a demo page, answers the banner with "Reject all" (once per context) and waits until the element has rendered its tables. */
async function openDecided(page, path, selector, language) {
  await page.goto(env.url + path);
  const {status} = await page.evaluate(() => window.samtycke.ready);
  if (status !== 'decided') await widget(page, language).banner.rejectAll.click();
  await page.waitForFunction(() => window.samtycke.state.status === 'decided');
  await page.locator(selector).locator('table').first().waitFor();
}

describe('the privacy policy pages', () => {
  test('the Swedish policy says who, what, why, how long, with whom, and the rights, from the JSON', async (t) => {
    const {page, log} = await visit(t, env);
    await page.goto(env.url + 'integritetspolicy.html');
    await policy(page).getByRole('heading', {level: 2, name: 'Vem som ansvarar för dina uppgifter'}).waitFor();
    const text = await shownText(policy(page));
    for (const part of [
      'Skiktverket AB, organisationsnummer 559999-0000', 'integritet@skiktverket.example',
      'Uppladdade filer', '90 dagar efter att beställningen levererades.',
      'Bokföringslagen (1999:1078), 7 kap.', '7 år efter utgången av det kalenderår',
      'Klarna Bank AB (publ)', 'Självständigt personuppgiftsansvarig', 'Personuppgiftsbiträde',
      'Överföringar utanför EU/EES', 'USA',
      'Din rätt att invända mot direktmarknadsföring', 'senast inom en månad', 'Radera mina uppladdade filer',
      'Integritetsskyddsmyndigheten (IMY)', 'Version 1.0, senast ändrad 20 november 2025.',
    ]) assert.ok(text.includes(part), `the policy says "${part}"`);
    assert.equal(await policy(page).getAttribute('lang'), 'sv');
    // The cookie section embeds the declaration, with the visitor's choice.
    const embedded = declaration(page);
    await embedded.getByRole('heading', {level: 3, name: 'Statistik'}).waitFor();
    assert.equal(await embedded.getByRole('table', {name: 'Cookies och sparade uppgifter: Google Analytics 4'}).count(), 1);
    assert.deepEqual(log.samtycke().filter((m) => m.type === 'error' || m.type === 'pageerror'), [], 'no problems reported');
  });

  test('the English policy is complete in English and links the privacy center', async (t) => {
    const {page} = await visit(t, env);
    await page.goto(env.url + 'en/privacy.html');
    const rights = policy(page).getByRole('heading', {level: 2, name: 'How to use your rights'});
    await rights.waitFor();
    assert.equal(await policy(page).getAttribute('lang'), 'en');
    const text = await shownText(policy(page));
    assert.ok(text.includes('Skiktverket AB, organisation number 559999-0000'), 'the policy is there');
    for (const swedish of ['Ändamål', 'Rättslig grund', 'Dina rättigheter', 'personuppgifter', 'Tillåten', 'dagar']) {
      assert.ok(!text.includes(swedish), `no Swedish ("${swedish}") in the English policy`);
    }
    assert.equal(await policy(page).getByRole('link', {name: 'privacy center'}).getAttribute('href'), '/en/privacy-center.html');
    // The contents lead to the section.
    await policy(page).getByRole('navigation', {name: 'Contents'}).getByRole('link', {name: 'Your rights', exact: true}).click();
    assert.equal(await page.evaluate(() => document.querySelector('samtycke-privacy-policy').shadowRoot.activeElement?.id), 'rights');
  });

  test('a link to a section of the policy lands on that section', async (t) => {
    const {page} = await visit(t, env);
    await page.goto(env.url + 'en/privacy.html#direct-marketing');
    const heading = policy(page).getByRole('heading', {level: 2, name: 'Your right to object to direct marketing'});
    await heading.waitFor();
    await page.waitForFunction(() => {
      const top = document.querySelector('samtycke-privacy-policy').shadowRoot.getElementById('direct-marketing').getBoundingClientRect().top;
      return top >= 0 && top < 100;
    });
    assert.ok(await page.evaluate(() => scrollY) > 1000, 'the page scrolled down to the section');
  });
});

describe('the cookie pages', () => {
  test('the declaration shows the choice, follows the banner, and its button opens the settings', async (t) => {
    const {page} = await visit(t, env);
    await page.goto(env.url + 'en/cookies.html');
    const ui = widget(page, 'en');
    await choiceOf(page, 'cookies-analytics').waitFor();
    assert.equal(await choiceOf(page, 'cookies-analytics').innerText(), 'Not allowed: you have not chosen yet');
    assert.equal(await choiceOf(page, 'cookies-necessary').innerText(), 'Always on: the shop needs it');

    await ui.banner.rejectAll.click();
    await page.waitForFunction(() => window.samtycke.state.status === 'decided');
    assert.equal(await choiceOf(page, 'cookies-analytics').innerText(), 'Not allowed');

    const change = declaration(page).getByRole('button', {name: 'Change cookie settings'});
    await change.click();
    await ui.preferences.dialog.waitFor();
    await ui.preferences.switch('Analytics').check();
    await ui.preferences.save.click();
    await page.waitForFunction(() => window.samtycke.state.categories.analytics === true);
    assert.equal(await choiceOf(page, 'cookies-analytics').innerText(), 'Allowed', 'the page follows the decision at once');
    assert.equal(await choiceOf(page, 'cookie-service-ga4').innerText(), 'Allowed');
    assert.equal(await choiceOf(page, 'cookies-marketing').innerText(), 'Not allowed');
    const focused = await page.evaluate(() => document.querySelector('samtycke-cookie-declaration').shadowRoot.activeElement?.textContent);
    assert.equal(focused, 'Change cookie settings', 'focus returns to the button');
  });

  test('every cookie of the demo is listed with its duration and party, in Swedish (YouTube from the catalogue)', async (t) => {
    const {page} = await visit(t, env);
    await page.goto(env.url + 'cookies.html');
    const youtube = declaration(page).getByRole('table', {name: 'Cookies och sparade uppgifter: YouTube'});
    await youtube.waitFor();
    const rows = await youtube.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
    assert.deepEqual(rows.map((r) => [r[0], r[2], r[3]]), [
      ['YSC', 'Tills du stänger webbläsaren (session)', 'Tredjepartscookie (.youtube.com)'],
      ['VISITOR_INFO1_LIVE', '6 månader (permanent)', 'Tredjepartscookie (.youtube.com)'],
      ['VISITOR_PRIVACY_METADATA', '6 månader (permanent)', 'Tredjepartscookie (.youtube.com)'],
      ['PREF', '8 månader (permanent)', 'Tredjepartscookie (.youtube.com)'],
    ]);
  });

  test('on a 375 px phone the pages do not scroll sideways', async (t) => {
    const {page} = await visit(t, env, {contextOptions: {viewport: {width: 375, height: 800}}});
    for (const path of ['integritetspolicy.html', 'en/cookies.html']) {
      await page.goto(env.url + path);
      await page.locator('samtycke-privacy-policy, samtycke-cookie-declaration').locator('table').first().waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 375, `${path} is ${width} px wide`);
    }
  });
});

describe('accessibility of the policy and cookie pages', () => {
  for (const [path, selector, language] of PAGES) {
    test(`${path}: axe finds no WCAG 2.2 AA violation, with a light and a dark system setting`, async (t) => {
      const {page} = await visit(t, env, {contextOptions: {bypassCSP: true}});
      for (const colorScheme of ['light', 'dark']) {
        await page.emulateMedia({colorScheme});
        await openDecided(page, path, selector, language);
        assert.equal(await page.locator(selector).getAttribute('lang'), language);
        assert.deepEqual(await axeViolations(page, selector), [], `${path}, ${colorScheme}`);
      }
    });
  }

  test('with appearance.colorScheme "dark" the policy is dark, with its declaration, and passes axe in both languages', async (t) => {
    const demo = JSON.parse(readFileSync(new URL('../../demo/samtycke.config.json', import.meta.url), 'utf8'));
    const files = {'/e2e/config.json': JSON.stringify({...demo, appearance: {colorScheme: 'dark'}})};
    for (const lang of ['sv', 'en']) files[`/e2e/${lang}.html`] = shopPage({lang, body: '<samtycke-privacy-policy></samtycke-privacy-policy>'});
    const {page} = await visit(t, env, {files, contextOptions: {bypassCSP: true}});
    for (const lang of ['sv', 'en']) {
      await openDecided(page, `e2e/${lang}.html`, 'samtycke-privacy-policy', lang);
      assert.equal(await policy(page).getAttribute('scheme'), 'dark', 'scheme from the config');
      assert.equal(await declaration(page).getAttribute('scheme'), 'dark', 'the embedded declaration too');
      assert.equal(await policy(page).evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(30, 31, 35)', 'the dark palette is painted');
      assert.deepEqual(await axeViolations(page, 'samtycke-privacy-policy'), [], `forced dark, ${lang}`);
    }
  });

  for (const [width, height, name] of [[320, 640, '320 px wide'], [640, 400, '1280 × 800 at 200 % zoom']]) {
    test(`${name}: no page scrolls sideways`, async (t) => {
      const {page} = await visit(t, env, {contextOptions: {viewport: {width, height}}});
      for (const [path, selector, language] of PAGES) {
        await openDecided(page, path, selector, language);
        assert.equal(await overflow(page), 0, `${path} fits ${width} px`);
        const widest = await page.locator(selector).evaluate((host) => {
          const all = [];
          const walk = (root) => root.querySelectorAll('*').forEach((e) => (all.push(e), e.shadowRoot && walk(e.shadowRoot)));
          walk(host.shadowRoot);
          return Math.max(...all.map((e) => e.getBoundingClientRect().right));
        });
        assert.ok(widest <= width, `${path}: everything ends inside the ${width} px viewport (widest ${widest})`);
      }
    });
  }

  test('the keyboard reaches the contents, follows a link to its section, and the settings button opens the settings', async (t) => {
    const {page} = await visit(t, env);
    await openDecided(page, 'en/privacy.html', 'samtycke-privacy-policy', 'en');
    const first = policy(page).getByRole('navigation', {name: 'Contents'}).getByRole('link').first();
    await first.focus();
    await page.keyboard.press('Tab');
    const second = await page.evaluate(() => document.querySelector('samtycke-privacy-policy').shadowRoot.activeElement?.textContent);
    await page.keyboard.press('Enter');
    const landed = await page.evaluate(() => {
      const active = document.querySelector('samtycke-privacy-policy').shadowRoot.activeElement;
      return {tag: active?.localName, text: active?.textContent};
    });
    assert.equal(landed.text, second, 'Enter on a contents link moves focus to its heading');
    assert.match(landed.tag, /^h[2-6]$/);
    // The shop scrolls smoothly (scroll-behavior on html): wait for the heading to arrive.
    await page.waitForFunction(() => {
      const top = document.querySelector('samtycke-privacy-policy').shadowRoot.activeElement.getBoundingClientRect().top;
      return top >= 0 && top < 200;
    });
    const button = declaration(page).getByRole('button', {name: 'Change cookie settings'});
    await button.focus();
    await page.keyboard.press('Space');
    await widget(page, 'en').preferences.dialog.waitFor();
  });
});

describe('the footer', () => {
  test('links the policy, the cookie page and the privacy center, in both languages', async (t) => {
    const {page} = await visit(t, env);
    for (const [path, links] of [
      ['', {Integritetspolicy: '/integritetspolicy.html', Cookies: '/cookies.html', Integritetscenter: '/integritetscenter.html'}],
      ['en/', {'Privacy policy': '/en/privacy.html', Cookies: '/en/cookies.html', 'Privacy center': '/en/privacy-center.html'}],
    ]) {
      await page.goto(env.url + path);
      const nav = page.locator('footer').getByRole('navigation', {name: 'Information'});
      for (const [name, href] of Object.entries(links)) {
        assert.equal(await nav.getByRole('link', {name, exact: true}).getAttribute('href'), href, `${path || '/'}: ${name}`);
      }
    }
  });
});

describe('a config with problems', () => {
  test('the policy shows a notice and the console names the file, the path and the fix', async (t) => {
    const {privacy: _drop, ...widgetConfig} = shopConfig();
    const config = {...widgetConfig, privacy: {controller: {name: 'Test AB', organisationNumber: '1', address: 'A'}, version: '1', lastUpdated: '2025-01-01',
      activities: [{template: 'orders'}]}};
    const files = {
      '/e2e/config.json': JSON.stringify(config),
      '/e2e/policy.html': shopPage({body: '<samtycke-privacy-policy></samtycke-privacy-policy>'}),
    };
    const {page, log} = await visit(t, env, {files});
    await page.goto(env.url + 'e2e/policy.html');
    await policy(page).getByRole('note').waitFor();
    assert.match(await policy(page).getByRole('note').innerText(), /cannot be shown right now/);
    assert.equal(await policy(page).getByRole('heading').count(), 0, 'nothing of the incomplete policy');
    const error = await log.waitFor((m) => m.text.includes('$.privacy.controller.email'));
    assert.match(error.text, /\/e2e\/config\.json \$\.privacy\.controller\.email: is required but missing\.\n {2}Fix: add "email"/);
  });
});
