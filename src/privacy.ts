/**
 * The privacy elements (`chunks/privacy.js`): the privacy policy, the cookie declaration and the
 * privacy center. samtycke.js imports this chunk by itself on pages that contain one of them;
 * they work with the running widget's context. The visitor's language is loaded before the
 * elements are defined, so they render once, in that language.
 */
import {whenContext} from './context.js';
import {loadPrivacyLanguage} from './privacy-languages.js';

/** Loads the visitor's texts, then defines the three elements. */
export async function definePrivacyElements(view: Window = window): Promise<void> {
  const context = await whenContext(view);
  await loadPrivacyLanguage(context?.translator.language ?? (view.document.documentElement.lang || view.navigator.language));
  await Promise.all([
    import('./ui/privacy-policy/samtycke-privacy-policy.js'),
    import('./ui/cookie-declaration/samtycke-cookie-declaration.js'),
    import('./ui/privacy-center/samtycke-privacy-center.js'),
  ]);
}
