/** The elements of the privacy chunk: a page with one of them gets it loaded. */
export const PRIVACY_ELEMENTS = ['samtycke-privacy-policy', 'samtycke-cookie-declaration', 'samtycke-privacy-center'];

/**
 * Loads the privacy chunk once the page is parsed, when it contains the privacy policy, the
 * cookie declaration or the privacy center. Pages without them never download it.
 */
export function loadPrivacyElements(document: Document, load: () => Promise<{definePrivacyElements(view?: Window): Promise<void>}>): void {
  const define = () => {
    if (!document.querySelector(PRIVACY_ELEMENTS.join(','))) return;
    load().then((chunk) => chunk.definePrivacyElements(document.defaultView!))
      .catch((error: unknown) => console.error('Samtycke could not load the privacy policy, cookie declaration or privacy center.', error));
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', define, {once: true});
  else define();
}
