import {CONSENT_MODE_KEYS, type ConsentModeKey, type ConsentModeSignals} from '../storage/decision-mirror.js';

/** How Google Consent Mode v2 follows the visitor's choices. */
export interface ConsentModeOptions {
  /** `basic`: Google tags wait for consent. `advanced`: they load at once and Consent Mode limits them. */
  readonly mode: 'basic' | 'advanced';
  /** Which categories grant which keys; a key is granted when every category mapped to it is. */
  readonly mapping: Readonly<Record<string, readonly ConsentModeKey[]>>;
  /** Passes ad click ids in links while ad storage is denied. Only when the owner opts in. */
  readonly urlPassthrough: boolean;
}

export const DEFAULT_MAPPING: Readonly<Record<string, readonly ConsentModeKey[]>> = {
  analytics: ['analytics_storage'],
  marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  functional: ['functionality_storage', 'personalization_storage'],
};

export const DEFAULT_WAIT_FOR_UPDATE = 500;

/** Everything denied but `security_storage`: the state before a decision. */
export const DENIED: ConsentModeSignals = Object.freeze(
  Object.fromEntries(CONSENT_MODE_KEYS.map((key) => [key, key === 'security_storage' ? 'granted' : 'denied'])) as ConsentModeSignals,
);

/** The signals the allowed categories give. Keys no category maps stay denied (security_storage is always granted). */
export function signalsFor(categories: Readonly<Record<string, boolean>>, mapping: ConsentModeOptions['mapping']): ConsentModeSignals {
  const grants = new Map<ConsentModeKey, boolean>();
  for (const [category, keys] of Object.entries(mapping)) {
    for (const key of keys) grants.set(key, (grants.get(key) ?? true) && categories[category] === true);
  }
  return Object.fromEntries(
    CONSENT_MODE_KEYS.map((key) => [key, key === 'security_storage' || grants.get(key) ? 'granted' : 'denied']),
  ) as ConsentModeSignals;
}

type DataLayerWindow = Window & {dataLayer?: unknown[]};

/**
 * Google's `gtag()`: pushes its `arguments` object onto `dataLayer`, the only form gtag.js and
 * GTM read as a command (a plain array is read as data). `dataLayer` is looked up on every call,
 * because GTM replaces its `push`.
 */
export function gtagOf(view: Window): (...args: unknown[]) => void {
  return function gtag() {
    // eslint-disable-next-line prefer-rest-params
    ((view as DataLayerWindow).dataLayer ??= []).push(arguments);
  };
}

/** `gtag('consent', 'default', …)`: all seven keys, denied but security, with `wait_for_update`. */
export function pushDefault(view: Window, waitForUpdate = DEFAULT_WAIT_FOR_UPDATE): void {
  const gtag = gtagOf(view);
  gtag('consent', 'default', {...DENIED, wait_for_update: waitForUpdate});
  gtag('set', 'ads_data_redaction', true);
}

/** What the `samtycke_consent` dataLayer event carries, for GTM triggers and variables. */
export interface ConsentEventData {
  readonly categories: Readonly<Record<string, boolean>>;
  readonly services: Readonly<Record<string, boolean>>;
  readonly method: string;
}

/**
 * One `gtag('consent', 'update', …)` with all seven keys, ad data redacted while ad storage is
 * denied, then the `samtycke_consent` event.
 */
export function pushUpdate(view: Window, signals: ConsentModeSignals, choices: ConsentEventData): void {
  const gtag = gtagOf(view);
  gtag('consent', 'update', {...signals});
  gtag('set', 'ads_data_redaction', signals.ad_storage === 'denied');
  ((view as DataLayerWindow).dataLayer ??= []).push({event: 'samtycke_consent', samtycke: choices});
}
