import {localeFileFor, type LocaleData} from './core/index.js';
import {CENTER_LOCALES} from './ui/privacy-center/center-translator.js';
import {PRIVACY_LOCALES} from './ui/privacy-policy/privacy-texts.js';

type Load = () => Promise<{default: LocaleData}>;

/** The privacy pages' texts beyond the built-in English and Swedish: one chunk per language. */
const LANGUAGES: Readonly<Record<string, readonly [privacy: Load, center: Load]>> = {
  nb: [() => import('../locales/privacy/nb.json'), () => import('../locales/center/nb.json')],
  da: [() => import('../locales/privacy/da.json'), () => import('../locales/center/da.json')],
  fi: [() => import('../locales/privacy/fi.json'), () => import('../locales/center/fi.json')],
  de: [() => import('../locales/privacy/de.json'), () => import('../locales/center/de.json')],
  fr: [() => import('../locales/privacy/fr.json'), () => import('../locales/center/fr.json')],
  nl: [() => import('../locales/privacy/nl.json'), () => import('../locales/center/nl.json')],
  es: [() => import('../locales/privacy/es.json'), () => import('../locales/center/es.json')],
  it: [() => import('../locales/privacy/it.json'), () => import('../locales/center/it.json')],
  pl: [() => import('../locales/privacy/pl.json'), () => import('../locales/center/pl.json')],
};

/**
 * Adds the privacy policy's, the declaration's and the privacy center's texts in `language`
 * (`sv-FI` → Swedish, `nn` → Bokmål) before the elements render. A file that cannot be loaded
 * leaves English in its place, and says so.
 */
export async function loadPrivacyLanguage(language: string): Promise<void> {
  const tag = localeFileFor(language);
  const load = LANGUAGES[tag];
  if (!load || PRIVACY_LOCALES[tag]) return;
  try {
    const [privacy, center] = await Promise.all(load.map((file) => file()));
    PRIVACY_LOCALES[tag] = privacy.default;
    CENTER_LOCALES[tag] = center.default;
  } catch (error) {
    console.error(`Samtycke could not load the privacy pages' "${tag}" texts and shows them in English.`, error);
  }
}
