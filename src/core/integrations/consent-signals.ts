import type {ConsentManager} from '../consent-manager.js';
import {parseDecisionCookie, type ConsentModeSignals, type DecisionCookie} from '../storage/decision-mirror.js';
import type {ConsentState} from '../types.js';
import {gtagOf, pushDefault, pushUpdate, signalsFor, type ConsentModeOptions} from './google-consent-mode.js';
import {watchVendors, type VendorService, type VendorSignals} from './vendor-signals.js';

/** What the synchronous start leaves for the rest of the start-up. */
export interface EarlySignals {
  /** The decision cookie, when it holds a consent in force. */
  readonly cookie: DecisionCookie | null;
  readonly vendors: VendorSignals;
  /** Points the vendors' first signal at the live consent once the manager runs. */
  follow(allowed: (service: VendorService) => boolean): void;
  /** The Consent Mode update already pushed on this page view, if any. */
  readonly pushed: string | null;
}

const keyOf = (timestamp: string | undefined, signals: ConsentModeSignals) => `${timestamp ?? ''}|${Object.values(signals).join()}`;

/**
 * Runs in the task of the script tag, before any other script of the page: Consent Mode's
 * `default`, a returning visitor's `update` straight from the decision cookie (IndexedDB is not
 * open yet), and the traps that put the pixels' consent first in their queues.
 * `gpc`: the browser sends Global Privacy Control; a cookie whose consent covers marketing then
 * waits for the record, which tells whether the visitor granted it knowingly.
 */
export function startSignals(view: Window, cookieValue: string | undefined, now: number, gpc: boolean): EarlySignals {
  pushDefault(view);
  const parsed = parseDecisionCookie(cookieValue);
  const inForce = parsed && parsed.record.method !== 'expiry' && Date.parse(parsed.record.expires) > now ? parsed : null;
  const trusted = inForce && !(gpc && inForce.record.categories.marketing) ? inForce : null;
  let pushed: string | null = null;
  if (trusted?.signals) {
    const {record, signals} = trusted;
    pushUpdate(view, signals, {categories: record.categories, services: record.services, method: record.method});
    pushed = keyOf(record.timestamp, signals);
  }
  let allowed = (service: VendorService) => trusted?.record.services[service] === true;
  const vendors = watchVendors(view, (service) => allowed(service));
  return {cookie: inForce, vendors, pushed, follow: (live) => void (allowed = live)};
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
  manager.on('samtycke-change', (event) => push(event.detail.state, true));
  void manager.ready.then((state) => push(state, false));
}
