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
 * (`sv-FI` → `sv`), and a language to a supported regional variant (`sv` → `sv-FI`).
 */
export function resolveLanguage({forced, page, browser = [], supported, fallback}: LanguageInputs): string {
  if (forced) return forced;
  for (const wanted of [page, ...browser]) {
    if (!wanted) continue;
    const exact = supported.find((tag) => tag.toLowerCase() === wanted.toLowerCase());
    const sameLanguage = exact ?? supported.find((tag) => primary(tag) === primary(wanted));
    if (sameLanguage) return sameLanguage;
  }
  return fallback;
}

/** The locales to look a text up in, most specific first: `sv-FI` → `sv` → `en`. */
export function localeChain(language: string): string[] {
  return [...new Set([language, primary(language), 'en'])];
}
