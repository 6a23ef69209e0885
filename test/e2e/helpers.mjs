// Shared set-up of the end-to-end tests: the built bundle (dist/samtycke.js) loaded by real
// Chromium from the demo server, exactly as a shop loads it. Test-specific pages, configs and
// stand-in trackers are served from the same origin under /e2e/ through Playwright routes.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before} from 'node:test';
import {chromium} from 'playwright';
import {launchOptions} from '../../scripts/chromium.mjs';
import {startServer} from '../../scripts/serve.mjs';

/**
 * A shop domain with subdomains, answered from the local server through routes (no DNS), so
 * cookies can be set on the parent domain (`domain=.shop.samtycke.test`) as trackers do on a
 * real shop. Every request to it is routed, so the browser sees one public origin throughout.
 */
export const SHOP_HOST = 'www.shop.samtycke.test';

/** How long any single wait may take before the test fails; well above what a signal needs. */
const TIMEOUT = 10_000;

/**
 * One server and one browser for the file that calls it (registered as `before`/`after`).
 * The returned object is filled in by `before`.
 */
export function useBrowser() {
  const env = {browser: undefined, server: undefined, url: '', shopUrl: ''};
  before(async () => {
    // The demo's config sends receipts and rights requests to the reference receiver.
    env.dataDir = mkdtempSync(join(tmpdir(), 'samtycke-e2e-'));
    env.server = await startServer({port: 0, receiver: {dir: env.dataDir, localExports: true}});
    env.url = env.server.url;
    env.shopUrl = `http://${SHOP_HOST}:${env.server.port}/`;
    env.browser = await chromium.launch(launchOptions());
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
    if (env.dataDir) rmSync(env.dataDir, {recursive: true, force: true});
  });
  return env;
}

const TYPES = {'.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json'};

/**
 * Serves `files` (keyed by path, such as `/e2e/page.html`) for every origin of the context. A
 * value is the body, `{body, status, headers}`, or a function of the route returning either
 * (it may hold the answer back). The map is read on every request, so a test may change it
 * between page loads. Paths not in the map answer 404.
 */
export async function serveFiles(context, files) {
  await context.route('**/e2e/**', async (route) => {
    const {pathname} = new URL(route.request().url());
    let entry = files[pathname];
    if (typeof entry === 'function') entry = await entry(route);
    if (entry === undefined) return route.fulfill({status: 404, contentType: 'text/plain', body: `Not found: ${pathname}`});
    const {body, status = 200, headers = {}} = typeof entry === 'string' ? {body: entry} : entry;
    const ext = pathname.slice(pathname.lastIndexOf('.'));
    return route.fulfill({status, body, headers: {'content-type': TYPES[ext] ?? 'text/plain', 'cache-control': 'no-store', ...headers}});
  });
}

/**
 * A fresh context (empty IndexedDB and cookies) with one page, closed after the test. Records
 * console messages and page errors.
 */
export async function visit(t, env, {files = {}, contextOptions = {}, initScript} = {}) {
  const context = await env.browser.newContext(contextOptions);
  // Requests still in flight (the dialog's chunk, fetched after the banner) must not fail the test.
  t.after(async () => {
    await context.unrouteAll({behavior: 'ignoreErrors'});
    await context.close();
  });
  context.setDefaultTimeout(TIMEOUT);
  await context.route((url) => url.hostname === SHOP_HOST, async (route) => {
    const local = new URL(route.request().url());
    local.hostname = '127.0.0.1';
    const response = await route.fetch({url: local.href}).catch(() => null);
    // The context closed while this request was in flight.
    await (response ? route.fulfill({response}) : route.abort()).catch(() => undefined);
  });
  await serveFiles(context, files);
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const log = watchConsole(page);
  return {context, page, log};
}

/**
 * Records a page's console messages (`{type, text}`; `type` as Playwright names it: `error`,
 * `warning`, `startGroupCollapsed`, …) and uncaught errors (`type: 'pageerror'`).
 */
export function watchConsole(page) {
  const messages = [];
  const toEntry = (m) => ({type: m.type(), text: m.text()});
  page.on('console', (m) => messages.push(toEntry(m)));
  page.on('pageerror', (error) => messages.push({type: 'pageerror', text: String(error)}));
  return {
    messages,
    /** Resolves with the first message (past or coming) that `predicate` accepts. */
    async waitFor(predicate) {
      const seen = messages.find(predicate);
      if (seen) return seen;
      const message = await page.waitForEvent('console', {predicate: (m) => predicate(toEntry(m))});
      return toEntry(message);
    },
    /** Messages Samtycke logged as problems: errors of its groups, and its warnings. */
    samtycke() {
      return messages.filter((m) => /samtycke/i.test(m.text) || m.type === 'pageerror');
    },
  };
}

/** A valid configuration with two services that set cookies; `overrides` replace top-level keys. */
export function shopConfig(overrides = {}) {
  return {
    revision: 1,
    languages: ['en', 'sv'],
    defaultLanguage: 'en',
    privacyPolicyUrl: '/privacy',
    categories: {necessary: {}, functional: {}, analytics: {}, marketing: {}},
    services: [
      {id: 'ga4', name: 'Google Analytics 4', category: 'analytics', provider: 'Google Ireland Limited', purpose: 'Statistics',
        cookies: [{name: '_ga', duration: '2 years'}, {name: '_ga_*', duration: '2 years'}]},
      {id: 'meta-pixel', name: 'Meta Pixel', category: 'marketing', provider: 'Meta Platforms Ireland Limited', purpose: 'Ads',
        cookies: [{name: '_fbp', duration: '3 months'}]},
    ],
    ...overrides,
  };
}

/**
 * A shop page that loads the widget first in `<head>`, as the README tells shops to.
 * `config`: the data-config URL, or `null` for none; `inlineConfig`: a config object written
 * into `<script type="application/json" id="samtycke-config">` instead; `revision`: `data-revision`.
 */
export function shopPage({lang = 'en', head = '', body = '', config = '/e2e/config.json', inlineConfig, revision} = {}) {
  const inline = inlineConfig === undefined ? ''
    : `<script type="application/json" id="samtycke-config">${JSON.stringify(inlineConfig).replaceAll('</', '<\\/')}</script>`;
  const dataConfig = (config ? ` data-config="${config}"` : '') + (revision ? ` data-revision="${revision}"` : '');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>E2E shop</title>
${inline}
<script src="/samtycke/samtycke.js"${dataConfig}></script>
${head}
</head>
<body>
<h1>E2E shop</h1>
${body}
</body>
</html>`;
}

/** Stand-in tracker code: records its run in `window.ran` and, optionally, sets a cookie. */
export function tracker(name, cookie) {
  return `(window.ran ??= []).push(${JSON.stringify(name)});${cookie ? ` document.cookie = ${JSON.stringify(cookie)};` : ''}`;
}

/** What the page's stand-ins recorded (`window.ran`), or `[]`. */
export const ran = (page) => page.evaluate(() => window.ran ?? []);

/** The demo shop's stand-in counters. */
export const demoRuns = (page) => page.evaluate(() => {
  const demo = window.__samtyckeDemo ?? {};
  return {analytics: demo.analyticsRuns ?? 0, pixel: demo.pixelRuns ?? 0, video: demo.videoLoads ?? 0};
});

/** Names of the context's cookies, without Samtycke's own decision cookie. */
export const cookieNames = async (context) => (await context.cookies()).map((c) => c.name).filter((name) => name !== 'samtycke').sort();

/** Waits for `samtycke.ready` and returns the state it resolves with. */
export const ready = (page) => page.evaluate(() => window.samtycke.ready);

/** The consent state in force (`samtycke.state`). */
export const state = (page) => page.evaluate(() => window.samtycke.state);

const TEXTS = {
  en: {acceptAll: 'Accept all', rejectAll: 'Reject all', customize: 'Customize', save: 'Save choices', close: 'Close without saving', settings: 'Cookie settings'},
  sv: {acceptAll: 'Acceptera alla', rejectAll: 'Neka alla', customize: 'Anpassa', save: 'Spara val', close: 'Stäng utan att spara', settings: 'Cookieinställningar'},
};

/**
 * Drives the widget as a visitor does: locators for the banner, the preferences dialog and the
 * floating button, found by role and visible name in the given language.
 */
export function widget(page, language = 'en') {
  const t = TEXTS[language];
  const banner = page.locator('samtycke-banner');
  const preferences = page.locator('samtycke-preferences');
  const button = (scope, name) => scope.getByRole('button', {name, exact: true});
  return {
    texts: t,
    banner: {
      box: banner.locator('section.banner'),
      acceptAll: button(banner, t.acceptAll),
      rejectAll: button(banner, t.rejectAll),
      customize: button(banner, t.customize),
    },
    preferences: {
      dialog: preferences.locator('dialog'),
      switch: (name) => preferences.getByRole('switch', {name, exact: true}),
      save: button(preferences, t.save),
      acceptAll: button(preferences, t.acceptAll),
      rejectAll: button(preferences, t.rejectAll),
      close: button(preferences, t.close),
    },
    settingsButton: button(page.locator('samtycke-settings-button'), t.settings),
  };
}

/**
 * The stored decision (IndexedDB `samtycke` → `consent` → `decision`). Only call it once the
 * widget has created its database: opening a missing database here would create it without
 * the store.
 */
export const storedDecision = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open('samtycke');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const get = db.transaction('consent').objectStore('consent').get('decision');
    get.onsuccess = () => (db.close(), resolve(get.result ?? null));
    get.onerror = () => (db.close(), reject(get.error));
  };
}));

/**
 * The decision cookie for `record` (format in the README, "The decision cookie"), with the
 * Consent Mode letters of the default mapping.
 */
export function decisionCookie(record) {
  const granted = (map) => Object.keys(map).filter((id) => map[id]).join('~');
  const c = record.categories;
  const g = (on) => (on ? 'g' : 'd');
  const gcm = [c.marketing, c.marketing, c.marketing, c.analytics, c.functional, c.functional, true].map(g).join('');
  return [1, record.consentId, Date.parse(record.timestamp).toString(36), Date.parse(record.expires).toString(36), record.revision,
    record.method, record.source ?? 'api', record.language, granted(record.categories), granted(record.services), gcm].join('.');
}

/**
 * Replaces the stored decision with `record`, as another version or a past visit left it: the
 * record in IndexedDB and its quick copy in the decision cookie.
 */
export const storeDecision = (page, record) => page.evaluate(([value, cookie]) => new Promise((resolve, reject) => {
  document.cookie = `samtycke=${cookie}; Path=/; Max-Age=${Math.max(0, Math.floor((Date.parse(value.expires) - Date.now()) / 1000))}; SameSite=Lax`;
  const open = indexedDB.open('samtycke');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction('consent', 'readwrite');
    tx.objectStore('consent').put(value, 'decision');
    tx.oncomplete = () => (db.close(), resolve());
    tx.onerror = () => (db.close(), reject(tx.error));
  };
}), [record, decisionCookie(record)]);

/** The focused element, through shadow roots: its tag, text or label, and its shadow host. */
export const focused = (page) => page.evaluate(() => {
  let element = document.activeElement;
  let host = null;
  while (element?.shadowRoot?.activeElement) {
    host = element.localName;
    element = element.shadowRoot.activeElement;
  }
  return {tag: element?.localName ?? null, name: (element?.getAttribute('aria-label') ?? element?.textContent ?? '').trim(), host};
});

/**
 * Starts recording, in the page, every `samtycke-change` and `samtycke-withdraw` event into
 * `window.events`, and every navigation the page starts (the Navigation API fires `navigate`
 * synchronously when `location.reload()` is called) into `sessionStorage.navigations`, which
 * survives the reload. Resolves once the listeners are in place.
 */
export const recordEvents = (page) => page.evaluate(() => {
  window.events = [];
  const keep = (type) => document.addEventListener(type, (e) => {
    const {detail} = e;
    const entry = type === 'samtycke-change'
      ? {type, origin: detail.origin, method: detail.method, granted: detail.granted, revoked: detail.revoked}
      : {type, revoked: detail.revoked, cleared: [...detail.cleared].sort(), reload: detail.reload};
    window.events.push(entry);
    sessionStorage.setItem('events', JSON.stringify(window.events));
  });
  keep('samtycke-change');
  keep('samtycke-withdraw');
  navigation.addEventListener('navigate', (e) => {
    const list = JSON.parse(sessionStorage.getItem('navigations') ?? '[]');
    sessionStorage.setItem('navigations', JSON.stringify([...list, e.navigationType]));
  });
});

/** Events and navigations recorded by `recordEvents`, read from `sessionStorage` (also after a reload). */
export const recorded = (page) => page.evaluate(() => ({
  events: JSON.parse(sessionStorage.getItem('events') ?? '[]'),
  navigations: JSON.parse(sessionStorage.getItem('navigations') ?? '[]'),
}));
