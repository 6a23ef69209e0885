#!/usr/bin/env node
// `npm run bench`: builds, then measures dist/samtycke.js in Debian's Chromium (Playwright) against
// the demo shop served by scripts/serve.mjs. Prints a Markdown table; writes bench/results-latest.json.
//
//   node scripts/bench.mjs [--runs N] [--warmup N] [--seed N]     (after `npx rollup -c --silent`)
//
// What is measured (every time is page-side `performance.now()`, i.e. ms since navigation start):
//   - bytes of dist/samtycke.js: raw, gzip -9, brotli q11;
//   - first visit (fresh browser context, empty IndexedDB): navigation start → the first
//     requestAnimationFrame callback that finds the banner box (`[part~=banner]` in
//     samtycke-banner's shadow root) with a non-zero size; that frame's paint shows it. Its
//     performance.now() is used, not the callback's timestamp argument, which is the frame's start
//     and on a busy main thread can even precede the DOM change. Plus FCP, long tasks, CLS, CDP Performance.getMetrics (page-wide ScriptDuration and
//     TaskDuration), and where the time goes (samtycke.js download and execution, config fetch,
//     IndexedDB open and read, samtycke-ready);
//   - release: click on "Acceptera alla" (capture listener on document) → gtag.js stand-in runs;
//   - returning visitor (same context after the decision, new page): navigation start →
//     gtag.js stand-in runs, and → `samtycke-ready`;
//   - all of it at CPU 1× and 4× (CDP Emulation.setCPUThrottlingRate, set before navigation).
//
// Two reference pages are generated from demo/index.html so the widget's own cost can be separated
// from the shop's (they live only in a temporary server root, never in demo/):
//   - no-widget: the samtycke.js tag removed; tagged scripts stay inert (never run);
//   - untagged:  no widget, and the two Google-tag scripts untagged, as a shop without a consent
//                layer would have them: when gtag.js runs there is the floor for a returning visitor.
// The temporary root links dist/, schema/ and every demo/ entry, so `/` serves demo/index.html byte
// for byte through the same startServer().
//
// Runs are interleaved: each iteration visits every variant (3 pages × 2 CPU rates) in a seeded
// random order; the first --warmup iterations (default 1) are discarded. Waits are on page-side
// signals (page.waitForFunction), with a bounded timeout per run.
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {brotliCompressSync, constants as zlibConstants, gzipSync} from 'node:zlib';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright';
import {launchOptions} from './chromium.mjs';
import {startServer} from './serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = path.join(ROOT, 'dist', 'samtycke.js');
const RESULTS = path.join(ROOT, 'bench', 'results-latest.json');
const RUN_TIMEOUT = 20_000;
const RATES = [1, 4];

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const options = {runs: 15, warmup: 1, seed: 1};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const key = flag.replace(/^--/, '');
    if (!(key in options) || !flag.startsWith('--')) {
      console.error(`Unknown argument ${argv[i]}. Usage: node scripts/bench.mjs [--runs N] [--warmup N] [--seed N]`);
      process.exit(2);
    }
    const value = Number(inline ?? argv[++i]);
    if (!Number.isInteger(value) || value < (key === 'runs' ? 1 : 0)) {
      console.error(`--${key} needs a whole number${key === 'runs' ? ' ≥ 1' : ' ≥ 0'}.`);
      process.exit(2);
    }
    options[key] = value;
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// The in-page probe (context.addInitScript): runs before any page script, top frame only.

const PROBE = String.raw`(() => {
  if (window !== window.top || window.__bench) return;
  const now = () => performance.now();
  const B = (window.__bench = {marks: {}, longTasks: [], cls: 0, layoutShifts: 0, clicks: 0});
  const mark = (name, t = now()) => { if (B.marks[name] === undefined) B.marks[name] = t; };
  B.mark = mark;

  // Performance entries. Observers are kept so collect() can flush what is not delivered yet.
  const observers = [];
  const observe = (type, handle) => {
    try {
      const observer = new PerformanceObserver((list) => list.getEntries().forEach(handle));
      observer.observe({type, buffered: true});
      observers.push([observer, handle]);
    } catch { B['no-' + type] = true; }
  };
  observe('paint', (e) => mark(e.name === 'first-contentful-paint' ? 'fcp' : e.name, e.startTime));
  observe('longtask', (e) => B.longTasks.push({start: e.startTime, duration: e.duration}));
  observe('layout-shift', (e) => { if (!e.hadRecentInput) { B.cls += e.value; B.layoutShifts++; } });

  // The banner: visible when its box exists and has a size. Checked on every animation frame
  // (the rAF timestamp is the start of the frame whose paint will contain it) and, for the
  // moment the DOM has it, by MutationObservers on the document and on the banner's shadow root.
  const bannerBox = () => document.querySelector('samtycke-banner')?.shadowRoot?.querySelector('[part~=banner]');
  const bannerVisible = () => {
    const box = bannerBox();
    if (!box) return false;
    const r = box.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const checkDom = () => {
    if (B.marks.bannerDom !== undefined) return;
    const t = now(); // before the check's forced layout, which the frame would have done anyway
    if (bannerVisible()) mark('bannerDom', t);
  };
  let watchedRoot = null;
  const watchBanner = () => {
    const host = document.querySelector('samtycke-banner');
    if (!host) return;
    mark('bannerInserted');
    if (host.shadowRoot && host.shadowRoot !== watchedRoot) {
      watchedRoot = host.shadowRoot;
      new MutationObserver(checkDom).observe(watchedRoot, {childList: true, subtree: true, attributes: true});
    }
    checkDom();
  };
  const documentObserver = new MutationObserver(() => {
    watchBanner();
    if (watchedRoot) documentObserver.disconnect();
  });
  documentObserver.observe(document, {childList: true, subtree: true});

  // The time kept is performance.now() inside the callback, not the callback's timestamp: that
  // timestamp is the frame's start, which can be tens of ms earlier when the main thread was busy
  // (it can even precede the DOM change). The paint follows this callback in the same frame.
  // The loop stops once the banner was seen, or a few frames after samtycke-ready (or after load
  // on a page without the widget), so it does not keep producing frames for the rest of the run.
  let idleFrames = 0;
  const frame = (timestamp) => {
    if (bannerVisible()) {
      mark('bannerFrame');
      mark('bannerFrameTimestamp', timestamp);
      checkDom();
      return;
    }
    const done = B.marks.ready !== undefined || (document.readyState === 'complete' && !window.samtycke);
    if (done && ++idleFrames > 10) return;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  // Events.
  document.addEventListener('samtycke-ready', () => mark('ready'));
  document.addEventListener('click', (e) => { B.clicks++; mark('click'); mark('clickEventTimeStamp', e.timeStamp); }, true);
  // A classic external script fires "load" right after it has executed; load does not bubble,
  // but a capture listener on document sees it.
  document.addEventListener('load', (e) => {
    const src = e.target instanceof HTMLScriptElement ? e.target.src : '';
    if (src.includes('/samtycke/samtycke.js')) mark('widgetExecuted');
    if (src.includes('/stand-ins/gtag.js')) mark('gtagLoadEvent');
  }, true);
  document.addEventListener('DOMContentLoaded', () => mark('domContentLoaded'));

  // The configuration request: when fetch() is called, answers, and its body is read. The
  // widget's own continuation runs right after our callbacks, which are registered first.
  const fetch = window.fetch;
  window.fetch = function (input, ...rest) {
    const promise = fetch.call(this, input, ...rest);
    const url = typeof input === 'string' ? input : input instanceof Request ? input.url : String(input);
    if (url.includes('samtycke.config.json') && B.marks.configFetchCalled === undefined) {
      mark('configFetchCalled');
      promise.then((response) => {
        mark('configResponse');
        const text = response.text;
        response.text = function (...args) {
          const body = text.apply(this, args);
          body.then(() => mark('configText'), () => undefined);
          return body;
        };
      }, () => undefined);
    }
    return promise;
  };

  // IndexedDB timing of Samtycke's own database, by wrapping (not changing) the platform calls.
  try {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (name, ...rest) {
      const request = open.call(this, name, ...rest);
      if (name === 'samtycke') {
        mark('idbOpenStart');
        request.addEventListener('upgradeneeded', () => mark('idbUpgrade'));
        request.addEventListener('success', () => mark('idbOpenEnd'));
      }
      return request;
    };
    const get = IDBObjectStore.prototype.get;
    IDBObjectStore.prototype.get = function (...args) {
      const request = get.apply(this, args);
      if (this.transaction?.db?.name === 'samtycke' && B.marks.idbGetStart === undefined) {
        mark('idbGetStart');
        request.addEventListener('success', () => mark('idbGetEnd'));
      }
      return request;
    };
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      const request = put.apply(this, args);
      if (this.transaction?.db?.name === 'samtycke' && B.marks.idbPutStart === undefined) {
        mark('idbPutStart');
        this.transaction.addEventListener('complete', () => mark('idbPutCommitted'));
      }
      return request;
    };
  } catch { B.noIdbProbe = true; }

  // A plain snapshot: marks, performance entries and navigation/resource timing.
  B.collect = () => {
    for (const [observer, handle] of observers) observer.takeRecords().forEach(handle);
    const resource = (part) => {
      const e = performance.getEntriesByType('resource').find((r) => r.name.includes(part));
      return e ? {start: e.startTime, requestStart: e.requestStart, responseEnd: e.responseEnd} : null;
    };
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      marks: {...B.marks},
      analyticsRanAt: window.__samtyckeDemo?.analyticsRanAt ?? null,
      analyticsRuns: window.__samtyckeDemo?.analyticsRuns ?? 0,
      longTasks: B.longTasks.slice(),
      cls: B.cls,
      layoutShifts: B.layoutShifts,
      clicks: B.clicks,
      nav: nav ? {responseEnd: nav.responseEnd, domInteractive: nav.domInteractive, domContentLoaded: nav.domContentLoadedEventStart, load: nav.loadEventStart} : null,
      widgetScript: resource('/samtycke/samtycke.js'),
      config: resource('/samtycke.config.json'),
      gtag: resource('/stand-ins/gtag.js'),
      videoFrame: resource('/stand-ins/video.html'),
      status: window.samtycke?.state?.status ?? null,
    };
  };
})();`;

// ---------------------------------------------------------------------------------------------
// Reference pages and the server root

function replaceOnce(text, search, replacement, what) {
  const count = text.split(search).length - 1;
  if (count !== 1) throw new Error(`bench: expected exactly one ${what} in demo/index.html, found ${count}. Update scripts/bench.mjs.`);
  return text.replace(search, replacement);
}

/** A temporary root for startServer(): dist/, schema/, demo/* linked, plus demo/__bench/*.html. */
function makeServerRoot() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'samtycke-bench-'));
  symlinkSync(path.join(ROOT, 'dist'), path.join(root, 'dist'));
  symlinkSync(path.join(ROOT, 'schema'), path.join(root, 'schema'));
  mkdirSync(path.join(root, 'demo', '__bench'), {recursive: true});
  for (const entry of readdirSync(path.join(ROOT, 'demo'))) {
    symlinkSync(path.join(ROOT, 'demo', entry), path.join(root, 'demo', entry));
  }
  const demo = readFileSync(path.join(ROOT, 'demo', 'index.html'), 'utf8');
  const widgetTag = demo.match(/^[ \t]*<script src="\/samtycke\/samtycke\.js"[^>]*><\/script>\r?\n/m)?.[0] ?? '<script src="/samtycke/samtycke.js">';
  const noWidget = replaceOnce(demo, widgetTag, '', 'samtycke.js tag');
  let untagged = noWidget;
  untagged = replaceOnce(untagged, '<script type="text/plain" data-consent="analytics" data-service="ga4" src=', '<script src=', 'tagged gtag.js');
  untagged = replaceOnce(untagged, '<script type="text/plain" data-consent="analytics" data-service="ga4">', '<script>', 'tagged gtag snippet');
  // The same page with the configuration inline, before the script tag: no config request.
  const configJson = readFileSync(path.join(ROOT, 'demo', 'samtycke.config.json'), 'utf8');
  const inline = replaceOnce(demo, widgetTag,
    `<script type="application/json" id="samtycke-config">${configJson}</script>\n<script src="/samtycke/samtycke.js"></script>\n`, 'samtycke.js tag');
  writeFileSync(path.join(root, 'demo', '__bench', 'inline.html'), inline);
  writeFileSync(path.join(root, 'demo', '__bench', 'no-widget.html'), noWidget);
  writeFileSync(path.join(root, 'demo', '__bench', 'untagged.html'), untagged);
  return root;
}

// ---------------------------------------------------------------------------------------------
// Runs

/**
 * Waits until `expression` is true in the page (polled every 50 ms: the times themselves are
 * recorded in the page, so the polling only costs wall time). An uncaught error in the page
 * ends the wait at once: a broken build should fail the run, not time out.
 */
const waitFor = ({page, crashed}, expression, what) =>
  Promise.race([
    page.waitForFunction(expression, null, {polling: 50, timeout: RUN_TIMEOUT}).catch((error) => {
      throw new Error(`timed out waiting for ${what} (${error.message.split('\n')[0]})`);
    }),
    crashed,
  ]);

/** A new page in `context`, with CDP performance metrics on and the CPU rate set before navigation. */
async function openPage(context, rate) {
  const page = await context.newPage();
  const crashed = new Promise((_, reject) => page.on('pageerror', (error) => reject(new Error(`uncaught error in the page: ${error.message}`))));
  crashed.catch(() => undefined);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', {rate});
  return {page, cdp, crashed};
}

async function cdpMetrics(cdp) {
  const {metrics} = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map(({name, value}) => [name, value]));
  // Seconds → ms. Page-wide: every script and task of this page's renderer, not samtycke.js alone.
  return {scriptMs: m.ScriptDuration * 1000, taskMs: m.TaskDuration * 1000, layoutMs: m.LayoutDuration * 1000, styleMs: m.RecalcStyleDuration * 1000};
}

const sumLongTasks = (tasks, until = Infinity) => {
  const before = tasks.filter((t) => t.start < until);
  return {count: before.length, totalMs: before.reduce((s, t) => s + t.duration, 0)};
};

/** First visit → click "Acceptera alla" → returning visit, in one fresh context. */
async function runWidget(browser, base, rate) {
  const context = await browser.newContext();
  try {
    await context.addInitScript(PROBE);
    const first = await openPage(context, rate);
    await first.page.goto(base, {waitUntil: 'load', timeout: RUN_TIMEOUT});
    await waitFor(first, () => window.__bench.marks.bannerFrame !== undefined && window.__bench.marks.ready !== undefined, 'the banner');
    const visit = await first.page.evaluate(() => window.__bench.collect());
    const metrics = await cdpMetrics(first.cdp);

    await first.page.locator('samtycke-banner').getByRole('button', {name: 'Acceptera alla', exact: true}).click({timeout: RUN_TIMEOUT});
    await waitFor(first, () => window.__samtyckeDemo?.analyticsRanAt !== undefined && window.__bench.marks.click !== undefined, 'gtag.js after the click');
    const released = await first.page.evaluate(() => window.__bench.collect());
    await first.page.close();

    const again = await openPage(context, rate);
    await again.page.goto(base, {waitUntil: 'load', timeout: RUN_TIMEOUT});
    await waitFor(again, () => window.__samtyckeDemo?.analyticsRanAt !== undefined && window.__bench.marks.ready !== undefined, 'gtag.js on the returning visit');
    const returning = await again.page.evaluate(() => window.__bench.collect());
    await again.page.close();

    const m = visit.marks;
    if (released.clicks !== 1) throw new Error(`expected one click, saw ${released.clicks}`);
    if (returning.marks.bannerFrame !== undefined) throw new Error('the banner was shown to a returning visitor');
    if (returning.status !== 'decided') throw new Error(`returning visitor's state is ${returning.status}`);
    const lt = sumLongTasks(visit.longTasks, m.bannerFrame);
    const diff = (a, b) => (Number.isFinite(a) && Number.isFinite(b) ? a - b : undefined);
    return {
      first: {
        bannerVisible: m.bannerFrame,
        bannerFrameTimestamp: m.bannerFrameTimestamp,
        bannerDom: m.bannerDom,
        fcp: m.fcp,
        cls: visit.cls,
        longTasks: lt.count,
        longTaskMs: lt.totalMs,
        ...metrics,
        // Where the time goes, in order.
        documentResponseEnd: visit.nav?.responseEnd,
        widgetResponseEnd: visit.widgetScript?.responseEnd,
        widgetExecuted: m.widgetExecuted,
        widgetExecMs: diff(m.widgetExecuted, visit.widgetScript?.responseEnd),
        idbOpenStart: m.idbOpenStart,
        configFetchCalled: m.configFetchCalled,
        configResponseEnd: visit.config?.responseEnd,
        configText: m.configText,
        configMs: diff(m.configText, m.configFetchCalled),
        domContentLoaded: visit.nav?.domContentLoaded,
        bannerInserted: m.bannerInserted,
        setupMs: diff(m.bannerInserted, m.configText),
        idbOpenEnd: m.idbOpenEnd,
        idbGetEnd: m.idbGetEnd,
        idbMs: diff(m.idbGetEnd, m.idbOpenStart),
        ready: m.ready,
        renderMs: diff(m.bannerDom, m.ready),
        frameWaitMs: diff(m.bannerFrame, m.bannerDom),
        load: visit.nav?.load,
      },
      release: {
        clickToAnalytics: diff(released.analyticsRanAt, released.marks.click),
        clickToIdbCommitted: diff(released.marks.idbPutCommitted, released.marks.click),
        clickToGtagRequest: diff(released.gtag?.start, released.marks.click),
        gtagFetchMs: diff(released.gtag?.responseEnd, released.gtag?.start),
      },
      returning: {
        analyticsRanAt: returning.analyticsRanAt,
        ready: returning.marks.ready,
        fcp: returning.marks.fcp,
        widgetExecuted: returning.marks.widgetExecuted,
        configText: returning.marks.configText,
        idbGetEnd: returning.marks.idbGetEnd,
        gtagRequest: returning.gtag?.start,
        gtagResponseEnd: returning.gtag?.responseEnd,
        gtagWaitMs: diff(returning.analyticsRanAt, returning.gtag?.responseEnd),
        videoFrameRequest: returning.videoFrame?.start,
        domContentLoaded: returning.nav?.domContentLoaded,
        cls: returning.cls,
      },
    };
  } finally {
    await context.close();
  }
}

/** A reference page: no widget (tagged scripts inert), or untagged Google tag. */
async function runReference(browser, url, kind, rate) {
  const context = await browser.newContext();
  try {
    await context.addInitScript(PROBE);
    const tab = await openPage(context, rate);
    const {page, cdp} = tab;
    await page.goto(url, {waitUntil: 'load', timeout: RUN_TIMEOUT});
    await waitFor(tab, kind === 'untagged'
      ? () => window.__bench.marks.fcp !== undefined && window.__samtyckeDemo?.analyticsRanAt !== undefined
      : () => window.__bench.marks.fcp !== undefined, 'first contentful paint');
    // Give the page the same settling a widget run gets (its banner frame comes after load).
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const visit = await page.evaluate(() => window.__bench.collect());
    const metrics = await cdpMetrics(cdp);
    if (kind === 'no-widget' && visit.analyticsRuns) throw new Error('a tagged script ran without the widget');
    const lt = sumLongTasks(visit.longTasks);
    return {fcp: visit.marks.fcp, cls: visit.cls, longTasks: lt.count, longTaskMs: lt.totalMs, ...metrics,
      load: visit.nav?.load, analyticsRanAt: visit.analyticsRanAt ?? undefined};
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics and output

/** Linear-interpolation quantile (numpy's default) of finite values. */
function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

function summarize(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  return {n: v.length, median: quantile(v, 0.5), p90: quantile(v, 0.9), min: v[0] ?? NaN, max: v.at(-1) ?? NaN, mean: v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN};
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

const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

// ---------------------------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(BUNDLE)) {
    console.error('dist/samtycke.js is missing: run `npm run bench` (builds first) or `npx rollup -c --silent`.');
    process.exit(1);
  }

  const source = readFileSync(BUNDLE);
  const bytes = {
    raw: source.length,
    gzip: gzipSync(source, {level: 9}).length,
    brotli: brotliCompressSync(source, {params: {
      [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
      [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
      [zlibConstants.BROTLI_PARAM_SIZE_HINT]: source.length,
    }}).length,
  };

  const git = (...args) => {
    try {
      return execFileSync('git', args, {cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim();
    } catch {
      return null;
    }
  };
  const build = {sha256: createHash('sha256').update(source).digest('hex'), commit: git('rev-parse', 'HEAD'),
    dirty: git('status', '--porcelain', '--', 'src', 'locales', 'schema', 'rollup.config.mjs', 'package.json')?.length > 0};

  const serverRoot = makeServerRoot();
  const server = await startServer({port: 0, root: serverRoot});
  const browser = await chromium.launch(launchOptions());
  const browserVersion = browser.version();
  const started = Date.now();
  const loadBefore = os.loadavg()[0];
  const random = mulberry32(options.seed);

  const variants = RATES.flatMap((rate) => ['widget', 'inline', 'no-widget', 'untagged'].map((kind) => ({kind, rate})));
  const key = ({kind, rate}) => `${kind}@${rate}x`;
  const samples = Object.fromEntries(variants.map((v) => [key(v), []]));
  const failures = [];
  const iterations = options.warmup + options.runs;

  try {
    for (let i = 0; i < iterations; i++) {
      const warm = i < options.warmup;
      process.stderr.write(`${warm ? 'warm-up' : 'run'} ${warm ? i + 1 : i - options.warmup + 1}/${warm ? options.warmup : options.runs}\r`);
      for (const variant of shuffle(variants, random)) {
        const t0 = performance.now();
        try {
          const result = variant.kind === 'widget' || variant.kind === 'inline'
            ? await runWidget(browser, variant.kind === 'inline' ? `${server.url}__bench/inline.html` : server.url, variant.rate)
            : await runReference(browser, `${server.url}__bench/${variant.kind}.html`, variant.kind, variant.rate);
          if (!warm) samples[key(variant)].push({iteration: i - options.warmup, wallMs: Math.round(performance.now() - t0), ...result});
        } catch (error) {
          const message = String(error.message ?? error).split('\n')[0];
          failures.push({iteration: i - options.warmup, variant: key(variant), error: message});
          process.stderr.write(`\n${key(variant)} failed: ${message}\n`);
          const recent = failures.filter((f) => f.variant === key(variant) && f.iteration > i - options.warmup - 3);
          if (warm || recent.length >= 3) throw new Error(`bench: ${key(variant)} fails (${message}); stopping. Is dist/samtycke.js built and working?`);
        }
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.close().catch(() => undefined);
    rmSync(serverRoot, {recursive: true, force: true});
  }
  process.stderr.write('\n');
  const seconds = (Date.now() - started) / 1000;
  const load = {before: loadBefore, after: os.loadavg()[0], cpus: os.cpus().length};
  const busy = Math.max(load.before, load.after) > load.cpus;

  // Per-rate summaries. Paired differences use the widget and reference runs of one iteration.
  const pick = (list, fn) => list.map(fn);
  const paired = (a, b, fn) => {
    const byIteration = new Map(b.map((s) => [s.iteration, s]));
    return a.filter((s) => byIteration.has(s.iteration)).map((s) => fn(s) - fn(byIteration.get(s.iteration)));
  };
  const summary = {};
  for (const rate of RATES) {
    const w = samples[`widget@${rate}x`];
    const nw = samples[`no-widget@${rate}x`];
    const un = samples[`untagged@${rate}x`];
    const il = samples[`inline@${rate}x`];
    const first = (k) => summarize(pick(w, (s) => s.first[k]));
    summary[`${rate}x`] = {
      firstVisit: Object.fromEntries(Object.keys(w[0]?.first ?? {}).map((k) => [k, first(k)])),
      release: Object.fromEntries(Object.keys(w[0]?.release ?? {}).map((k) => [k, summarize(pick(w, (s) => s.release[k]))])),
      returning: Object.fromEntries(Object.keys(w[0]?.returning ?? {}).map((k) => [k, summarize(pick(w, (s) => s.returning[k]))])),
      noWidget: Object.fromEntries(['fcp', 'cls', 'longTasks', 'longTaskMs', 'scriptMs', 'taskMs', 'load'].map((k) => [k, summarize(pick(nw, (s) => s[k]))])),
      untagged: {analyticsRanAt: summarize(pick(un, (s) => s.analyticsRanAt)), fcp: summarize(pick(un, (s) => s.fcp))},
      inline: {
        bannerVisible: summarize(pick(il, (s) => s.first.bannerVisible)),
        clickToAnalytics: summarize(pick(il, (s) => s.release.clickToAnalytics)),
        returningAnalytics: summarize(pick(il, (s) => s.returning.analyticsRanAt)),
        returningDelay: summarize(paired(il, un, (s) => s.returning?.analyticsRanAt ?? s.analyticsRanAt)),
      },
      pairedDelta: {
        fcp: summarize(paired(w, nw, (s) => s.first?.fcp ?? s.fcp)),
        scriptMs: summarize(paired(w, nw, (s) => s.first?.scriptMs ?? s.scriptMs)),
        taskMs: summarize(paired(w, nw, (s) => s.first?.taskMs ?? s.taskMs)),
        returningAnalytics: summarize(paired(w, un, (s) => s.returning?.analyticsRanAt ?? s.analyticsRanAt)),
      },
    };
  }

  // Markdown.
  const out = [];
  out.push(`## Samtycke benchmark`, '');
  const buildLabel = build.commit ? `commit ${build.commit.slice(0, 7)}${build.dirty ? ' + uncommitted changes' : ''}` : 'no git commit';
  out.push(`dist/samtycke.js sha256 ${build.sha256.slice(0, 12)} (${buildLabel}). ` +
    `Chromium ${browserVersion}, ${os.cpus().length}× ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}. ` +
    `${options.runs} runs per variant (+${options.warmup} warm-up), interleaved; ${seconds.toFixed(0)} s.` +
    (failures.length ? ` **${failures.length} run(s) failed** (see JSON).` : ''), '');
  if (busy) {
    out.push(`> **Busy machine:** 1-minute load average ${load.before.toFixed(1)} before, ${load.after.toFixed(1)} after, on ${load.cpus} CPUs. ` +
      'Other processes competed for the CPU, so the spread (p90, max) is wider than the widget alone explains; compare medians, and rerun on a quiet machine.', '');
  }
  out.push('| dist/samtycke.js | bytes |', '|---|---:|');
  out.push(`| raw | ${bytes.raw} (${kib(bytes.raw)}) |`, `| gzip -9 | ${bytes.gzip} (${kib(bytes.gzip)}) |`, `| brotli q11 | ${bytes.brotli} (${kib(bytes.brotli)}) |`, '');

  const head = ['Metric', ...RATES.flatMap((r) => [`${r}× median`, `${r}× p90`, `${r}× min–max`])];
  out.push(`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i ? '---:' : '---')).join('|')}|`);
  const row = (label, get, digits = 1) => {
    const cells = RATES.flatMap((r) => {
      const s = get(summary[`${r}x`]);
      return s && s.n ? [fmt(s.median, digits), fmt(s.p90, digits), `${fmt(s.min, digits)}–${fmt(s.max, digits)}`] : ['–', '–', '–'];
    });
    out.push(`| ${label} | ${cells.join(' | ')} |`);
  };
  const section = (label) => out.push(`| **${label}** |${' |'.repeat(head.length - 1)}`);

  section('First visit (fresh context, empty IndexedDB), ms from navigation start');
  row('Banner visible (first rAF callback that sees the box)', (s) => s.firstVisit.bannerVisible);
  row('FCP with widget', (s) => s.firstVisit.fcp);
  row('FCP without widget (reference)', (s) => s.noWidget.fcp);
  row('FCP delta, paired (widget − reference)', (s) => s.pairedDelta.fcp);
  row('CLS with widget', (s) => s.firstVisit.cls, 4);
  row('Long tasks until banner (count)', (s) => s.firstVisit.longTasks, 0);
  row('Long tasks until banner (total ms)', (s) => s.firstVisit.longTaskMs);
  row('Long tasks without widget (total ms)', (s) => s.noWidget.longTaskMs);
  row('CDP ScriptDuration, page-wide, with widget', (s) => s.firstVisit.scriptMs);
  row('CDP ScriptDuration without widget', (s) => s.noWidget.scriptMs);
  row('ScriptDuration delta, paired (≈ samtycke.js)', (s) => s.pairedDelta.scriptMs);
  row('CDP TaskDuration delta, paired', (s) => s.pairedDelta.taskMs);
  section('First visit: where the time goes (ms from navigation start unless "↳ … ms")');
  row('HTML response end', (s) => s.firstVisit.documentResponseEnd);
  row('samtycke.js response end', (s) => s.firstVisit.widgetResponseEnd);
  row('samtycke.js executed (its script load event)', (s) => s.firstVisit.widgetExecuted);
  row('↳ parse + compile + run, ms', (s) => s.firstVisit.widgetExecMs);
  row('IndexedDB open called', (s) => s.firstVisit.idbOpenStart);
  row('config fetch() called', (s) => s.firstVisit.configFetchCalled);
  row('config response end (Resource Timing)', (s) => s.firstVisit.configResponseEnd);
  row('config body read (fetch().text() resolved)', (s) => s.firstVisit.configText);
  row('↳ config fetch → body, ms', (s) => s.firstVisit.configMs);
  row('DOMContentLoaded', (s) => s.firstVisit.domContentLoaded);
  row('banner element inserted', (s) => s.firstVisit.bannerInserted);
  row('↳ config body → inserted (JSON parse, validation, set-up), ms', (s) => s.firstVisit.setupMs);
  row('IndexedDB opened (new database)', (s) => s.firstVisit.idbOpenEnd);
  row('IndexedDB read done', (s) => s.firstVisit.idbGetEnd);
  row('↳ IndexedDB open + read, ms', (s) => s.firstVisit.idbMs);
  row('samtycke-ready', (s) => s.firstVisit.ready);
  row('banner rendered and laid out (MutationObserver)', (s) => s.firstVisit.bannerDom);
  row('↳ rendered − ready, ms (negative: rendered before the event)', (s) => s.firstVisit.renderMs);
  row('banner visible (rAF)', (s) => s.firstVisit.bannerVisible);
  row('↳ rendered → frame, ms', (s) => s.firstVisit.frameWaitMs);
  row('load event', (s) => s.firstVisit.load);
  section('Release: click "Acceptera alla" → gtag.js runs (ms)');
  row('Click → gtag.js stand-in ran', (s) => s.release.clickToAnalytics);
  row('↳ click → decision committed to IndexedDB', (s) => s.release.clickToIdbCommitted);
  row('↳ click → gtag.js requested', (s) => s.release.clickToGtagRequest);
  row('↳ gtag.js fetch', (s) => s.release.gtagFetchMs);
  section('Returning visitor (decided: accept all), ms from navigation start');
  row('gtag.js stand-in ran (first released script)', (s) => s.returning.analyticsRanAt);
  row('samtycke-ready', (s) => s.returning.ready);
  row('samtycke.js executed', (s) => s.returning.widgetExecuted);
  row('config body read', (s) => s.returning.configText);
  row('IndexedDB read done', (s) => s.returning.idbGetEnd);
  row('DOMContentLoaded', (s) => s.returning.domContentLoaded);
  row('gtag.js requested', (s) => s.returning.gtagRequest);
  row('↳ gtag.js response end → ran, ms', (s) => s.returning.gtagWaitMs);
  row('gtag.js without any consent layer (reference)', (s) => s.untagged.analyticsRanAt);
  row('Delay added, paired (widget − reference)', (s) => s.pairedDelta.returningAnalytics);
  section('Configuration inline (#samtycke-config, no config request), ms');
  row('First visit: banner visible', (s) => s.inline.bannerVisible);
  row('Click → gtag.js stand-in ran', (s) => s.inline.clickToAnalytics);
  row('Returning visitor: gtag.js stand-in ran', (s) => s.inline.returningAnalytics);
  row('Delay added, paired (inline − no consent layer)', (s) => s.inline.returningDelay);
  out.push('');
  out.push('Banner visible = performance.now() in the first requestAnimationFrame callback that finds the banner box with a size; ' +
    'that frame\'s paint shows it (the rAF timestamp itself is kept in the JSON but can precede the DOM change on a busy main thread). ' +
    'CDP durations are page-wide (all scripts/tasks of the page); the paired delta against the same page without samtycke.js ' +
    'approximates the widget\'s share. p90 is interpolated; "paired" = per-iteration difference, then summarized. ' +
    'Contexts are Playwright incognito contexts: IndexedDB is in memory, so disk-backed IndexedDB on real devices is slower.');
  console.log(out.join('\n'));

  mkdirSync(path.dirname(RESULTS), {recursive: true});
  writeFileSync(RESULTS, JSON.stringify({
    date: new Date().toISOString(),
    environment: {loadAverage: load, chromium: browserVersion, node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, platform: `${os.platform()} ${os.release()}`},
    options: {...options, rates: RATES, runTimeoutMs: RUN_TIMEOUT},
    durationSeconds: seconds,
    build,
    bytes,
    summary,
    failures,
    samples,
  }, null, 2) + '\n');
  console.error(`Wrote ${path.relative(process.cwd(), RESULTS) || RESULTS}`);
  if (failures.length && Object.values(samples).some((list) => list.length === 0)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(String(error?.message ?? '').startsWith('bench:') ? error.message : error);
  process.exit(1);
});
