import en from '../locales/en.json';
import sv from '../locales/sv.json';
import {
  ConfigLoadError, createConsentManager, createIdbStore, createLocalStorageMirror, createTranslator, loadConfig, reportProblems, resolveLanguage,
  SamtyckeChangeEvent, SamtyckeReadyEvent, SamtyckeWithdrawEvent, validateConfig,
  type ConsentChoices, type ConsentManager, type ConsentState, type ConsentStore, type DecisionOptions, type LocaleData,
  type SamtyckeEventMap,
} from './core/index.js';
// Imported for their effect: each defines its element.
import './ui/banner/samtycke-banner.js';
import './ui/preferences/samtycke-preferences.js';
import './ui/settings-button/samtycke-settings-button.js';
import type {SamtyckeBanner} from './ui/banner/samtycke-banner.js';
import type {SamtyckePreferences} from './ui/preferences/samtycke-preferences.js';

/** Locales bundled with the widget; others fall back to English unless the config has texts. */
export const LOCALES: Readonly<Record<string, LocaleData>> = {en, sv};

/** The public API, also installed as `window.samtycke`. */
export interface Samtycke {
  /** Resolves once the stored decision is read and allowed elements are released. Never rejects. */
  readonly ready: Promise<ConsentState>;
  /** The consent in force: an immutable snapshot. */
  readonly state: ConsentState;
  /** Whether a category (and a service in it) is allowed now. `false` until a decision. */
  isAllowed(category: string, service?: string): boolean;
  acceptAll(): Promise<ConsentState>;
  rejectAll(): Promise<ConsentState>;
  /** `save({analytics: true}, {services: {'meta-pixel': false}})`; categories left out are refused. */
  save(choices: ConsentChoices, options?: DecisionOptions): Promise<ConsentState>;
  withdraw(): Promise<ConsentState>;
  /** Shows the banner again. */
  showBanner(): void;
  /** Opens the preferences dialog. */
  showPreferences(): void;
  /** Subscribes to `samtycke-ready`, `samtycke-change` or `samtycke-withdraw`; returns an unsubscribe function. */
  on<K extends keyof SamtyckeEventMap>(type: K, handler: (event: SamtyckeEventMap[K]) => void): () => void;
}

export interface StartOptions {
  readonly document?: Document;
  /** URL of the configuration; ignored when the page has an inline `#samtycke-config`. */
  readonly configUrl?: string | null;
  /** Consent storage. Default: IndexedDB. */
  readonly store?: ConsentStore;
}

const placeholderState = (status: 'loading' | 'unavailable'): ConsentState =>
  Object.freeze({status, reason: null, categories: {necessary: true}, services: {}, record: null, persisted: false});
/** The state while the configuration loads. */
const LOADING = placeholderState('loading');
/** The state of a widget whose configuration failed: nothing but `necessary` is ever allowed. */
const UNAVAILABLE = placeholderState('unavailable');

/** The shop's own controls that open the preferences. */
const SETTINGS_LINK = '[data-samtycke="preferences"]';

/** Marks the installed API. */
const INSTALLED = Symbol.for('samtycke');

/** Resolves when `document.body` exists, without waiting for the whole page to parse. */
const whenBody = (document: Document): Promise<HTMLElement> =>
  new Promise((resolve) => {
    if (document.body) return resolve(document.body);
    const observer = new MutationObserver(() => {
      if (document.body) {
        observer.disconnect();
        resolve(document.body);
      }
    });
    observer.observe(document.documentElement, {childList: true});
  });

/**
 * Starts Samtycke on a page: reads the stored decision and the configuration at the same time,
 * validates the configuration, releases what is allowed, shows the banner when needed, and
 * installs `window.samtycke`. A configuration with any problem is reported in the console and
 * nothing tagged is released; the page keeps working.
 */
export function start({document = window.document, configUrl = null, store = createIdbStore()}: StartOptions = {}): Samtycke {
  const view = document.defaultView as Window;
  // A second copy (the script tag twice, or the tag and a bundle) would release scripts twice.
  // The mark tells our API from an element with id="samtycke", which browsers also expose as
  // window.samtycke.
  const running = view.samtycke as (Samtycke & {[INSTALLED]?: true}) | undefined;
  if (running?.[INSTALLED]) {
    console.warn('Samtycke is already running on this page; the second copy does nothing.');
    return running;
  }
  // IndexedDB is read while the configuration loads: a returning visitor's scripts then wait
  // for whichever is slower, not for both in turn.
  const early = store.get();
  early.catch(() => undefined);
  let primed = false;
  const primedStore: ConsentStore = {...store, get: () => (primed ? store.get() : ((primed = true), early))};

  const managerPromise: Promise<ConsentManager | null> = loadConfig({url: configUrl, document})
    .then(({name, json}) => {
      const {config, problems} = validateConfig(json, {referenceTexts: en});
      if (!config) {
        reportProblems(console, name, problems);
        return null;
      }
      const language = resolveLanguage({
        forced: config.language, page: document.documentElement.lang, browser: navigator.languages,
        supported: config.languages, fallback: config.defaultLanguage,
      });
      const translator = createTranslator({language, locales: LOCALES, overrides: config.texts, defaultLanguage: config.defaultLanguage});
      const manager = createConsentManager(config, {
        document, store: primedStore, mirror: createLocalStorageMirror(() => view.localStorage), channel: 'samtycke',
        // The record names the language the visitor actually read.
        language: translator.language,
      });
      void mount(document, manager, translator);
      return manager;
    })
    .catch((error: unknown) => {
      if (error instanceof ConfigLoadError) reportProblems(console, error.source, [error.problem]);
      else console.error('Samtycke could not start; nothing tagged is released.', error);
      return null;
    });

  let manager: ConsentManager | null = null;
  let banner: SamtyckeBanner | undefined;
  let preferences: SamtyckePreferences | undefined;

  async function mount(doc: Document, m: ConsentManager, translator: ReturnType<typeof createTranslator>) {
    // Events go to the document too, where shop scripts listen without a reference to us.
    const forward = <K extends keyof SamtyckeEventMap>(type: K, copy: (e: SamtyckeEventMap[K]) => SamtyckeEventMap[K]) =>
      m.on(type, (event) => {
        const clone = copy(event);
        if (!doc.dispatchEvent(clone)) event.preventDefault();
      });
    forward('samtycke-ready', (e) => new SamtyckeReadyEvent(e.state));
    forward('samtycke-change', (e) => new SamtyckeChangeEvent(e.detail));
    forward('samtycke-withdraw', (e) => new SamtyckeWithdrawEvent(e.detail));

    banner = doc.createElement('samtycke-banner');
    preferences = doc.createElement('samtycke-preferences');
    const button = doc.createElement('samtycke-settings-button');
    for (const element of [banner, preferences, button]) {
      element.manager = m;
      element.translator = translator;
    }
    // Where focus goes when the control that opened the dialog is gone after a decision (the
    // banner's "Customize"): the floating button, else the page's own settings link.
    const fallback = () => (m.config.floatingButton ? button : doc.querySelector<HTMLElement>(SETTINGS_LINK) ?? undefined);
    doc.addEventListener('samtycke-preferences-request', (e) => void preferences!.show(e.opener, fallback()));
    doc.addEventListener('click', (e) => {
      const trigger = (e.target as Element | null)?.closest?.(SETTINGS_LINK);
      if (!trigger) return;
      e.preventDefault();
      void preferences!.show(trigger, fallback());
    });
    const body = await whenBody(doc);
    // First in the body, so keyboard and screen-reader users meet the banner before the page.
    body.prepend(banner, preferences, button);
  }

  let failed = false;
  void managerPromise.then((m) => {
    manager = m;
    failed = !m;
    // Listeners waiting for samtycke-ready learn that nothing will be allowed.
    if (failed) document.dispatchEvent(new SamtyckeReadyEvent(UNAVAILABLE));
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
    save: (choices, options) => decide((m) => m.save(choices, options)),
    withdraw: () => decide((m) => m.withdraw()),
    showBanner: () => void managerPromise.then(() => banner?.show()),
    showPreferences: () => void managerPromise.then(() => preferences?.show()),
    on: (type, handler) => {
      const listener = handler as EventListener;
      document.addEventListener(type, listener);
      return () => document.removeEventListener(type, listener);
    },
  };
  Object.defineProperty(api, INSTALLED, {value: true});
  view.samtycke = api;
  return api;
}

declare global {
  interface Window {
    /** The Samtycke API, installed by the script tag (or `start()`). */
    samtycke?: Samtycke;
  }
}
