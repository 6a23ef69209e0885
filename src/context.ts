import type {ConsentManager, ReceiptLog, Translator} from './core/index.js';

/**
 * What the running widget hands to the privacy bundle (policy, cookie declaration, privacy
 * center), which loads separately on the pages that show them. Reached through
 * `window.samtycke[CONTEXT]`; not part of the public API.
 */
export interface SamtyckeContext {
  readonly manager: ConsentManager;
  /** The banner's translator: the visitor's language and the shop's text overrides. */
  readonly translator: Translator;
  /** The configuration file as loaded, with the sections only the privacy bundle reads (`privacy`). */
  readonly json: unknown;
  /** Where the configuration came from, for error messages ("/samtycke.config.json"). */
  readonly source: string;
  /** This device's consent receipts. */
  readonly receipts: ReceiptLog;
  /**
   * Erases everything Samtycke keeps on this device (record, receipts, the decision cookie) and
   * the declared cookies and storage keys of every service; receipts still waiting for the
   * shop's endpoint are sent first. Afterwards the visitor is undecided and the banner shows.
   */
  forgetDevice(): Promise<void>;
  /** Everything Samtycke keeps in this browser, for the visitor's download. */
  exportData(): Promise<unknown>;
  /** Opens the preferences dialog; focus returns to `opener`. */
  showPreferences(opener?: Element | null): void;
}

/** The key of the context on `window.samtycke`: a promise, null when the widget did not start. */
export const CONTEXT = Symbol.for('samtycke.context');

/** The running widget's context; waits for the widget's ready event when it has not started yet. */
export function whenContext(view: Window = window): Promise<SamtyckeContext | null> {
  const read = () => (view.samtycke as unknown as Record<symbol, Promise<SamtyckeContext | null>> | undefined)?.[CONTEXT];
  const now = read();
  if (now) return now;
  return new Promise((resolve) => {
    const check = () => {
      const later = read();
      if (!later) return false;
      view.document.removeEventListener('samtycke-ready', check);
      resolve(later);
      return true;
    };
    if (!check()) view.document.addEventListener('samtycke-ready', check);
  });
}
