import {SETTINGS_LINK} from './chunks.js';
import type {ConsentManager, Translator} from './core/index.js';
// Imported for their effect: each defines its element.
import './ui/banner/samtycke-banner.js';
import './ui/settings-button/samtycke-settings-button.js';
import type {SamtyckeBanner} from './ui/banner/samtycke-banner.js';
import type {SamtyckePreferences} from './ui/preferences/samtycke-preferences.js';

/** The elements the widget puts on every page. */
export interface Mounted {
  readonly banner: SamtyckeBanner;
  /** Opens the preferences; focus returns to `opener`, or to the settings button when it is gone. */
  showPreferences(opener?: Element | null): Promise<void>;
}

export interface MountOptions {
  /** Defines `<samtycke-preferences>`: the dialog is loaded when a visitor first reaches for it. */
  readonly loadPreferences: () => Promise<unknown>;
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
 * Puts the banner and the settings button on the page and opens the preferences when the banner
 * or the button asks (the shop's `[data-samtycke="preferences"]` links go through `showPreferences`).
 * The dialog's code is fetched after the banner's first frame, or sooner when the visitor points
 * at or focuses the banner or a settings control: never in the way of the banner itself.
 */
export function mountUi(doc: Document, m: ConsentManager, translator: Translator, {loadPreferences}: MountOptions): Mounted {
  const banner = doc.createElement('samtycke-banner');
  const button = doc.createElement('samtycke-settings-button');
  for (const element of [banner, button]) {
    element.manager = m;
    element.translator = translator;
  }
  const body = whenBody(doc);
  // First in the body, so keyboard and screen-reader users meet the banner before the page.
  void body.then((b) => b.prepend(banner, button));

  let preferences: Promise<SamtyckePreferences> | undefined;
  const dialog = () =>
    (preferences ??= Promise.all([loadPreferences(), body]).then(() => {
      const element = doc.createElement('samtycke-preferences');
      element.manager = m;
      element.translator = translator;
      banner.after(element);
      return element;
    }));
  const warm = () => void dialog().catch(() => (preferences = undefined));
  // Also right after the banner's first frame, when it shows: a visitor who goes offline can
  // still open the dialog. A returning visitor's page loads it only when they reach for it.
  const view = doc.defaultView!;
  void body.then(() => view.requestAnimationFrame(() => view.setTimeout(() => m.state.status !== 'decided' && warm())));
  for (const element of [banner, button]) {
    element.addEventListener('pointerover', warm, {once: true});
    element.addEventListener('focusin', warm, {once: true});
  }
  const warmFromLink = (e: Event) => {
    if (!(e.target as Element | null)?.closest?.(SETTINGS_LINK)) return;
    doc.removeEventListener('pointerover', warmFromLink);
    doc.removeEventListener('focusin', warmFromLink);
    warm();
  };
  doc.addEventListener('pointerover', warmFromLink, {passive: true});
  doc.addEventListener('focusin', warmFromLink);

  // Where focus goes when the control that opened the dialog is gone after a decision (the
  // banner's "Customize"): the floating button, else the page's own settings link.
  const fallback = () => (m.config.floatingButton ? button : doc.querySelector<HTMLElement>(SETTINGS_LINK) ?? undefined);
  const showPreferences = (opener?: Element | null) =>
    dialog().then(
      (element) => element.show(opener ?? undefined, fallback()),
      (error: unknown) => {
        preferences = undefined;
        console.error('Samtycke could not load the preferences dialog.', error);
      },
    );
  doc.addEventListener('samtycke-preferences-request', (e) => void showPreferences(e.opener));
  return {banner, showPreferences};
}
