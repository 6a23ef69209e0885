import {SamtyckeChangeEvent, SamtyckeReadyEvent, SamtyckeWithdrawEvent, type ConsentManager, type SamtyckeEventMap, type Translator} from './core/index.js';
// Imported for their effect: each defines its element.
import './ui/banner/samtycke-banner.js';
import './ui/preferences/samtycke-preferences.js';
import './ui/settings-button/samtycke-settings-button.js';
import type {SamtyckeBanner} from './ui/banner/samtycke-banner.js';
import type {SamtyckePreferences} from './ui/preferences/samtycke-preferences.js';

/** The shop's own controls that open the preferences. */
export const SETTINGS_LINK = '[data-samtycke="preferences"]';

/** The elements the widget puts on every page. */
export interface Mounted {
  readonly banner: SamtyckeBanner;
  readonly preferences: SamtyckePreferences;
  /** Opens the preferences; focus returns to `opener`, or to the settings button when it is gone. */
  showPreferences(opener?: Element | null): void;
}

/** Resolves when `document.body` exists, without waiting for the whole page to parse. */
const whenBody = (document: Document): Promise<HTMLElement> =>
  new Promise((resolve) => {
    if (document.body) return resolve(document.body);
    const observer = new MutationObserver(() => {
      if (document.body) {
        observer.disconnect();
        resolve(document.body);
      }
    });
    observer.observe(document.documentElement, {childList: true});
  });

/**
 * Puts the banner, the preferences dialog and the settings button on the page, forwards the
 * manager's events to the document (where shop scripts listen without a reference to us), and
 * opens the preferences from the shop's `[data-samtycke="preferences"]` links.
 */
export function mountUi(doc: Document, m: ConsentManager, translator: Translator): Mounted {
  const forward = <K extends keyof SamtyckeEventMap>(type: K, copy: (e: SamtyckeEventMap[K]) => SamtyckeEventMap[K]) =>
    m.on(type, (event) => {
      const clone = copy(event);
      if (!doc.dispatchEvent(clone)) event.preventDefault();
    });
  forward('samtycke-ready', (e) => new SamtyckeReadyEvent(e.state));
  forward('samtycke-change', (e) => new SamtyckeChangeEvent(e.detail));
  forward('samtycke-withdraw', (e) => new SamtyckeWithdrawEvent(e.detail));

  const banner = doc.createElement('samtycke-banner');
  const preferences = doc.createElement('samtycke-preferences');
  const button = doc.createElement('samtycke-settings-button');
  for (const element of [banner, preferences, button]) {
    element.manager = m;
    element.translator = translator;
  }
  // Where focus goes when the control that opened the dialog is gone after a decision (the
  // banner's "Customize"): the floating button, else the page's own settings link.
  const fallback = () => (m.config.floatingButton ? button : doc.querySelector<HTMLElement>(SETTINGS_LINK) ?? undefined);
  const showPreferences = (opener?: Element | null) => void preferences.show(opener ?? undefined, fallback());
  doc.addEventListener('samtycke-preferences-request', (e) => showPreferences(e.opener));
  doc.addEventListener('click', (e) => {
    const trigger = (e.target as Element | null)?.closest?.(SETTINGS_LINK);
    if (!trigger) return;
    e.preventDefault();
    showPreferences(trigger);
  });
  // First in the body, so keyboard and screen-reader users meet the banner before the page.
  void whenBody(doc).then((body) => body.prepend(banner, preferences, button));
  return {banner, preferences, showPreferences};
}
