import type {ConsentManager} from '../consent-manager.js';
import {parseDecisionCookie, type ConsentModeSignals} from '../storage/decision-mirror.js';
import type {ConsentState} from '../types.js';
import {gtagOf, pushDefault, pushUpdate, signalsFor, type ConsentModeOptions} from './google-consent-mode.js';
import {watchVendors, type VendorService, type VendorSignals} from './vendor-signals.js';

/** What the synchronous start leaves for the rest of the start-up. */
export interface EarlySignals {
  readonly vendors: VendorSignals;
  /** Points the vendors' first signal at the live consent once the manager runs. */
  follow(allowed: (service: VendorService) => boolean): void;
  /** The Consent Mode update already pushed on this page view, if any. */
  readonly pushed: string | null;
  /** Whether Consent Mode's default was pushed (not with `data-consent-mode="off"`). */
  readonly pushedDefault: boolean;
}

const keyOf = (timestamp: string | undefined, signals: ConsentModeSignals) => `${timestamp ?? ''}|${Object.values(signals).join()}`;

/** What the script tag knows before the config is read. */
export interface EarlyContext {
  /** The decision cookie's value. */
  readonly cookie: string | undefined;
  readonly now: number;
  /** The browser sends Global Privacy Control: the cookie then waits for the record. */
  readonly gpc: boolean;
  /**
   * The config's `revision`, when it is known this early (an inline config before the tag, or
   * `data-revision`): only then can the cookie be trusted before the config is read.
   */
  readonly revision: number | null;
  /** `data-consent-mode="off"`: the shop handles Consent Mode itself; no default is pushed. */
  readonly consentMode: boolean;
}

/**
 * Runs in the task of the script tag, before any other script of the page: Consent Mode's
 * `default`, a returning visitor's `update` straight from the decision cookie (IndexedDB is not
 * open yet) when the cookie's revision is known to be current, and the traps that put the
 * pixels' consent first in their queues. A cookie that cannot be trusted yet (unknown or old
 * revision, Global Privacy Control) gives nothing early: the update follows the config, within
 * Consent Mode's `wait_for_update`, and the pixels are held until then.
 */
export function startSignals(view: Window, {cookie, now, gpc, revision, consentMode}: EarlyContext): EarlySignals {
  if (consentMode) pushDefault(view);
  const parsed = parseDecisionCookie(cookie);
  const inForce = parsed && parsed.record.method !== 'expiry' && Date.parse(parsed.record.expires) > now;
  const trusted = inForce && !gpc && revision !== null && parsed.record.revision === revision ? parsed : null;
  let pushed: string | null = null;
  if (consentMode && trusted?.signals) {
    const {record, signals} = trusted;
    pushUpdate(view, signals, {categories: record.categories, services: record.services, method: record.method});
    pushed = keyOf(record.timestamp, signals);
  }
  let allowed = (service: VendorService) => trusted?.record.services[service] === true;
  const vendors = watchVendors(view, (service) => allowed(service));
  return {vendors, pushed, pushedDefault: consentMode, follow: (live) => void (allowed = live)};
}

/**
 * Keeps Consent Mode and the vendors in step with the manager: exactly one `update` per decision,
 * and per page view of a returning visitor (none when the cookie's update already said the same).
 * `options` null: Consent Mode is off (the `default` pushed at start stays harmless).
 */
export function connectSignals(view: Window, manager: ConsentManager, options: ConsentModeOptions | null, early: EarlySignals): void {
  let last = early.pushed;
  const service = (id: VendorService) => manager.isAllowed('', id);
  early.vendors.declare(manager.config.services.map((s) => s.id));
  early.follow(service);
  if (options?.urlPassthrough) gtagOf(view)('set', 'url_passthrough', true);
  const push = (state: ConsentState, always: boolean) => {
    early.vendors.update(service);
    if (!options || (!always && state.status !== 'decided' && !last)) return;
    const signals = signalsFor(state.categories, options.mapping);
    const key = keyOf(state.record?.timestamp, signals);
    if (key === last) return;
    last = key;
    pushUpdate(view, signals, {categories: state.categories, services: state.services, method: state.record?.method ?? 'none'});
  };
  manager.on('samtycke-change', ({detail}) => {
    // From one undecided state to another (a record corrected at start-up): nothing to tell Google.
    if (detail.state.status !== 'decided' && detail.previous.status !== 'decided') early.vendors.update(service);
    else push(detail.state, true);
  });
  // A returning visitor's update goes out now, from the cookie the manager started with: in the
  // task that creates the manager, before any script it releases can run.
  push(manager.state, false);
  void manager.ready.then((state) => push(state, false));
}
