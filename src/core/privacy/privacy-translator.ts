import {createTranslator, type LocaleData, type Translator} from '../i18n/translator.js';

export interface PrivacyTranslatorOptions {
  /** The privacy locales by language (`locales/privacy/*.json`); `en` is the last fallback. */
  readonly locales: Readonly<Record<string, LocaleData>>;
  /** The shop's overrides by language (config `texts`). */
  readonly overrides?: Readonly<Record<string, LocaleData>>;
  readonly defaultLanguage?: string;
}

/**
 * The translator of the privacy bundle: `privacy.*` keys from the privacy locales (which only
 * this bundle carries), every other key (category titles, durations) from the widget's
 * translator, in the widget's language, so the policy and the banner always speak alike.
 */
export function createPrivacyTranslator(widget: Translator, {locales, overrides, defaultLanguage}: PrivacyTranslatorOptions): Translator {
  const own = createTranslator({language: widget.language, locales, overrides, defaultLanguage});
  const pick = (key: string) => (key.startsWith('privacy.') ? own : widget);
  return {
    language: widget.language,
    t: (key, params) => pick(key).t(key, params),
    plural: (key, count, params) => pick(key).plural(key, count, params),
    localized: widget.localized,
    duration: widget.duration,
  };
}
