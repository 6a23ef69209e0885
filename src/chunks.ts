import type {LocaleData} from './core/index.js';
import type * as Debug from './core/debug/unknown-cookies.js';
import type * as Outbox from './core/receipts/outbox.js';
import type * as Ui from './mount.js';
import type * as Privacy from './privacy.js';
import type * as Embed from './ui/embed/watch-embeds.js';

/**
 * The parts of the widget a page may never need, loaded when it does: the banner and settings
 * button (`ui`, with Lit), the preferences dialog, embed placeholders, the consent-log outbox,
 * the `data-debug` report and the privacy pages' elements. `samtycke.js` keeps only what must run before the page's own scripts.
 */
export interface Chunks {
  readonly ui: typeof Ui;
  /** Defines `<samtycke-preferences>`. */
  readonly preferences: unknown;
  readonly embed: typeof Embed;
  readonly outbox: typeof Outbox;
  readonly debug: typeof Debug;
  /** The privacy policy, cookie declaration and privacy center. */
  readonly privacy: typeof Privacy;
}

export type LoadChunk = <K extends keyof Chunks>(name: K) => Promise<Chunks[K]>;

/** The shop's own controls that open the preferences. */
export const SETTINGS_LINK = '[data-samtycke="preferences"]';

/** The widget's texts in one shipped language (`locales/<tag>.json`). */
export type LoadLocale = (tag: string) => Promise<LocaleData>;

/**
 * The shared chunks each part imports (Lit and the UI base for `ui`), written in by the build:
 * they are requested together with the part, not one round trip after it.
 */
const SHARED: Readonly<Record<string, readonly string[]>> = {};

/** Loads each part once, as an ES module from `chunks/<name>.js` beside samtycke.js. */
export function chunksFrom(base: string): LoadChunk {
  const loaded = new Map<string, Promise<unknown>>();
  return <K extends keyof Chunks>(name: K) => {
    if (!loaded.has(name)) {
      const url = (file: string) => new URL(`chunks/${file}`, base).href;
      for (const file of SHARED[name] ?? []) import(url(file)).catch(() => undefined);
      const module = import(url(`${name}.js`));
      // A failed load (offline for a moment) is tried again the next time it is needed.
      module.catch(() => loaded.delete(name));
      loaded.set(name, module);
    }
    return loaded.get(name) as Promise<Chunks[K]>;
  };
}

/** Fetches `locales/<tag>.json` beside samtycke.js; a failure names the file and the fix. */
export const localesFrom = (base: string): LoadLocale => async (tag) => {
  const url = new URL(`locales/${tag}.json`, base).href;
  const response = await fetch(url, {credentials: 'same-origin'});
  if (!response.ok) throw new Error(`${url} answered ${response.status}: upload the locales folder of dist/ beside samtycke.js`);
  return (await response.json()) as LocaleData;
};
