import type {Duration, Localized} from '../types.js';
import {localeChain} from './resolve-language.js';

/** Flat locale data: `{"banner.title": "…"}`, with `{name}` placeholders. */
export type LocaleData = Readonly<Record<string, string>>;

/** Looks texts up in one language. */
export interface Translator {
  /** The language the texts are in (the wanted one, its base language, or English), for `lang`. */
  readonly language: string;
  /** The text of `key` with `{name}` placeholders filled; the key itself if no locale has it. */
  t(key: string, params?: Readonly<Record<string, string | number>>): string;
  /** `key.one`, `key.other`, … chosen by `Intl.PluralRules` for `count`, which fills `{count}`. */
  plural(key: string, count: number, params?: Readonly<Record<string, string | number>>): string;
  /** A shop text from the config in this language (or the default language's). */
  localized(value: Localized | undefined): string;
  /** A duration (`"13 months"`, `"session"`) in words. */
  duration(value: Duration): string;
}

export interface TranslatorOptions {
  readonly language: string;
  /** Locale data by language tag; `en` is the last fallback. */
  readonly locales: Readonly<Record<string, LocaleData>>;
  /** The shop's overrides by language (config `texts`); they win over the locales. */
  readonly overrides?: Readonly<Record<string, LocaleData>>;
  /** Language used for a shop text that lacks the current one. */
  readonly defaultLanguage?: string;
}

/** Creates a translator. Lookups never throw: a missing key shows as itself, so it is noticed. */
export function createTranslator({language: wanted, locales, overrides = {}, defaultLanguage = 'en'}: TranslatorOptions): Translator {
  // Without texts for the wanted language the widget speaks English, and says so in `lang`.
  const language = localeChain(wanted).find((tag) => locales[tag] || overrides[tag]) ?? 'en';
  const chain = localeChain(language);
  const sources = chain.flatMap((tag) => [overrides[tag], locales[tag]]).filter((s): s is LocaleData => !!s);
  const rules = new Intl.PluralRules(language);
  const fill = (text: string, params: Readonly<Record<string, string | number>> = {}) =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
  const lookup = (key: string): string | undefined => sources.find((s) => Object.hasOwn(s, key))?.[key];
  const t: Translator['t'] = (key, params) => fill(lookup(key) ?? key, params);
  return {
    language,
    t,
    plural: (key, count, params) =>
      fill(lookup(`${key}.${rules.select(count)}`) ?? lookup(`${key}.other`) ?? key, {count, ...params}),
    localized: (value) => {
      if (value === undefined || typeof value === 'string') return value ?? '';
      return [...chain, defaultLanguage, 'en'].map((tag) => value[tag]).find((v) => v !== undefined) ?? Object.values(value)[0] ?? '';
    },
    duration: (value) => {
      const match = /^(\d+) (minute|hour|day|week|month|year)s?$/.exec(value);
      if (!match) return t(`duration.${value}`);
      const count = Number(match[1]);
      // A locale may word a unit itself (Swedish days are "dagar", where Intl says "dygn"); only
      // the visitor's own language counts here, never the English fallback.
      const own = chain.filter((tag) => tag === language || !tag.startsWith('en')).flatMap((tag) => [overrides[tag], locales[tag]]);
      const worded = own.find((s) => s && Object.hasOwn(s, `duration.${match[2]}.${rules.select(count)}`))?.[`duration.${match[2]}.${rules.select(count)}`];
      return worded ? fill(worded, {count}) : new Intl.NumberFormat(language, {style: 'unit', unit: match[2], unitDisplay: 'long'}).format(count);
    },
  };
}
