// The reference key set: the build keeps only its keys and placeholders (the texts are fetched).
import en from '../locales/en.json';
import {chunksFrom, localesFrom, SETTINGS_LINK, type Chunks, type LoadChunk, type LoadLocale} from './chunks.js';
import {CONTEXT, type SamtyckeContext} from './context.js';
import {
  ConfigLoadError, connectSignals, createConsentManager, createCookieMirror, createIdbStore, loadConfig,
  readDecisionCookie, reportProblems, SamtyckeChangeEvent, SamtyckeReadyEvent, SamtyckeWithdrawEvent, signalsFor, startSignals, validateConfig,
  type ConsentChoices, type ConsentManager, type ConsentState, type ConsentStore, type DecisionOptions, type EarlySignals,
  type AutoBlocker, type ConfigSource, type Problem, type SamtyckeEventMap,
} from './core/index.js';
import {resolveServices} from './catalogue-loader.js';
import type {Mounted} from './mount.js';
import {loadPrivacyElements} from './privacy-loader.js';
import {createProof} from './proof.js';
import {createWidgetTexts} from './widget-texts.js';

/** The public API, also installed as `window.samtycke`. */
export interface Samtycke {
  /** Resolves once the stored decision is read and allowed elements are released. Never rejects. */
  readonly ready: Promise<ConsentState>;
  /** The consent in force: an immutable snapshot. */
  readonly state: ConsentState;
  /** Whether a category (or, when given, a service) is allowed now. `false` until a decision. */
  isAllowed(category: string, service?: string): boolean;
  acceptAll(): Promise<ConsentState>;
  rejectAll(): Promise<ConsentState>;
  /** `save({analytics: true}, {services: {'meta-pixel': false}})`; categories left out are refused. */
  save(choices: ConsentChoices, options?: DecisionOptions): Promise<ConsentState>;
  withdraw(): Promise<ConsentState>;
  /** Allows one service on its own, leaving every other choice as it is. */
  allowService(id: string): Promise<ConsentState>;
  /** Shows the banner again. */
  showBanner(): void;
  /** Opens the preferences dialog. */
  showPreferences(): void;
  /** Subscribes to `samtycke-ready`, `samtycke-change` or `samtycke-withdraw`; returns an unsubscribe function. */
  on<K extends keyof SamtyckeEventMap>(type: K, handler: (event: SamtyckeEventMap[K]) => void): () => void;
}

/** What a blocker of untagged trackers, started before the config, needs to hear once it is read. */
export type EarlyBlocker = Pick<AutoBlocker, 'configure'>;

export interface StartOptions {
  readonly document?: Document;
  /** URL of the configuration; ignored when the page has an inline `#samtycke-config`. */
  readonly configUrl?: string | null;
  /** Consent storage. Default: IndexedDB. */
  readonly store?: ConsentStore;
  /** The folder of samtycke.js: the service catalogue (`catalogue/<id>.json`) and the privacy bundle are read from there. */
  readonly assetsUrl?: string | null;
  /** Consent Mode default, cookie update and vendor traps, when the script tag already started them. */
  readonly early?: EarlySignals;
  /** The automatic blocker the script tag installed before the page's scripts. */
  readonly blocker?: EarlyBlocker | null;
  /** Report cookies and storage keys no declared service explains (`data-debug`). */
  readonly debug?: boolean;
  /** The inline configuration, when the script tag already read it (it is parsed once). */
  readonly inline?: ConfigSource | null;
  /** Loads the parts a page may not need (banner, dialog, embeds, …). Default: `chunks/` in `assetsUrl`. */
  readonly loadChunk?: LoadChunk;
  /** Loads one shipped language's texts. Default: `locales/<tag>.json` in `assetsUrl`. */
  readonly loadLocale?: LoadLocale;
  /** samtycke.js's CSP nonce: blocked inline scripts must carry it to be released. */
  readonly nonce?: string;
}

/** What a start without `assetsUrl` or loaders says when it needs a file it cannot find. */
const nowhere = (what: string) => () => Promise.reject(new Error(`Samtycke does not know where its ${what} are: pass assetsUrl (the folder of samtycke.js) to start().`));

const placeholderState = (status: 'loading' | 'unavailable'): ConsentState =>
  Object.freeze({status, reason: null, categories: {necessary: true}, services: {}, record: null, persisted: false});
/** The state while the configuration loads. */
const LOADING = placeholderState('loading');
/** The state of a widget whose configuration failed: nothing but `necessary` is ever allowed. */
const UNAVAILABLE = placeholderState('unavailable');

/** Marks the installed API. */
export const INSTALLED = Symbol.for('samtycke');

/** Google's own tags: in Consent Mode "advanced" they load at once, limited by Consent Mode alone. */
const GOOGLE_TAGS = ['ga4', 'google-ads', 'google-tag-manager'];

/** Whether the browser sends Global Privacy Control. */
export const gpcSent = (view: Window): boolean => (view.navigator as Navigator & {globalPrivacyControl?: boolean}).globalPrivacyControl === true;

/**
 * Starts Samtycke on a page: reads the stored decision and the configuration at the same time,
 * validates the configuration, releases what is allowed, shows the banner when needed, and
 * installs `window.samtycke`. A configuration with any problem is reported in the console and
 * nothing tagged is released; the page keeps working.
 */
export function start(options: StartOptions = {}): Samtycke {
  const {document = window.document, configUrl = null, store = createIdbStore(), assetsUrl = null, blocker = null, debug = false} = options;
  const view = document.defaultView as Window;
  // A second copy (the script tag twice, or the tag and a bundle) would release scripts twice.
  // The mark tells our API from an element with id="samtycke", which browsers also expose as
  // window.samtycke.
  const running = view.samtycke as (Samtycke & {[INSTALLED]?: true}) | undefined;
  if (running?.[INSTALLED]) {
    console.warn('Samtycke is already running on this page; the second copy does nothing.');
    return running;
  }
  const early = options.early ?? startSignals(view, {cookie: readDecisionCookie(document.cookie), now: Date.now(), gpc: gpcSent(view), revision: null, consentMode: true});
  // IndexedDB is read while the configuration loads: a returning visitor's scripts then wait
  // for whichever is slower, not for both in turn.
  const firstRead = store.get();
  firstRead.catch(() => undefined);
  let primed = false;
  const primedStore: ConsentStore = {...store, get: () => (primed ? store.get() : ((primed = true), firstRead))};

  const loadChunk: LoadChunk = options.loadChunk ?? (assetsUrl ? chunksFrom(assetsUrl) : nowhere('files'));
  const texts = createWidgetTexts(options.loadLocale ?? (assetsUrl ? localesFrom(assetsUrl) : nowhere('texts')));
  // A first visit needs the banner, and its texts: fetch both alongside the config.
  if (!readDecisionCookie(document.cookie)) {
    texts.prefetch(document);
    loadChunk('ui').catch(() => undefined);
  }
  let mounted: Promise<Mounted> | undefined;
  let uiReady: (() => Promise<Mounted>) | undefined;
  // The shop's own "Cookie settings" links work before the UI is loaded.
  document.addEventListener('click', (e) => {
    const trigger = (e.target as Element | null)?.closest?.(SETTINGS_LINK);
    if (!trigger) return;
    e.preventDefault();
    void managerPromise.then(() => uiReady?.()).then((m) => m?.showPreferences(trigger));
  });
  let resolveContext: (context: SamtyckeContext | null) => void = () => undefined;
  const context = new Promise<SamtyckeContext | null>((resolve) => (resolveContext = resolve));

  const fail = (source: string, problems: readonly Problem[]) => {
    reportProblems(console, source, problems);
    // The automatic blocker keeps holding what it holds: nothing is released without a consent.
    return null;
  };

  const managerPromise: Promise<ConsentManager | null> = (options.inline ? Promise.resolve(options.inline) : loadConfig({url: configUrl, document}))
    .then(async ({name, json}) => {
      const resolved = await resolveServices(json, assetsUrl);
      if (resolved.problems.length) return fail(name, resolved.problems);
      const {config, problems} = validateConfig(resolved.json, {referenceTexts: en});
      if (!config) return fail(name, problems);
      const language = texts.languageOf(config, document);
      const translator = texts.translator(config, document);
      translator.catch((error: unknown) => console.error('Samtycke could not load its texts: the banner cannot show, and nothing tagged is released without a consent.', error));
      const keys = [...Object.keys(en), ...Object.keys(config.texts[language] ?? {})];
      const proof = createProof({document, json, keys, translator, endpoint: config.consentLog?.endpoint ?? null, loadOutbox: () => loadChunk('outbox')});
      const consentMode = config.consentMode;
      const declared = new Set(config.services.map((s) => s.id));
      const exempt = consentMode?.mode === 'advanced' ? GOOGLE_TAGS.filter((id) => declared.has(id)) : [];
      if (exempt.length) {
        console.warn(`Samtycke: Consent Mode is "advanced", so ${exempt.join(', ')} load before consent and send cookieless pings to Google. Make sure your legal assessment covers this; "basic" (the default) holds them until consent.`);
      }
      // Before the manager's first pass, so held elements of allowed services go to the gate.
      let created: ConsentManager | undefined;
      blocker?.configure({services: config.services, exempt, enabled: config.autoBlock, isAllowed: (id) => created?.isAllowed('', id) ?? false});
      const manager = (created = createConsentManager(config, {
        document, store: primedStore, channel: 'samtycke',
        mirror: createCookieMirror(document, (record) => (consentMode ? signalsFor(record.categories, consentMode.mapping) : null)),
        // The record names the language the visitor actually read.
        language,
        gpc: new Set(gpcSent(view) ? config.gpcCategories : []),
        onRecord: (record) => proof.record(record),
        nonce: options.nonce,
      }));
      connectSignals(view, manager, consentMode, early);
      if (!consentMode && early.pushedDefault) {
        console.warn('Samtycke: "consentMode": false, but Consent Mode\'s default (everything denied) was pushed before the config was read, and no update will follow. Add data-consent-mode="off" to the samtycke.js script tag.');
      }
      // Shop scripts listen on the document, without a reference to us.
      forwardEvents(document, manager);
      const ui = () =>
        (mounted ??= Promise.all([loadChunk('ui'), translator]).then(([{mountUi}, t]) => mountUi(document, manager, t, {loadPreferences: () => loadChunk('preferences')})));
      uiReady = ui;
      // A returning visitor sees only the settings button: it can wait until the page has loaded.
      void manager.ready.then((state) => (state.status === 'decided' ? afterLoad(view, ui) : ui()).catch(() => undefined));
      // Blocked videos and maps get a placeholder that says what loading shares.
      if (config.services.some((s) => s.embed)) {
        void Promise.all([loadChunk('embed'), translator]).then(([{watchEmbeds}, t]) => watchEmbeds({document, manager, translator: t}))
          .catch((error: unknown) => console.error('Samtycke could not load the embed placeholders; blocked embeds stay blocked.', error));
      }
      void translator.then((t) => resolveContext({
        manager, translator: t, json, source: name, receipts: proof.receipts,
        forgetDevice: () => proof.forget(manager), exportData: () => proof.exportData(manager),
        showPreferences: (opener) => void ui().then((m) => m.showPreferences(opener)),
      }), () => resolveContext(null));
      loadPrivacyElements(document, () => loadChunk('privacy'));
      if (debug) void loadChunk('debug').then(({createUnknownDataReport}) => watchUnknownData(document, manager, createUnknownDataReport));
      return manager;
    })
    .catch((error: unknown) => {
      if (error instanceof ConfigLoadError) reportProblems(console, error.source, [error.problem]);
      else console.error('Samtycke could not start; nothing tagged is released.', error);
      return null;
    });

  let manager: ConsentManager | null = null;
  let failed = false;
  void managerPromise.then((m) => {
    manager = m;
    failed = !m;
    if (failed) {
      resolveContext(null);
      // Listeners waiting for samtycke-ready learn that nothing will be allowed.
      document.dispatchEvent(new SamtyckeReadyEvent(UNAVAILABLE));
    }
  });
  const ready = managerPromise.then((m) => (m ? m.ready : UNAVAILABLE));
  const decide = (run: (m: ConsentManager) => Promise<ConsentState>) =>
    managerPromise.then((m) => (m ? run(m) : UNAVAILABLE));

  const api: Samtycke = {
    ready,
    get state() {
      return manager?.state ?? (failed ? UNAVAILABLE : LOADING);
    },
    isAllowed: (category, service) => manager?.isAllowed(category, service) ?? false,
    acceptAll: () => decide((m) => m.acceptAll()),
    rejectAll: () => decide((m) => m.rejectAll()),
    save: (choices, decision) => decide((m) => m.save(choices, decision)),
    withdraw: () => decide((m) => m.withdraw()),
    allowService: (id) => decide((m) => m.allowService(id)),
    showBanner: () => void managerPromise.then(() => uiReady?.()).then((m) => m?.banner.show()),
    showPreferences: () => void managerPromise.then(() => uiReady?.()).then((m) => m?.showPreferences()),
    on: (type, handler) => {
      const listener = handler as EventListener;
      document.addEventListener(type, listener);
      return () => document.removeEventListener(type, listener);
    },
  };
  Object.defineProperty(api, INSTALLED, {value: true});
  Object.defineProperty(api, CONTEXT, {value: context});
  view.samtycke = api;
  return api;
}


/** Re-dispatches the manager's events on the document; a shop's `preventDefault()` reaches the manager. */
function forwardEvents(doc: Document, m: ConsentManager): void {
  const forward = <K extends keyof SamtyckeEventMap>(type: K, copy: (e: SamtyckeEventMap[K]) => SamtyckeEventMap[K]) =>
    m.on(type, (event) => {
      if (!doc.dispatchEvent(copy(event))) event.preventDefault();
    });
  forward('samtycke-ready', (e) => new SamtyckeReadyEvent(e.state));
  forward('samtycke-change', (e) => new SamtyckeChangeEvent(e.detail));
  forward('samtycke-withdraw', (e) => new SamtyckeWithdrawEvent(e.detail));
}

/** Runs `task` once the page has loaded and the main thread is idle. */
function afterLoad<T>(view: Window, task: () => Promise<T>): Promise<T> {
  return new Promise<void>((done) => {
    // Safari has no requestIdleCallback.
    const idle = () => (typeof view.requestIdleCallback === 'function' ? view.requestIdleCallback(() => done(), {timeout: 2_000}) : view.setTimeout(done, 1));
    if (view.document.readyState === 'complete') idle();
    else view.addEventListener('load', idle, {once: true});
  }).then(task);
}

/** `data-debug`: reports unexplained cookies once the page has loaded, and after each decision. */
function watchUnknownData(document: Document, manager: ConsentManager, createReport: Chunks['debug']['createUnknownDataReport']): void {
  const report = createReport(document, manager.config.services);
  // Trackers set their cookies a moment after they run.
  const soon = () => setTimeout(report, 2_000);
  if (document.readyState === 'complete') soon();
  else document.defaultView?.addEventListener('load', soon, {once: true});
  manager.on('samtycke-change', soon);
}

declare global {
  interface Window {
    /** The Samtycke API, installed by the script tag (or `start()`). */
    samtycke?: Samtycke;
  }
}
