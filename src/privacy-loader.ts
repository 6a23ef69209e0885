/** The elements of the privacy bundle: a page with one of them gets the bundle loaded. */
export const PRIVACY_ELEMENTS = ['samtycke-privacy-policy', 'samtycke-cookie-declaration', 'samtycke-privacy-center'];

/** The privacy bundle's file, beside samtycke.js. */
export const PRIVACY_BUNDLE = 'samtycke-privacy.js';

/**
 * Loads `samtycke-privacy.js` from the widget's folder once the page is parsed, when it contains
 * the privacy policy, the cookie declaration or the privacy center and the bundle is not there
 * yet. Pages without them never download it. The script carries the widget's CSP nonce.
 */
export function loadPrivacyBundle(document: Document, assetsUrl: string | null): void {
  if (!assetsUrl) return;
  const load = () => {
    const view = document.defaultView;
    if (!document.querySelector(PRIVACY_ELEMENTS.join(',')) || PRIVACY_ELEMENTS.some((name) => view?.customElements.get(name))) return;
    const src = new URL(PRIVACY_BUNDLE, assetsUrl).href;
    if ([...document.scripts].some((s) => s.src === src)) return;
    const script = document.createElement('script');
    script.src = src;
    const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce || document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce;
    if (nonce) script.nonce = nonce;
    document.head.append(script);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', load, {once: true});
  else load();
}
