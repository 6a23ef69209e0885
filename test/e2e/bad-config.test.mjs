// A broken configuration must fail closed and say so: one collapsed console group naming the
// file, the JSON path and the fix; no banner; nothing tagged released; the shop itself works.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {ran, ready, shopConfig, shopPage, state, tracker, useBrowser, visit, widget} from './helpers.mjs';

const env = useBrowser();

const TAGS = `
  <script type="text/plain" data-consent="analytics" data-service="ga4">${tracker('analytics', '_ga=1; path=/')}</script>
  <script type="text/plain" data-consent="marketing">${tracker('marketing')}</script>
  <script>window.pageRan = true</script>`;

/**
 * Loads a page whose config is `config` (a body string, or a file entry) at `/e2e/config.json`
 * (or `configUrl`), and returns the page once Samtycke is ready.
 */
async function loadWith(t, config, {configUrl = '/e2e/config.json'} = {}) {
  const files = {'/e2e/page.html': shopPage({config: configUrl, head: TAGS})};
  if (config !== undefined) files['/e2e/config.json'] = config;
  const visited = await visit(t, env, {files});
  await visited.page.goto(env.url + 'e2e/page.html');
  visited.ready = await ready(visited.page);
  return visited;
}

/**
 * Asserts the console shows a collapsed group for `source` holding the error line
 * `<source> <path>: <message>.\n  Fix: <fix>.` (or ? or ! when the text already ends so) and returns that line.
 */
async function assertReported(log, source, path) {
  const group = await log.waitFor((m) => m.type === 'startGroupCollapsed' && m.text.startsWith('Samtycke:') && m.text.includes(` in ${source}.`));
  const error = await log.waitFor((m) => m.type === 'error' && m.text.startsWith(`${source} ${path}: `));
  await log.waitFor((m) => m.type === 'endGroup');
  const {messages} = log;
  const [g, e, end] = [messages.indexOf(group), messages.indexOf(error), messages.findIndex((m) => m.type === 'endGroup')];
  assert.ok(g < e && e < end, 'the error line is inside the collapsed group');
  assert.match(error.text, /[.?!]\n {2}Fix: .+[.?!]$/s, `the line ends with "\\n  Fix: <fix>.": ${JSON.stringify(error.text)}`);
  return error.text;
}

/** Fails closed: no banner, nothing released, not even through the API; the page's own code ran. */
async function assertFailedClosed({page, ready: first}) {
  assert.equal(first.status, 'unavailable', 'samtycke.ready reports the widget unavailable');
  assert.equal(await page.locator('samtycke-banner').count(), 0, 'no banner is shown');
  assert.equal(await widget(page).banner.acceptAll.count(), 0, 'there is no Accept button to press');
  const after = await page.evaluate(() => window.samtycke.acceptAll());
  assert.equal(after.status, 'unavailable', 'acceptAll() cannot allow anything either');
  assert.equal(await page.evaluate(() => window.samtycke.isAllowed('analytics')), false, 'nothing optional is allowed');
  assert.deepEqual(await ran(page), [], 'nothing tagged was released');
  assert.equal(await page.evaluate(() => document.cookie), '', 'no tracker cookie');
  assert.equal(await page.evaluate(() => window.pageRan), true, "the page's own untagged script still ran");
}

describe('configuration that cannot be read', () => {
  test('an unreachable config URL (404) is reported with the URL and a fix', async (t) => {
    const visited = await loadWith(t, undefined, {configUrl: '/e2e/missing.json'});
    const line = await assertReported(visited.log, '/e2e/missing.json', '$');
    assert.equal(line, '/e2e/missing.json $: the server answered 404.\n  Fix: check the data-config URL and that the file is uploaded.', 'names the status and what to check');
    await assertFailedClosed(visited);
  });

  test('invalid JSON is reported as a syntax problem', async (t) => {
    const visited = await loadWith(t, '{"revision": 1, "languages": ["en"],}');
    const line = await assertReported(visited.log, '/e2e/config.json', '$');
    assert.match(line, /^\/e2e\/config\.json \$: is not valid JSON: /, 'says the file is not JSON');
    assert.match(line, /Fix: fix the syntax .*trailing commas are not allowed\.$/s, 'says how to fix it');
    await assertFailedClosed(visited);
  });

  test('an inline config that is not JSON is reported as #samtycke-config', async (t) => {
    const files = {'/e2e/page.html': shopPage({config: null, head: TAGS}).replace('<script src="/samtycke/', '<script type="application/json" id="samtycke-config">{revision: 1}</script>\n<script src="/samtycke/')};
    const visited = await visit(t, env, {files});
    await visited.page.goto(env.url + 'e2e/page.html');
    visited.ready = await ready(visited.page);
    await assertReported(visited.log, '#samtycke-config', '$');
    await assertFailedClosed(visited);
  });
});

describe('configuration that breaks the schema', () => {
  test('an unknown key is reported at its path with "did you mean"', async (t) => {
    const visited = await loadWith(t, JSON.stringify(shopConfig({lifetimeDayz: 365})));
    const line = await assertReported(visited.log, '/e2e/config.json', '$.lifetimeDayz');
    assert.ok(line.startsWith('/e2e/config.json $.lifetimeDayz: unknown property "lifetimeDayz".'), `names the key: ${line}`);
    assert.ok(line.includes('Fix: did you mean "lifetimeDays"?'), `suggests the right key: ${line}`);
    await assertFailedClosed(visited);
  });

  test('a wrong type is reported with what was expected and found', async (t) => {
    const visited = await loadWith(t, JSON.stringify(shopConfig({revision: '1'})));
    const line = await assertReported(visited.log, '/e2e/config.json', '$.revision');
    assert.equal(line, '/e2e/config.json $.revision: expected integer, found "1".\n  Fix: write a whole number such as 1, and raise it when you want everyone asked again.', 'expected integer, found a string');
    await assertFailedClosed(visited);
  });

  test('a lifetime out of range is reported with the allowed range', async (t) => {
    const visited = await loadWith(t, JSON.stringify(shopConfig({lifetimeDays: 1000})));
    const line = await assertReported(visited.log, '/e2e/config.json', '$.lifetimeDays');
    assert.equal(line, '/e2e/config.json $.lifetimeDays: 1000 is out of range (from 183 to 395).\n  Fix: use a whole number of days from 183 (6 months) to 395 (13 months), such as 365.', 'gives the legal range');
    await assertFailedClosed(visited);
  });

  test('several problems are reported together in one group', async (t) => {
    const visited = await loadWith(t, JSON.stringify(shopConfig({revision: 0, lifetimeDays: 30})));
    const group = await visited.log.waitFor((m) => m.type === 'startGroupCollapsed');
    assert.match(group.text, /^Samtycke: 2 problems in \/e2e\/config\.json\./, 'the group counts the problems');
    await assertReported(visited.log, '/e2e/config.json', '$.revision');
    await assertReported(visited.log, '/e2e/config.json', '$.lifetimeDays');
    await assertFailedClosed(visited);
  });
});

describe('tags on the page', () => {
  test('a tag naming an undeclared category is reported with the element, and never released; other tags work', async (t) => {
    const files = {
      '/e2e/config.json': JSON.stringify(shopConfig()),
      '/e2e/page.html': shopPage({
        head: `
          <script type="text/plain" data-consent="statistics" id="stats">${tracker('statistics')}</script>
          ${TAGS}`,
      }),
    };
    const {page, log} = await visit(t, env, {files});
    await page.goto(env.url + 'e2e/page.html');
    const first = await ready(page);
    const line = await assertReported(log, 'the page', '<script id="stats" data-consent="statistics">');
    assert.equal(line, 'the page <script id="stats" data-consent="statistics">: names the category "statistics", which the config does not declare.\n  Fix: use one of necessary, functional, analytics, marketing, or add "statistics" to categories in the config.',
      'names the element, the category and the fix');
    assert.equal(first.status, 'undecided', 'the widget itself works');
    await widget(page).banner.box.waitFor({state: 'visible'});

    await widget(page).banner.acceptAll.click();
    await page.waitForFunction(() => window.ran?.length === 2);
    assert.deepEqual(await ran(page), ['analytics', 'marketing'], 'the correctly tagged scripts run; the undeclared one does not');
    assert.equal((await state(page)).status, 'decided', 'the decision is recorded');
  });

  test('a tagged script that is not blocked (no type="text/plain") is reported', async (t) => {
    const files = {
      '/e2e/config.json': JSON.stringify(shopConfig()),
      '/e2e/page.html': shopPage({head: `<script data-consent="analytics" id="leak">window.leaked = true</script>`}),
    };
    const {page, log} = await visit(t, env, {files});
    await page.goto(env.url + 'e2e/page.html');
    await ready(page);
    const line = await assertReported(log, 'the page', '<script id="leak" data-consent="analytics">');
    assert.ok(line.includes('ran before consent') && line.includes('type="text/plain"'), `says it ran and how to block it: ${line}`);
  });
});
