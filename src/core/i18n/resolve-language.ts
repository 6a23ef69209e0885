/** What the language choice is made from; every field is optional. */
export interface LanguageInputs {
  /** The configuration's `language`: wins when set. */
  readonly forced?: string | undefined;
  /** `<html lang>`. */
  readonly page?: string | null | undefined;
  /** `navigator.languages`. */
  readonly browser?: readonly string[];
  /** The configuration's `languages`. */
  readonly supported: readonly string[];
  /** The configuration's `defaultLanguage`. */
  readonly fallback: string;
}

/** Norwegian written as Nynorsk or plain "no" reads the Bokmål texts: the nearest ones we ship. */
const NEAREST: Readonly<Record<string, string>> = {nn: 'nb', no: 'nb'};

const primary = (tag: string): string => {
  try {
    return new Intl.Locale(tag).language;
  } catch {
    return tag.split('-')[0].toLowerCase();
  }
};

/**
 * Picks one of the shop's languages: forced by the config, else the page's `<html lang>`, else
 * the browser's languages in order, else the default. A region falls back to its language
 * (`sv-FI` → `sv`), a language to a supported regional variant (`sv` → `sv-FI`), and Nynorsk or
 * "no" to Bokmål.
 */
export function resolveLanguage({forced, page, browser = [], supported, fallback}: LanguageInputs): string {
  if (forced) return forced;
  for (const wanted of [page, ...browser]) {
    if (!wanted) continue;
    const exact = supported.find((tag) => tag.toLowerCase() === wanted.toLowerCase());
    const base = primary(wanted);
    const sameLanguage = exact ?? supported.find((tag) => primary(tag) === base) ?? supported.find((tag) => primary(tag) === NEAREST[base]);
    if (sameLanguage) return sameLanguage;
  }
  return fallback;
}

/** Languages whose texts ship with the widget (`locales/<tag>.json`); English is the reference. */
export const WIDGET_LANGUAGES = ['en', 'sv', 'nb', 'da', 'fi', 'de', 'fr', 'nl', 'es', 'it', 'pl'] as const;

/** The locales to look a text up in, most specific first: `sv-FI` → `sv` → `en`, `nn` → `nb` → `en`. */
export function localeChain(language: string): string[] {
  const base = primary(language);
  return [...new Set([language, base, NEAREST[base] ?? base, 'en'])];
}

/** The shipped locale file that serves `language` best: `sv-FI` → `sv`, `nn` → `nb`, `ja` → `en`. */
export function localeFileFor(language: string): string {
  return localeChain(language).find((tag) => (WIDGET_LANGUAGES as readonly string[]).includes(tag)) ?? 'en';
}
