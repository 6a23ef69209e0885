import {
  createTranslator, localeChain, localeFileFor, resolveLanguage, WIDGET_LANGUAGES,
  type LocaleData, type ResolvedConfig as Config, type Translator,
} from './core/index.js';
import type {LoadLocale} from './chunks.js';

/** The widget's texts: one locale file per visitor, fetched while the configuration loads. */
export interface WidgetTexts {
  /** Starts fetching the language this page most likely speaks, before the config says. */
  prefetch(document: Document): void;
  /** The language the visitor will read: the wanted one if we (or the shop's texts) have it, else English. */
  languageOf(config: Config, document: Document): string;
  /** The translator in the visitor's language; English when that file cannot be loaded. */
  translator(config: Config, document: Document): Promise<Translator>;
}

const SHIPPED: readonly string[] = WIDGET_LANGUAGES;

export function createWidgetTexts(load: LoadLocale): WidgetTexts {
  const files = new Map<string, Promise<LocaleData>>();
  const file = (tag: string) => {
    let data = files.get(tag);
    if (!data) {
      data = load(tag);
      data.catch(() => undefined);
      files.set(tag, data);
    }
    return data;
  };
  const wanted = (config: Config, document: Document) => resolveLanguage({
    forced: config.language, page: document.documentElement.lang, browser: document.defaultView?.navigator.languages ?? [],
    supported: config.languages, fallback: config.defaultLanguage,
  });
  const languageOf: WidgetTexts['languageOf'] = (config, document) =>
    localeChain(wanted(config, document)).find((tag) => SHIPPED.includes(tag) || config.texts[tag]) ?? 'en';
  return {
    prefetch(document) {
      const guess = resolveLanguage({page: document.documentElement.lang, browser: document.defaultView?.navigator.languages ?? [], supported: SHIPPED, fallback: 'en'});
      void file(localeFileFor(guess));
    },
    languageOf,
    async translator(config, document) {
      const language = languageOf(config, document);
      const tag = localeFileFor(language);
      let data: LocaleData;
      try {
        data = await file(tag);
      } catch (error) {
        if (tag === 'en') throw error;
        console.error(`Samtycke could not load its "${tag}" texts and shows English instead.`, error);
        return createTranslator({language: 'en', locales: {en: await file('en')}, overrides: config.texts, defaultLanguage: config.defaultLanguage});
      }
      // A language we do not ship (the shop wrote every text itself) falls back to English keys.
      const locales: Record<string, LocaleData> = {[tag]: data};
      if (tag !== language && tag === 'en') locales.en = data;
      return createTranslator({language, locales, overrides: config.texts, defaultLanguage: config.defaultLanguage});
    },
  };
}
