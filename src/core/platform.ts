import type {CookieJar} from './gating/tracker-cleanup.js';
import type {ConsentStore} from './storage/consent-store.js';
import type {DecisionMirror} from './storage/decision-mirror.js';
import type {ConsentRecord} from './types.js';

/** The platform the manager works on; every part has a real default except `document`. */
export interface Platform {
  readonly document: Document;
  /** Default: an in-memory store (the script-tag entry passes IndexedDB). */
  readonly store?: ConsentStore;
  /** Synchronous copy of the decision for a fast start. Default: none (the script tag uses localStorage). */
  readonly mirror?: DecisionMirror;
  /** Default: the document's cookies. */
  readonly cookies?: CookieJar;
  /** Default: `Date.now`. */
  readonly now?: () => number;
  /** Name of the BroadcastChannel that keeps tabs in sync; `null` for none. Default `null`. */
  readonly channel?: string | null;
  /** Called to reload the page after a withdrawal. Default: `location.reload()`. */
  readonly reload?: () => void;
  /** The language the visitor sees the texts in, stored with the decision. Default: `en`. */
  readonly language?: string;
  /** Where problems are told. Default: `console`. */
  readonly console?: Pick<Console, 'error' | 'warn' | 'groupCollapsed' | 'groupEnd'>;
  /**
   * Categories Global Privacy Control covers, when the browser sends it and the shop honours it
   * (marketing, by default). Empty: no GPC. Default: empty.
   */
  readonly gpc?: ReadonlySet<string>;
  /**
   * Told every record this tab writes: the proof-of-consent receipts start here. A reload after
   * a withdrawal waits (up to a second) for the promise it returns, so no receipt is lost to it.
   */
  readonly onRecord?: (record: ConsentRecord) => void | Promise<void>;
  /**
   * The CSP nonce samtycke.js carries. When set, a blocked inline script is released only if it
   * carries the same nonce: under `'strict-dynamic'` the browser would run any script we insert.
   */
  readonly nonce?: string;
}
