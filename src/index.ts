/**
 * Samtycke for bundlers: the same API the script tag installs as `window.samtycke`, through
 * `start()`, plus the core and the elements for custom set-ups. The parts the script tag loads
 * from its folder (banner, dialog, embeds, privacy pages, texts) are dynamic imports here: the
 * shop's bundler splits them as it splits its own code.
 */
import type {Chunks, LoadChunk, LoadLocale} from './chunks.js';
import type {LocaleData} from './core/index.js';
import {start as startWidget, type Samtycke, type StartOptions} from './start.js';

const CHUNKS: {readonly [K in keyof Chunks]: () => Promise<Chunks[K]>} = {
  ui: () => import('./mount.js'),
  preferences: () => import('./ui/preferences/samtycke-preferences.js'),
  embed: () => import('./ui/embed/watch-embeds.js'),
  outbox: () => import('./core/receipts/outbox.js'),
  debug: () => import('./core/debug/unknown-cookies.js'),
  privacy: () => import('./privacy.js'),
};

const json = (load: () => Promise<{default: unknown}>) => () => load().then((m) => m.default as LocaleData);
const LOCALE_FILES: Readonly<Record<string, () => Promise<LocaleData>>> = {
  en: json(() => import('../locales/en.json')), sv: json(() => import('../locales/sv.json')),
  nb: json(() => import('../locales/nb.json')), da: json(() => import('../locales/da.json')),
  fi: json(() => import('../locales/fi.json')), de: json(() => import('../locales/de.json')),
  fr: json(() => import('../locales/fr.json')), nl: json(() => import('../locales/nl.json')),
  es: json(() => import('../locales/es.json')), it: json(() => import('../locales/it.json')),
  pl: json(() => import('../locales/pl.json')),
};

/** Every part from the bundle, never from a folder. */
export const loadChunk: LoadChunk = (name) => CHUNKS[name]() as never;
export const loadLocale: LoadLocale = (tag) => (LOCALE_FILES[tag] ?? LOCALE_FILES.en)();

/** Starts Samtycke (see `window.samtycke`); the parts load from the bundle unless given. */
export const start = (options: StartOptions = {}): Samtycke => startWidget({loadChunk, loadLocale, ...options});
export type {Samtycke, StartOptions};
export * from './core/index.js';
export {SamtyckeBanner} from './ui/banner/samtycke-banner.js';
export {SamtyckePreferences} from './ui/preferences/samtycke-preferences.js';
export {SamtyckeSettingsButton} from './ui/settings-button/samtycke-settings-button.js';
export {SamtyckePreferencesRequestEvent} from './ui/preferences/preferences-request-event.js';
