import {createTranslator, type LocaleData, type Problem, type Translator} from '../../core/index.js';
import en from '../../../locales/center/en.json';
import sv from '../../../locales/center/sv.json';

/** The privacy center's own texts; every other key (category titles, durations) is the widget's. */
const OWN = /^(center|rights)\./;
/** The center's texts by language: English (the reference) and Swedish built in, others added when loaded. */
export const CENTER_LOCALES: Record<string, LocaleData> = {en, sv};
const LOCALES = CENTER_LOCALES;
const placeholders = (text: string): string => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The shop's overrides of `center.*` and `rights.*` keys from the config's `texts`. The main
 * validator leaves these keys to the privacy bundle, so they are checked here: an unknown key or
 * one whose placeholders differ from English is left out, with a problem.
 */
function readOverrides(json: unknown, problems: Problem[]): Record<string, LocaleData> {
  const texts = isRecord(json) && isRecord(json.texts) ? json.texts : {};
  const overrides: Record<string, Record<string, string>> = {};
  for (const [language, entries] of Object.entries(texts)) {
    if (!isRecord(entries)) continue;
    for (const [key, text] of Object.entries(entries)) {
      if (!OWN.test(key)) continue;
      const path = `$.texts.${language}["${key}"]`;
      const reference = en[key as keyof typeof en];
      if (reference === undefined) problems.push({path, message: 'is not a text of the privacy center.', fix: 'use a key of locales/center/en.json.'});
      else if (typeof text !== 'string' || placeholders(text) !== placeholders(reference)) {
        problems.push({path, message: `must be text with the placeholders of the original ("${reference}").`, fix: 'keep every {placeholder} of the original.'});
      } else (overrides[language] ??= {})[key] = text;
    }
  }
  return overrides;
}

/**
 * The privacy center's translator: `center.*` and `rights.*` from `locales/center/` (only the
 * privacy bundle carries them) with the shop's overrides, in the widget's language; every other
 * key from the widget's translator, so the center and the banner always speak alike.
 */
export function createCenterTranslator(widget: Translator, json: unknown, defaultLanguage?: string): {translator: Translator; problems: Problem[]} {
  const problems: Problem[] = [];
  const own = createTranslator({language: widget.language, locales: LOCALES, overrides: readOverrides(json, problems), defaultLanguage});
  const pick = (key: string) => (OWN.test(key) ? own : widget);
  const translator: Translator = {
    language: widget.language,
    t: (key, params) => pick(key).t(key, params),
    plural: (key, count, params) => pick(key).plural(key, count, params),
    localized: widget.localized,
    duration: widget.duration,
  };
  return {translator, problems};
}

/** Texts before the widget's context arrives (loading, or the widget did not start): the page's language. */
export function pageTranslator(document: Document): Translator {
  return createTranslator({language: document.documentElement.lang || navigator.language || 'en', locales: LOCALES});
}
