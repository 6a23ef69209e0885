import {Gate} from './gating/gate.js';
import type {Requirement} from './gating/requirement.js';
import {clearTrackerData, createDocumentCookieJar, type CookieJar} from './gating/tracker-cleanup.js';
import {createMemoryStore, parseRecord, type ConsentStore} from './storage/consent-store.js';
import {noMirror, type DecisionMirror} from './storage/decision-mirror.js';
import {decidedState, diff, evaluateRecord, freeze} from './consent-state.js';
import {reportProblems} from './report-problems.js';
import {SamtyckeChangeEvent, SamtyckeReadyEvent, SamtyckeWithdrawEvent, type ChangeDetail, type ConsentDiff, type SamtyckeEventMap} from './events.js';
import {ConsentMethod, type ConsentChoices, type ConsentRecord, type ConsentState, type DecisionOptions, type ResolvedConfig, type ServiceConfig} from './types.js';

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
}

/** Thrown for a decision that names a category or service the configuration does not have. */
export class ConsentChoiceError extends Error {
  override name = 'ConsentChoiceError';
}

const DAY = 86_400_000;

/** Storage that has not answered by then is treated as failed (Safari's IndexedDB can hang). */
const STORAGE_TIMEOUT = 5_000;

/** Rejects when `promise` has not settled in time. */
const inTime = <T>(promise: Promise<T>): Promise<T> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('storage did not answer')), STORAGE_TIMEOUT)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
};

const randomId = (): string =>
  globalThis.crypto?.randomUUID?.() ?? Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The one stateful object of Samtycke: reads the stored decision, records new ones, releases
 * tagged elements through its gate, clears withdrawn services' cookies, and keeps tabs in step.
 * Fail closed: until a decision is read or made, and whenever storage fails, only `necessary`
 * is allowed.
 */
export class ConsentManager extends EventTarget {
  /** The validated configuration. */
  readonly config: ResolvedConfig;
  /** Resolves with the first state once the stored decision is read (never rejects). */
  readonly ready: Promise<ConsentState>;
  #state: ConsentState;
  readonly #platform: Required<Omit<Platform, 'channel'>>;
  #store: ConsentStore;
  readonly #gate: Gate;
  #channel: BroadcastChannel | undefined;
  #storageFailed = false;
  #consentId: string | undefined;
  /** Whether the visitor decided on this page view (then the stored record is older). */
  #decisionMade = false;

  constructor(config: ResolvedConfig, platform: Platform) {
    super();
    this.config = config;
    const {document} = platform;
    const view = document.defaultView;
    this.#platform = {
      store: createMemoryStore(),
      cookies: createDocumentCookieJar(document),
      now: Date.now,
      reload: () => view?.location.reload(),
      language: 'en',
      console,
      mirror: noMirror,
      ...platform,
    };
    this.#store = this.#platform.store;
    // The mirror answers now; IndexedDB, the record, confirms or corrects it in #start.
    const mirrored = this.#platform.mirror.read();
    this.#state = this.#evaluate(mirrored);
    this.#consentId = mirrored?.consentId;
    const services = new Map(config.services.map((s) => [s.id, s.category]));
    this.#gate = new Gate({
      document,
      declared: {categories: new Set(config.categories.map((c) => c.id)), services},
      isAllowed: (r: Requirement) => r.categories.every((c) => this.isAllowed(c)) && (!r.service || this.isAllowed(services.get(r.service)!, r.service)),
      report: (problems) => reportProblems(this.#platform.console, 'the page', problems),
    });
    if (platform.channel && typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(platform.channel);
      this.#channel.onmessage = (event: MessageEvent) => void this.#fromOtherTab(event.data);
    }
    this.ready = this.#start(mirrored);
  }

  /** The consent in force now: an immutable snapshot, replaced on every change. */
  get state(): ConsentState {
    return this.#state;
  }

  /**
   * Whether `category` (and, when given, `service` in it) is allowed now. `necessary` always is;
   * anything unknown is not.
   */
  isAllowed(category: string, service?: string): boolean {
    return this.#state.categories[category] === true && (service === undefined || this.#state.services[service] === true);
  }

  /** Allows every category and service. */
  acceptAll(options: Omit<DecisionOptions, 'services'> = {}): Promise<ConsentState> {
    return this.#decide(ConsentMethod.AcceptAll, Object.fromEntries(this.config.categories.map((c) => [c.id, true])), options);
  }

  /** Refuses everything but `necessary`. Remembered as long as a consent. */
  rejectAll(options: Omit<DecisionOptions, 'services'> = {}): Promise<ConsentState> {
    return this.#decide(ConsentMethod.RejectAll, {}, options);
  }

  /**
   * Records the visitor's own choice: `save({analytics: true}, {services: {'meta-pixel': false}})`.
   * Categories left out are refused (nothing is pre-ticked). Rejects with `ConsentChoiceError`
   * for an id the configuration does not have, and records nothing then.
   */
  save(choices: ConsentChoices, options: DecisionOptions = {}): Promise<ConsentState> {
    return this.#decide(ConsentMethod.Custom, choices, options);
  }

  /** Takes back every consent; declared cookies of what ran are deleted. */
  withdraw(options: Omit<DecisionOptions, 'services'> = {}): Promise<ConsentState> {
    return this.#decide(ConsentMethod.Withdrawal, {}, options);
  }

  /** Subscribes to an event; returns the function that unsubscribes. */
  on<K extends keyof SamtyckeEventMap>(type: K, handler: (event: SamtyckeEventMap[K]) => void): () => void {
    const listener = handler as EventListener;
    this.addEventListener(type, listener);
    return () => this.removeEventListener(type, listener);
  }

  /** Resolves when every script released so far has run or failed to load. */
  settled(): Promise<void> {
    return this.#gate.settled();
  }

  /** Stops watching the page and other tabs. For tests and single-page apps that unmount it. */
  destroy(): void {
    this.#gate.stop();
    this.#channel?.close();
  }

  async #start(mirrored: ConsentRecord | null): Promise<ConsentState> {
    // Release what the mirror allows at once (a returning visitor), or show the banner at once
    // (a new one), while IndexedDB opens.
    const released = this.#gate.start();
    let stored: ConsentRecord | null = null;
    try {
      stored = parseRecord(await inTime(this.#store.get()));
    } catch (error) {
      this.#failStorage(error);
    }
    await released;
    if (this.#storageFailed) this.#state = freeze({...this.#state, persisted: false});
    else if (!this.#decisionMade) {
      this.#consentId = stored?.consentId ?? this.#consentId;
      if (stored && JSON.stringify(stored) !== JSON.stringify(mirrored)) {
        // IndexedDB wins: the mirror was missing or out of date.
        await this.#replace(this.#evaluate(stored), stored.method, 'storage');
        this.#platform.mirror.write(stored);
      } else if (!stored && mirrored) {
        // The record went missing but its copy did not: restore the record from the copy.
        await this.#store.set(mirrored).catch((error: unknown) => this.#failStorage(error));
      }
    }
    this.dispatchEvent(new SamtyckeReadyEvent(this.#state));
    return this.#state;
  }

  /** The state a stored record gives: decided, or undecided when missing, outdated or expired. */
  #evaluate(record: ConsentRecord | null): ConsentState {
    return evaluateRecord(this.config, record, this.#platform.now(), !this.#storageFailed);
  }

  async #decide(method: ConsentMethod, choices: ConsentChoices, {services = {}, source = 'api'}: DecisionOptions): Promise<ConsentState> {
    const categoryIds = new Set(this.config.categories.map((c) => c.id));
    const unknown = [...Object.keys(choices).filter((id) => !categoryIds.has(id)), ...Object.keys(services).filter((id) => !this.config.services.some((s) => s.id === id))];
    if (unknown.length) throw new ConsentChoiceError(`Samtycke: unknown category or service: ${unknown.join(', ')}. Declared categories: ${[...categoryIds].join(', ')}.`);
    // No waiting for the start-up read: a visitor who answers at once is answered as soon as the
    // record is written, and #start then leaves this newer decision alone.
    this.#decisionMade = true;
    const categories = Object.fromEntries(this.config.categories.map((c) => [c.id, c.required || choices[c.id] === true]));
    const now = this.#platform.now();
    const record: ConsentRecord = {
      consentId: (this.#consentId ??= randomId()),
      source,
      method,
      timestamp: new Date(now).toISOString(),
      expires: new Date(now + this.config.lifetimeDays * DAY).toISOString(),
      revision: this.config.revision,
      language: this.#platform.language,
      categories,
      services: Object.fromEntries(this.config.services.map((s) => [s.id, categories[s.category] && services[s.id] !== false])),
    };
    try {
      await inTime(this.#store.set(record));
      this.#platform.mirror.write(this.#storageFailed ? null : record);
    } catch (error) {
      this.#failStorage(error);
      this.#platform.mirror.write(null);
    }
    await this.#replace(decidedState(this.config, record, !this.#storageFailed), method, 'this-tab');
    this.#channel?.postMessage(record);
    return this.#state;
  }

  async #fromOtherTab(data: unknown): Promise<void> {
    const record = parseRecord(data);
    await this.ready;
    // Only a newer decision wins: messages can arrive late, after this tab decided again.
    const current = this.#state.record?.timestamp ?? '';
    if (record && record.revision === this.config.revision && record.timestamp > current) {
      await this.#replace(decidedState(this.config, record, !this.#storageFailed), record.method, 'other-tab');
    }
  }

  async #replace(next: ConsentState, method: ConsentMethod, origin: ChangeDetail['origin']): Promise<void> {
    const previous = this.#state;
    this.#state = next;
    const granted: ConsentDiff = {categories: diff(previous.categories, next.categories), services: diff(previous.services, next.services)};
    const revoked: ConsentDiff = {categories: diff(next.categories, previous.categories), services: diff(next.services, previous.services)};
    this.dispatchEvent(new SamtyckeChangeEvent({state: next, previous, granted, revoked, method, origin}));
    if (revoked.categories.length || revoked.services.length) this.#takeBack(revoked);
    else if (previous.status !== 'decided') {
      // Cookies from an expired or outdated consent are still on the device: a refusal now
      // must remove them too. Nothing ran on this page view, so there is nothing to reload.
      this.#clear(this.config.services.filter((s) => !next.services[s.id]));
    }
    await this.#gate.update();
  }

  /** Deletes the declared cookies and storage keys of `services`; returns what was deleted. */
  #clear(services: readonly ServiceConfig[]): string[] {
    const view = this.#platform.document.defaultView;
    try {
      return clearTrackerData(services, {
        cookies: this.#platform.cookies,
        location: this.#platform.document.location,
        localStorage: view?.localStorage,
        sessionStorage: view?.sessionStorage,
      });
    } catch (error) {
      this.#platform.console.error('Samtycke: could not delete every cookie of what was withdrawn:', error);
      return [];
    }
  }

  #takeBack(revoked: ConsentDiff): void {
    const cleared = this.#clear(this.config.services.filter((s) => revoked.services.includes(s.id)));
    const {scriptsRunning} = this.#gate.revoke();
    const event = new SamtyckeWithdrawEvent({revoked, cleared, reload: scriptsRunning && this.config.reloadOnWithdrawal});
    if (this.dispatchEvent(event) && event.detail.reload) this.#platform.reload();
  }

  #failStorage(error: unknown): void {
    if (!this.#storageFailed) {
      this.#platform.console.warn('Samtycke: consent storage (IndexedDB) is unavailable, so choices hold for this page view only.', error);
    }
    this.#storageFailed = true;
    this.#store = createMemoryStore();
  }
}

/**
 * Creates the consent manager for a validated configuration. The platform is injected: tests
 * hand an in-memory store; the script-tag entry hands IndexedDB and a BroadcastChannel.
 */
export function createConsentManager(config: ResolvedConfig, platform: Platform): ConsentManager {
  return new ConsentManager(config, platform);
}
