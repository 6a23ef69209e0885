#!/usr/bin/env node
// `npm run bench`: builds, then compares Samtycke with vanilla-cookieconsent v3 and Klaro on the
// same storefront page (bench/storefront/) in Chromium. Prints Markdown; writes bench/results.json.
//
//   node scripts/bench.mjs [--runs 15] [--warmup 1] [--cpu 1,4] [--slow4g] [--seed 1]
//                          [--widgets samtycke,samtycke-inline,cookieconsent,klaro,none]
//                          [--timeout 20000] [--out bench/results.json] [--screenshots dir]
//
// --screenshots writes one PNG per widget of its first visit (the banner as measured), to check
// what was benchmarked. A run that fails (no banner within --timeout, a page error that stops the
// widget, a blocked script running before consent) is listed, left out of the medians, and the
// benchmark goes on; the exit code is 1 only when a widget has no successful run at all.
//
// Every widget gets the same product page, the same stylesheet, the same three categories
// (necessary, analytics, marketing) and the same two blocked scripts: a stand-in for an analytics
// tag and one for an advertising pixel (bench/storefront/stand-ins/), each recording when it ran.
// Each widget is installed the way its documentation says (see WIDGETS below); the configs are in
// bench/widgets/.
//
// One run = one fresh browser context: first visit (banner) → click "Accept all" → a new page in
// the same context (returning visitor). CPU throttling (CDP Emulation.setCPUThrottlingRate) is set
// on each page before it navigates. Runs are interleaved: every iteration visits every widget at
// every CPU rate, in a seeded random order; the first --warmup iterations are discarded.
//
// Measured (page-side performance.now(), i.e. ms since navigation start, unless stated):
//   - bytes: every response of the first visit up to 1 s after load and banner that is not the
//     storefront's own (the document, /shop/…), as it went over the wire, compressed here with
//     gzip -9 and brotli q11 per file; plus the growth of the HTML document itself (widget tags,
//     inline config) against the page without any consent layer, compressed the same way;
//   - banner visible: the first requestAnimationFrame callback that finds the widget's banner with
//     a non-zero box inside the viewport, not visibility:hidden and with a non-zero opacity
//     through all its ancestors (a fade-in counts from its first non-transparent frame);
//   - main thread until 1 s after both load and banner ("settled"; load + 1 s on the page without
//     a consent layer): CDP Performance.getMetrics TaskDuration and ScriptDuration
//     (page-wide: the storefront's own work included; see the "no consent layer" column), long
//     tasks (PerformanceObserver 'longtask', buffered) and CLS (layout-shift, no recent input);
//   - release: performance.now() in a capture-phase click listener on window → each stand-in ran;
//   - returning visit: navigation start → the first stand-in ran (decision stored by the click);
//     its bytes are counted up to 1 s after load.
// The server sends files uncompressed (as they are on disk) with Cache-Control: no-store, so
// every visit downloads everything; with --slow4g a further scenario serves gzip and emulates a
// slow 4G network (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up) on top of 4× CPU.
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {brotliCompressSync, constants as zlibConstants, gzipSync} from 'node:zlib';
import {chromium} from 'playwright';
import {launchOptions} from './chromium.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = path.join(ROOT, 'bench');
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

// ---------------------------------------------------------------------------------------------
// Arguments

const WIDGET_IDS = ['samtycke', 'samtycke-inline', 'cookieconsent', 'klaro', 'none'];

function parseArgs(argv) {
  const options = {runs: 15, warmup: 1, seed: 1, cpu: [1, 4], slow4g: false, widgets: WIDGET_IDS, timeout: 20_000, out: path.join(BENCH, 'results.json'), screenshots: null};
  const usage = 'Usage: node scripts/bench.mjs [--runs N] [--warmup N] [--cpu 1,4] [--slow4g] [--seed N] [--widgets a,b] [--timeout ms] [--out file] [--screenshots dir]';
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    const whole = (min) => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < min) throw new Error(`${flag} needs a whole number ≥ ${min}. ${usage}`);
      return n;
    };
    switch (flag) {
      case '--runs': options.runs = whole(1); break;
      case '--warmup': options.warmup = whole(0); break;
      case '--seed': options.seed = whole(0); break;
      case '--timeout': options.timeout = whole(1000); break;
      case '--slow4g': options.slow4g = true; break;
      case '--out': options.out = path.resolve(value()); break;
      case '--screenshots': options.screenshots = path.resolve(value()); break;
      case '--cpu': {
        options.cpu = String(value()).split(',').map(Number);
        if (!options.cpu.length || options.cpu.some((r) => !(r >= 1))) throw new Error(`--cpu takes rates ≥ 1, such as 1,4. ${usage}`);
        break;
      }
      case '--widgets': {
        options.widgets = String(value()).split(',');
        const unknown = options.widgets.filter((w) => !WIDGET_IDS.includes(w));
        if (unknown.length) throw new Error(`Unknown widget ${unknown.join(', ')}; known: ${WIDGET_IDS.join(', ')}.`);
        break;
      }
      case '--help': console.log(usage); process.exit(0); break;
      default: throw new Error(`Unknown argument ${argv[i]}. ${usage}`);
    }
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// The widgets: how each is put on the page, how its banner is found and accepted.

const pkg = (name) => readJson(path.join(ROOT, 'node_modules', name, 'package.json'));
const STAND_INS = {analytics: '/shop/stand-ins/analytics.js', marketing: '/shop/stand-ins/pixel.js'};

/**
 * `head`: markup for the widget's place in <head>; `trackers`: the two stand-ins tagged as the
 * widget's documentation says; `banner`: the probe's banner finder (see PROBE); `accept`: the
 * element that holds the "Accept all" button, for Playwright.
 */
function widgets() {
  const samtyckeConfig = readFileSync(path.join(BENCH, 'widgets', 'samtycke.config.json'), 'utf8').trim();
  const samtyckeTrackers = Object.entries(STAND_INS)
    .map(([category, src]) => `<script type="text/plain" data-consent="${category}" src="${src}"></script>`).join('\n  ');
  const cc = pkg('vanilla-cookieconsent');
  const klaro = pkg('klaro');
  return {
    samtycke: {
      label: 'Samtycke', version: readJson(path.join(ROOT, 'package.json')).version,
      install: 'samtycke.js first in <head>, config by data-config (README quick start)',
      head: '<script src="/samtycke/samtycke.js" data-config="/widgets/samtycke.config.json"></script>',
      trackers: samtyckeTrackers, banner: 'samtycke', accept: 'samtycke-banner',
    },
    'samtycke-inline': {
      label: 'Samtycke, inline config', version: readJson(path.join(ROOT, 'package.json')).version,
      install: 'the same config inline (#samtycke-config) before samtycke.js: no config request',
      head: `<script type="application/json" id="samtycke-config">${samtyckeConfig}</script>\n  <script src="/samtycke/samtycke.js"></script>`,
      trackers: samtyckeTrackers, banner: 'samtycke', accept: 'samtycke-banner',
    },
    cookieconsent: {
      label: 'vanilla-cookieconsent', version: cc.version,
      install: 'cookieconsent.css in <head>; cookieconsent.umd.js and the config script, both defer',
      head: '<link rel="stylesheet" href="/vendor/cookieconsent/cookieconsent.css">\n' +
        '  <script defer src="/vendor/cookieconsent/cookieconsent.umd.js"></script>\n' +
        '  <script defer src="/widgets/cookieconsent-config.js"></script>',
      trackers: Object.entries(STAND_INS)
        .map(([category, src]) => `<script type="text/plain" data-category="${category}" src="${src}"></script>`).join('\n  '),
      banner: 'cookieconsent', accept: '#cc-main .cm',
    },
    klaro: {
      label: 'Klaro', version: klaro.version,
      install: 'config.js then klaro.js (CSS included, the file Klaro\'s README tells shops to embed), both defer',
      head: '<script defer src="/widgets/klaro-config.js"></script>\n  <script defer src="/vendor/klaro/klaro.js"></script>',
      trackers: Object.entries({'shop-analytics': STAND_INS.analytics, 'ad-pixel': STAND_INS.marketing})
        .map(([name, src]) => `<script type="text/plain" data-type="text/javascript" data-name="${name}" data-src="${src}"></script>`).join('\n  '),
      banner: 'klaro', accept: '.klaro .cookie-notice',
    },
    none: {
      label: 'No consent layer', version: '',
      install: 'reference: no widget, the two scripts untagged (async), as a shop without consent has them',
      head: '',
      trackers: Object.values(STAND_INS).map((src) => `<script async src="${src}"></script>`).join('\n  '),
      banner: null, accept: null,
    },
  };
}

function pageFor(widget) {
  const template = readFileSync(path.join(BENCH, 'storefront', 'product.html'), 'utf8');
  const put = (text, marker, value) => {
    if (text.split(marker).length !== 2) throw new Error(`bench: ${marker} must occur once in bench/storefront/product.html`);
    return text.replace(marker, () => value);
  };
  let html = put(template, '<!--bench:widget-head-->', widget.head);
  html = put(html, '<!--bench:trackers-->', widget.trackers);
  return put(html, '<!--bench:widget-body-->', '');
}

// ---------------------------------------------------------------------------------------------
// The server: uncompressed unless `gzip`; every file read into memory at start, so a build that
// runs meanwhile cannot change what is measured.

const TYPES = {'.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml'};

function snapshot(dir, prefix, into, {skip = () => false} = {}) {
  if (!existsSync(dir)) return into;
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const file = path.join(dir, entry.name);
    const url = `${prefix}/${entry.name}`;
    if (skip(url)) continue;
    if (entry.isDirectory()) snapshot(file, url, into, {skip});
    else if (entry.isFile()) into.set(url, readFileSync(file));
  }
  return into;
}

function makeFiles(pages) {
  const files = new Map();
  snapshot(path.join(ROOT, 'dist'), '/samtycke', files, {skip: (url) => url.endsWith('.map') || url.startsWith('/samtycke/types')});
  snapshot(path.join(BENCH, 'storefront'), '/shop', files);
  snapshot(path.join(BENCH, 'widgets'), '/widgets', files);
  for (const name of ['cookieconsent.umd.js', 'cookieconsent.css']) {
    files.set(`/vendor/cookieconsent/${name}`, readFileSync(path.join(ROOT, 'node_modules', 'vanilla-cookieconsent', 'dist', name)));
  }
  for (const name of ['klaro.js', 'klaro-no-css.js', 'klaro.min.css']) {
    files.set(`/vendor/klaro/${name}`, readFileSync(path.join(ROOT, 'node_modules', 'klaro', 'dist', name)));
  }
  for (const [id, html] of Object.entries(pages)) files.set(`/p/${id}.html`, Buffer.from(html));
  return files;
}

async function startBenchServer(files, {gzip = false} = {}) {
  const gzipped = new Map();
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const body = files.get(pathname);
    if (!body) {
      res.writeHead(404, {'Content-Type': 'text/plain', 'Cache-Control': 'no-store'});
      res.end(`Not found: ${pathname}\n`);
      return;
    }
    const type = TYPES[path.extname(pathname)] ?? 'application/octet-stream';
    const headers = {'Content-Type': type, 'Cache-Control': 'no-store'};
    let out = body;
    if (gzip && /gzip/.test(req.headers['accept-encoding'] ?? '') && type !== 'image/png') {
      if (!gzipped.has(pathname)) gzipped.set(pathname, gzipSync(body, {level: 9}));
      out = gzipped.get(pathname);
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
    }
    headers['Content-Length'] = out.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : out);
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  return {url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve))};
}

// ---------------------------------------------------------------------------------------------
// Compression of what went over the wire (cached by content).

const compressed = new Map();
function sizes(buffer) {
  const key = createHash('sha256').update(buffer).digest('hex');
  if (!compressed.has(key)) {
    compressed.set(key, {
      raw: buffer.length,
      gzip: gzipSync(buffer, {level: 9}).length,
      brotli: brotliCompressSync(buffer, {params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
        [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
      }}).length,
    });
  }
  return compressed.get(key);
}

// ---------------------------------------------------------------------------------------------
// The in-page probe (context.addInitScript): runs before any page script, top frame only.

function probe({banner}) {
  if (window !== window.top || window.__bench) return;
  const now = () => performance.now();
  const B = (window.__bench = {marks: {}, longTasks: [], shifts: [], errors: []});
  const mark = (name, t = now()) => {
    if (B.marks[name] !== undefined) return;
    B.marks[name] = t;
    try { window.__benchSignal?.(name, t); } catch { /* the binding is gone once the page closes */ }
  };

  const observe = (type, handle) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(handle)).observe({type, buffered: true});
    } catch { B.errors.push(`no PerformanceObserver for ${type}`); }
  };
  observe('paint', (e) => { if (e.name === 'first-contentful-paint') mark('fcp', e.startTime); });
  observe('longtask', (e) => B.longTasks.push({start: e.startTime, duration: e.duration}));
  observe('layout-shift', (e) => { if (!e.hadRecentInput) B.shifts.push({start: e.startTime, value: e.value}); });

  // Each widget's first-layer banner.
  const finders = {
    samtycke: () => document.querySelector('samtycke-banner')?.shadowRoot?.querySelector('[part~="banner"]'),
    cookieconsent: () => document.querySelector('#cc-main .cm'),
    klaro: () => document.querySelector('.klaro .cookie-notice') ?? document.querySelector('.klaro .cookie-modal .cm-modal'),
  };
  const find = finders[banner];
  const composedParent = (el) => el.parentElement ?? (el.getRootNode() instanceof ShadowRoot ? el.getRootNode().host : null);
  const visible = (el) => {
    if (!el || !el.isConnected) return false;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) return false;
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible') return false;
    for (let node = el; node; node = composedParent(node)) {
      const s = node === el ? style : getComputedStyle(node);
      if (s.display === 'none' || Number(s.opacity) < 0.01) return false;
    }
    return true;
  };
  B.bannerShown = () => (find ? visible(find()) : false);

  // The first animation frame whose callback sees the banner: the paint that follows shows it.
  // performance.now() in the callback is kept, not the frame's timestamp, which is the frame's
  // start and on a busy main thread can precede the DOM change.
  // "settled": 1 s after both the load event and the banner (the window of the main-thread,
  // long-task, CLS and byte figures, so every page's own loading is inside it); "loadSettled":
  // 1 s after load (a returning visit, where no banner comes).
  let loaded = false;
  let bannerSeen = !find;
  let settling = false;
  const settle = () => {
    if (loaded && bannerSeen && !settling) {
      settling = true;
      setTimeout(() => mark('settled'), 1000);
    }
  };
  addEventListener('load', () => {
    loaded = true;
    mark('load');
    setTimeout(() => mark('loadSettled'), 1000);
    settle();
  });
  if (find) {
    const frame = () => {
      if (visible(find())) {
        mark('banner');
        bannerSeen = true;
        settle();
        return;
      }
      if (B.marks.loadSettled === undefined) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }

  addEventListener('click', () => mark('click'), true);
  const ran = () => {
    const s = window.__benchScripts ?? {};
    if (s.analytics !== undefined) mark('analytics', s.analytics);
    if (s.marketing !== undefined) mark('marketing', s.marketing);
    if (s.analytics !== undefined && s.marketing !== undefined) mark('scripts');
  };
  addEventListener('bench:ran', ran);
  addEventListener('error', (e) => B.errors.push(String(e.message ?? e)));

  B.collect = (until = Infinity) => {
    const tasks = B.longTasks.filter((t) => t.start < until);
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      marks: {...B.marks},
      longTasks: tasks.length,
      longTaskMs: tasks.reduce((s, t) => s + t.duration, 0),
      maxLongTaskMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
      cls: B.shifts.filter((s) => s.start < until).reduce((s, e) => s + e.value, 0),
      domContentLoaded: nav?.domContentLoadedEventStart,
      runs: {analytics: window.__benchScripts?.analyticsRuns ?? 0, marketing: window.__benchScripts?.marketingRuns ?? 0},
      bannerShown: B.bannerShown(),
      errors: B.errors.slice(),
    };
  };
}

// ---------------------------------------------------------------------------------------------
// One run

const SLOW_4G = {offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8};

/** A page that records its responses and the probe's signals, throttled before it navigates. */
async function openPage(context, scenario, signals) {
  const page = await context.newPage();
  const state = {page, responses: [], errors: [], waiters: new Map(), marks: {}};
  signals.set(page, state);
  page.on('pageerror', (error) => state.errors.push(String(error.message).split('\n')[0]));
  page.on('response', (response) => {
    const request = response.request();
    // The body is read later (widgetBytes), so no CDP traffic competes with the page as it loads.
    state.responses.push({url: response.url(), status: response.status(), type: request.resourceType(), at: Date.now(), response});
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', {rate: scenario.cpu});
  if (scenario.network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', scenario.network);
  }
  return {page, cdp, state};
}

/** Resolves when the probe has sent `name`; rejects after `timeout` ms or on a page error. */
function signal(state, name, timeout, what) {
  if (state.marks[name] !== undefined) return Promise.resolve(state.marks[name]);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${what} within ${timeout / 1000} s`)), timeout);
    state.waiters.set(name, (t) => { clearTimeout(timer); resolve(t); });
  });
}

async function metrics(cdp) {
  const {metrics: list} = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(list.map(({name, value}) => [name, value]));
  return {taskMs: m.TaskDuration * 1000, scriptMs: m.ScriptDuration * 1000, layoutMs: m.LayoutDuration * 1000, styleMs: m.RecalcStyleDuration * 1000};
}

/** What a visit downloaded for the widget: every response but the storefront's own. */
async function widgetBytes(state, base, until = Infinity) {
  const files = [];
  const failed = [];
  // Request start and response end in ms from the document's request (a waterfall for the JSON).
  const documentStart = state.responses.find((r) => r.type === 'document')?.response.request().timing().startTime;
  for (const r of state.responses) {
    if (r.at > until) continue;
    const url = new URL(r.url);
    if (url.origin !== base || r.type === 'document' || url.pathname.startsWith('/shop/')) continue;
    if (r.status >= 400) { failed.push(`${r.status} ${url.pathname}`); continue; }
    const body = await r.response.body().catch(() => null);
    if (!body) { failed.push(`no body ${url.pathname}`); continue; }
    const timing = r.response.request().timing();
    const at = (ms) => (documentStart && ms >= 0 ? Math.round(timing.startTime + ms - documentStart) : undefined);
    files.push({path: url.pathname, ...sizes(body), requestedMs: at(0), receivedMs: at(timing.responseEnd)});
  }
  return {files, failed};
}

async function runOnce(browser, base, widget, scenario, timeout, screenshot) {
  const context = await browser.newContext({viewport: {width: 1280, height: 800}});
  const signals = new Map();
  try {
    await context.exposeBinding('__benchSignal', ({page}, name, t) => {
      const state = signals.get(page);
      if (!state) return;
      state.marks[name] = t;
      state.waiters.get(name)?.(t);
    });
    await context.addInitScript(probe, {banner: widget.banner});
    const url = `${base}/p/${widget.id}.html`;
    const result = {};

    // First visit.
    const first = await openPage(context, scenario, signals);
    const wallStart = Date.now();
    await first.page.goto(url, {waitUntil: 'commit', timeout});
    const settledWall = await signal(first.state, 'settled', timeout, widget.banner ? 'visible banner (and load)' : 'load').then(() => Date.now());
    const m = await metrics(first.cdp);
    const visit = await first.page.evaluate(() => window.__bench.collect(window.__bench.marks.settled));
    const bytes = await widgetBytes(first.state, base, settledWall);
    result.first = {...visit, ...m, wallMs: settledWall - wallStart, bytes, pageErrors: first.state.errors.slice()};
    if (screenshot) await first.page.screenshot({path: screenshot});
    if (!widget.banner) {
      await signal(first.state, 'scripts', timeout, 'both scripts');
      result.first.marks = await first.page.evaluate(() => window.__bench.marks);
      return result;
    }
    if (visit.runs.analytics || visit.runs.marketing) throw new Error('a blocked script ran before consent');

    // Accept all.
    const button = first.page.locator(widget.accept).getByRole('button', {name: 'Accept all', exact: true});
    await button.click({timeout});
    await signal(first.state, 'scripts', timeout, 'both scripts after "Accept all"');
    const released = await first.page.evaluate(() => window.__bench.collect());
    result.release = {
      click: released.marks.click,
      analyticsMs: released.marks.analytics - released.marks.click,
      marketingMs: released.marks.marketing - released.marks.click,
      runs: released.runs,
    };
    await first.page.close();

    // Returning visit.
    const again = await openPage(context, scenario, signals);
    await again.page.goto(url, {waitUntil: 'commit', timeout});
    await signal(again.state, 'scripts', timeout, 'both scripts on the returning visit');
    await signal(again.state, 'loadSettled', timeout, 'load on the returning visit');
    const returningWall = Date.now();
    const returning = await again.page.evaluate(() => window.__bench.collect());
    const returningBytes = await widgetBytes(again.state, base, returningWall);
    result.returning = {
      firstScript: Math.min(returning.marks.analytics, returning.marks.marketing),
      analytics: returning.marks.analytics, marketing: returning.marks.marketing,
      load: returning.marks.load, bannerShown: returning.bannerShown, runs: returning.runs, bytes: returningBytes,
      pageErrors: again.state.errors.slice(),
    };
    if (returning.bannerShown) throw new Error('the banner showed again on the returning visit');
    return result;
  } finally {
    await Promise.race([context.close(), new Promise((resolve) => setTimeout(resolve, 5000))]).catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics

function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  return sorted[lo] + (sorted[Math.ceil(i)] - sorted[lo]) * (i - lo);
}

function summarize(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  return {n: v.length, median: quantile(v, 0.5), p25: quantile(v, 0.25), p75: quantile(v, 0.75), p90: quantile(v, 0.9), min: v[0] ?? NaN, max: v.at(-1) ?? NaN};
}

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(items, random) {
  const a = items.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** The metrics of the table: label, unit, how to read a run, and whether lower is better. */
const METRICS = [
  {key: 'fcp', label: 'First contentful paint', unit: 'ms', get: (r) => r.first.marks.fcp},
  {key: 'banner', label: 'Banner visible', unit: 'ms', get: (r) => r.first.marks.banner, widgetOnly: true},
  {key: 'taskMs', label: 'Main thread busy until 1 s after load and banner (CDP TaskDuration)', unit: 'ms', get: (r) => r.first.taskMs},
  {key: 'scriptMs', label: '↳ of which script (CDP ScriptDuration)', unit: 'ms', get: (r) => r.first.scriptMs},
  {key: 'longTasks', label: 'Long tasks in that window', unit: 'count', get: (r) => r.first.longTasks},
  {key: 'longTaskMs', label: 'Long tasks, total', unit: 'ms', get: (r) => r.first.longTaskMs},
  {key: 'cls', label: 'Cumulative layout shift', unit: 'cls', get: (r) => r.first.cls},
  {key: 'releaseAnalytics', label: 'Click "Accept all" → analytics script ran', unit: 'ms', get: (r) => r.release?.analyticsMs, widgetOnly: true},
  {key: 'releaseMarketing', label: 'Click "Accept all" → marketing script ran', unit: 'ms', get: (r) => r.release?.marketingMs, widgetOnly: true},
  {key: 'returning', label: 'Returning visit: first released script ran', unit: 'ms', get: (r) => r.returning?.firstScript ?? Math.min(r.first.marks.analytics, r.first.marks.marketing)},
];

const BYTE_METRICS = [
  {key: 'gzip', label: 'gzip -9'},
  {key: 'brotli', label: 'brotli q11'},
  {key: 'raw', label: 'uncompressed'},
];

// ---------------------------------------------------------------------------------------------

const compactBytes = (bytes) => bytes && {files: bytes.files.map((f) => [f.path, f.raw, f.requestedMs, f.receivedMs]), failed: bytes.failed};
const compactRun = (run) => ({
  ...run,
  first: {...run.first, bytes: compactBytes(run.first.bytes)},
  ...(run.returning ? {returning: {...run.returning, bytes: compactBytes(run.returning.bytes)}} : {}),
});

const fmt = (x, unit) => {
  if (!Number.isFinite(x)) return '–';
  if (unit === 'cls') return x.toFixed(3);
  if (unit === 'count') return Number.isInteger(x) ? String(x) : x.toFixed(1);
  if (unit === 'kb') return `${(x / 1000).toFixed(1)} kB`;
  return x < 10 ? x.toFixed(1) : x.toFixed(0);
};
const ratio = (value, reference) => (Number.isFinite(value) && Number.isFinite(reference) && reference > 0 ? value / reference : NaN);

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
  if (!existsSync(path.join(ROOT, 'dist', 'samtycke.js'))) {
    console.error('dist/samtycke.js is missing: run `npm run bench` (builds first) or `npx rollup -c --silent`.');
    process.exit(1);
  }
  const all = widgets();
  const chosen = options.widgets.map((id) => ({id, ...all[id]}));
  const pages = Object.fromEntries(Object.keys(all).map((id) => [id, pageFor(all[id])]));
  const files = makeFiles(pages);
  const samtyckeSha = createHash('sha256').update(files.get('/samtycke/samtycke.js')).digest('hex');
  const git = (...args) => {
    try {
      return execFileSync('git', args, {cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim();
    } catch {
      return null;
    }
  };
  const build = {samtyckeJsSha256: samtyckeSha, commit: git('rev-parse', 'HEAD'),
    dirty: (git('status', '--porcelain', '--', 'src', 'locales', 'rollup.config.mjs') ?? '').length > 0,
    distBuiltAt: statSync(path.join(ROOT, 'dist', 'samtycke.js')).mtime.toISOString()};

  // The document's own growth: the page as served, against the page without any consent layer.
  const documentSizes = Object.fromEntries(Object.entries(pages).map(([id, html]) => [id, sizes(Buffer.from(html))]));
  const documentDelta = (id) => Object.fromEntries(['raw', 'gzip', 'brotli'].map((k) => [k, documentSizes[id][k] - documentSizes.none[k]]));

  const scenarios = options.cpu.map((cpu) => ({id: `cpu${cpu}x`, label: `CPU ${cpu}×`, cpu}));
  if (options.slow4g) scenarios.push({id: 'slow4g', label: 'Slow 4G + CPU 4×, gzip served', cpu: 4, network: SLOW_4G, gzip: true});

  if (options.screenshots) mkdirSync(options.screenshots, {recursive: true});
  const plain = await startBenchServer(files);
  const gzipped = options.slow4g ? await startBenchServer(files, {gzip: true}) : null;
  const browser = await chromium.launch(launchOptions());
  const random = mulberry32(options.seed);
  const started = Date.now();
  const load = {before: os.loadavg()[0]};
  const samples = {};
  const failures = [];
  const cells = chosen.flatMap((widget) => scenarios.map((scenario) => ({widget, scenario})));
  for (const {widget, scenario} of cells) samples[`${widget.id}@${scenario.id}`] = [];

  try {
    for (let i = 0; i < options.warmup + options.runs; i++) {
      const warm = i < options.warmup;
      const iteration = i - options.warmup;
      for (const {widget, scenario} of shuffle(cells, random)) {
        const key = `${widget.id}@${scenario.id}`;
        process.stderr.write(`\r${warm ? 'warm-up' : 'run'} ${warm ? i + 1 : iteration + 1}/${warm ? options.warmup : options.runs} ${key.padEnd(32)}`);
        const base = scenario.gzip ? gzipped.url : plain.url;
        const timeout = options.timeout * (scenario.network ? 3 : 1);
        try {
          // A hard limit on the whole run, so nothing can hang the benchmark.
          const result = await Promise.race([
            runOnce(browser, base, widget, scenario, timeout,
              options.screenshots && i === 0 && scenario === scenarios[0] ? path.join(options.screenshots, `${widget.id}.png`) : null),
            new Promise((_, reject) => setTimeout(() => reject(new Error('run took too long')), timeout * 4)),
          ]);
          if (!warm) samples[key].push({iteration, ...result});
        } catch (error) {
          const message = String(error?.message ?? error).split('\n')[0];
          failures.push({iteration, widget: widget.id, scenario: scenario.id, warmup: warm, error: message});
          process.stderr.write(`\n${key} failed: ${message}\n`);
        }
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
    await plain.close();
    await gzipped?.close();
  }
  process.stderr.write('\n');
  load.after = os.loadavg()[0];
  load.cpus = os.cpus().length;
  const seconds = (Date.now() - started) / 1000;

  // Summaries.
  const summary = {};
  for (const {widget, scenario} of cells) {
    const list = samples[`${widget.id}@${scenario.id}`];
    const s = (summary[`${widget.id}@${scenario.id}`] = {n: list.length, failed: failures.filter((f) => !f.warmup && f.widget === widget.id && f.scenario === scenario.id).length});
    for (const metric of METRICS) s[metric.key] = summarize(list.map((r) => metric.get(r)));
    const bytes = (r) => {
      const d = documentDelta(widget.id);
      const total = (k) => r.first.bytes.files.reduce((sum, f) => sum + f[k], 0) + d[k];
      return {raw: total('raw'), gzip: total('gzip'), brotli: total('brotli'), requests: r.first.bytes.files.length};
    };
    for (const k of ['raw', 'gzip', 'brotli', 'requests']) s[`bytes.${k}`] = summarize(list.map((r) => bytes(r)[k]));
    s['returningBytes.gzip'] = summarize(list.map((r) => r.returning?.bytes.files.reduce((sum, f) => sum + f.gzip, 0) + documentDelta(widget.id).gzip));
    s['returningBytes.requests'] = summarize(list.map((r) => r.returning?.bytes.files.length));
  }

  // Byte detail from the last successful run of each widget (bytes are deterministic; the JSON
  // keeps every run's list, and a warning is printed if runs disagree).
  const byteDetail = {};
  const byteWarnings = [];
  for (const widget of chosen) {
    const runs = scenarios.flatMap((sc) => samples[`${widget.id}@${sc.id}`]);
    if (!runs.length) continue;
    const signatures = new Set(runs.map((r) => r.first.bytes.files.map((f) => `${f.path}:${f.raw}`).sort().join(',')));
    if (signatures.size > 1) byteWarnings.push(`${widget.label}: the first visit did not always download the same files (${signatures.size} variants; see samples in the JSON).`);
    const failed = new Set(runs.flatMap((r) => r.first.bytes.failed));
    if (failed.size) byteWarnings.push(`${widget.label}: failed requests ${[...failed].join(', ')}.`);
    const last = runs.at(-1);
    byteDetail[widget.id] = {document: documentDelta(widget.id), files: last.first.bytes.files, returningFiles: last.returning?.bytes.files ?? []};
  }

  // Markdown.
  const reference = 'cookieconsent';
  const hasRef = chosen.some((w) => w.id === reference);
  const out = [];
  const chromiumVersion = browser.version();
  out.push(`Chromium ${chromiumVersion} (headless, Playwright), ${os.cpus().length}× ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; ` +
    `${options.runs} runs per widget and scenario (+${options.warmup} warm-up), interleaved; ${(seconds / 60).toFixed(1)} min. ` +
    `Samtycke ${all.samtycke.version} (samtycke.js sha256 ${samtyckeSha.slice(0, 12)}, ${build.commit ? `commit ${build.commit.slice(0, 7)}${build.dirty ? ' + uncommitted changes' : ''}` : 'no git'}), ` +
    `vanilla-cookieconsent ${all.cookieconsent.version}, Klaro ${all.klaro.version}.` +
    (failures.filter((f) => !f.warmup).length ? ` **${failures.filter((f) => !f.warmup).length} run(s) failed** (listed below).` : ''), '');
  if (Math.max(load.before, load.after) > load.cpus) {
    out.push(`> Busy machine: 1-minute load average ${load.before.toFixed(1)} before and ${load.after.toFixed(1)} after, on ${load.cpus} CPUs; compare medians and ratios, not single runs.`, '');
  }
  const head = (first) => `| ${first} | ${chosen.map((w) => w.label).join(' | ')} |\n|---|${chosen.map(() => '---:').join('|')}|`;
  const cell = (s, unit, refS, widget, metric) => {
    if (metric?.widgetOnly && !widget.banner) return 'n/a';
    if (!s || !s.n) return 'failed';
    const value = fmt(s.median, unit);
    const r = hasRef && widget.id !== reference && widget.id !== 'none' && unit !== 'cls' ? ratio(s.median, refS?.median) : NaN;
    const partial = s.n < options.runs ? ` [n=${s.n}]` : '';
    return (Number.isFinite(r) ? `${value} (${r.toFixed(2)}×)` : value) + partial;
  };

  const byteScenario = scenarios[0].id;
  out.push(`**Bytes a first visit downloads for the widget** (every response up to 1 s after load and banner that is not the storefront's own, each file compressed on its own, plus the growth of the HTML; ratio to vanilla-cookieconsent):`, '');
  out.push(head('Bytes'));
  for (const b of BYTE_METRICS) {
    out.push(`| ${b.label} | ${chosen.map((w) => w.id === 'none' ? '0' : cell(summary[`${w.id}@${byteScenario}`]?.[`bytes.${b.key}`], 'kb', summary[`${reference}@${byteScenario}`]?.[`bytes.${b.key}`], w)).join(' | ')} |`);
  }
  out.push(`| requests | ${chosen.map((w) => w.id === 'none' ? '0' : fmt(summary[`${w.id}@${byteScenario}`]?.['bytes.requests'].median, 'count')).join(' | ')} |`);
  out.push(`| returning visit (to load + 1 s), gzip -9 | ${chosen.map((w) => w.id === 'none' ? '0' : cell(summary[`${w.id}@${byteScenario}`]?.['returningBytes.gzip'], 'kb', summary[`${reference}@${byteScenario}`]?.['returningBytes.gzip'], w)).join(' | ')} |`);
  out.push('');
  for (const widget of chosen.filter((w) => byteDetail[w.id] && w.id !== 'none')) {
    const d = byteDetail[widget.id];
    const list = d.files.map((f) => `\`${f.path}\` ${fmt(f.gzip, 'kb')}`);
    if (d.document.gzip) list.push(`HTML growth ${fmt(d.document.gzip, 'kb')}`);
    out.push(`- ${widget.label} (gzip): ${list.join(', ')}`);
  }
  out.push('');

  for (const scenario of scenarios) {
    out.push(`**${scenario.label}**, medians (ratio to vanilla-cookieconsent; lower is better):`, '');
    out.push(head('Metric'));
    for (const metric of METRICS) {
      const unit = metric.unit === 'cls' ? 'cls' : metric.unit === 'count' ? 'count' : 'ms';
      const label = metric.unit === 'ms' ? `${metric.label}, ms` : metric.label;
      out.push(`| ${label} | ${chosen.map((w) => cell(summary[`${w.id}@${scenario.id}`][metric.key], unit, summary[`${reference}@${scenario.id}`]?.[metric.key], w, metric)).join(' | ')} |`);
      // The widget's own share: the median above the same page without a consent layer.
      const floor = summary[`none@${scenario.id}`]?.[metric.key]?.median;
      if (metric.key === 'taskMs' && Number.isFinite(floor)) {
        const above = (w) => summary[`${w.id}@${scenario.id}`][metric.key].median - floor;
        const refAbove = chosen.some((w) => w.id === reference) ? above({id: reference}) : NaN;
        out.push(`| ↳ above the page without a consent layer, ms | ${chosen.map((w) => {
          if (w.id === 'none') return '0';
          const v = above(w);
          if (!Number.isFinite(v)) return 'failed';
          const r = w.id !== reference ? ratio(v, refAbove) : NaN;
          return Number.isFinite(r) ? `${fmt(v, 'ms')} (${r.toFixed(2)}×)` : fmt(v, 'ms');
        }).join(' | ')} |`);
      }
    }
    out.push('');
  }
  const realFailures = failures.filter((f) => !f.warmup);
  if (realFailures.length) {
    out.push('Failed runs (not in the medians):', '');
    const grouped = new Map();
    for (const f of realFailures) {
      const k = `${all[f.widget].label}, ${scenarios.find((s) => s.id === f.scenario)?.label}: ${f.error}`;
      grouped.set(k, (grouped.get(k) ?? 0) + 1);
    }
    for (const [k, n] of grouped) out.push(`- ${k} (${n}×)`);
    out.push('');
  }
  if (byteWarnings.length) out.push(...byteWarnings.map((w) => `> ${w}`), '');
  console.log(out.join('\n'));

  mkdirSync(path.dirname(options.out), {recursive: true});
  writeFileSync(options.out, JSON.stringify({
    date: new Date().toISOString(),
    command: `node scripts/bench.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    environment: {chromium: chromiumVersion, node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, platform: `${os.platform()} ${os.release()}`, loadAverage: load},
    options: {...options, out: path.relative(ROOT, options.out)},
    durationSeconds: seconds,
    build,
    widgets: Object.fromEntries(chosen.map((w) => [w.id, {label: w.label, version: w.version, install: w.install, head: w.head, trackers: w.trackers}])),
    scenarios,
    documentSizes,
    bytes: byteDetail,
    summary,
    failures,
    // Per run, each file as [path, raw bytes, requested, received] (ms from the document's
    // request); compressed sizes are per file and in "bytes".
    samples: Object.fromEntries(Object.entries(samples).map(([key, list]) => [key, list.map((run) => compactRun(run))])),
  }, null, 1) + '\n');
  console.error(`Wrote ${path.relative(process.cwd(), options.out)}`);
  if (chosen.some((w) => scenarios.some((sc) => samples[`${w.id}@${sc.id}`].length === 0))) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
