import {Gate} from './gating/gate.js';
import type {Requirement} from './gating/requirement.js';
import {clearTrackerData, createDocumentCookieJar, storageOf} from './gating/tracker-cleanup.js';
import {createMemoryStore, inTime, parseRecord, randomId, type ConsentStore} from './storage/consent-store.js';
import type {Platform} from './platform.js';
import {noMirror, sameDecision} from './storage/decision-mirror.js';
import {buildRecord, decidedState, diff, evaluateRecord, freeze, gpcWithdrawal, type RecordInput} from './consent-state.js';
import {reportProblems} from './report-problems.js';
import {SamtyckeChangeEvent, SamtyckeReadyEvent, SamtyckeWithdrawEvent, type ChangeDetail, type ConsentDiff, type SamtyckeEventMap} from './events.js';
import {ConsentMethod, type ConsentChoices, type ConsentRecord, type ConsentState, type DecisionOptions, type ResolvedConfig, type ServiceConfig} from './types.js';

/** Thrown for a decision that names a category or service the configuration does not have. */
export class ConsentChoiceError extends Error {
  override name = 'ConsentChoiceError';
}

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
  readonly #platform: Required<Omit<Platform, 'channel' | 'nonce'>>;
  #store: ConsentStore;
  readonly #gate: Gate;
  #channel: BroadcastChannel | undefined;
  #storageFailed = false;
  #consentId: string | undefined;
  /** The receipt of the latest record being stored. */
  #recorded: Promise<unknown> = Promise.resolve();
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
      gpc: new Set(),
      onRecord: () => undefined,
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
      // A service requirement is met by the service's own consent ("Always allow YouTube").
      isAllowed: (r: Requirement) => (r.service ? this.#state.services[r.service] === true : r.categories.every((c) => this.isAllowed(c))),
      report: (problems) => reportProblems(this.#platform.console, 'the page', problems), nonce: platform.nonce,
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

  /** Whether `category` (or, when given, `service`) is allowed now. `necessary` always is; anything unknown is not. */
  isAllowed(category: string, service?: string): boolean {
    return service === undefined ? this.#state.categories[category] === true : this.#state.services[service] === true;
  }

  /** Whether Global Privacy Control is on and honoured: its categories are never granted silently. */
  get gpc(): boolean {
    return this.#platform.gpc.size > 0;
  }

  /** Allows every category and service; under Global Privacy Control, all but what GPC covers. */
  acceptAll(options: Omit<DecisionOptions, 'services'> = {}): Promise<ConsentState> {
    return this.#decide(ConsentMethod.AcceptAll, Object.fromEntries(this.config.categories.map((c) => [c.id, !this.#platform.gpc.has(c.id)])), options);
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

  /** Allows one service on its own ("Always allow YouTube"); every other choice stays as it is. */
  allowService(id: string, {source = 'api'}: Pick<DecisionOptions, 'source'> = {}): Promise<ConsentState> {
    const {categories, services, status} = this.#state;
    return this.#decide(ConsentMethod.Service, categories, {source, services: {...services, [id]: true}}, status !== 'decided');
  }

  /** Releases one blocked element for this page view only ("Load video"); records nothing. */
  loadOnce(element: Element): boolean {
    return this.#gate.releaseOnce(element);
  }

  /**
   * Forgets this device: the record and its copy are erased, the declared cookies and storage
   * of every service that needs consent deleted (necessary ones keep theirs: the cart, the
   * session), and the visitor is asked again as a new visitor.
   */
  async forget(): Promise<ConsentState> {
    this.#decisionMade = true;
    this.#consentId = undefined;
    this.#platform.mirror.write(null);
    await inTime(this.#store.clear()).catch((error: unknown) => this.#failStorage(error));
    await this.#replace(evaluateRecord(this.config, null, this.#platform.now(), !this.#storageFailed), ConsentMethod.Withdrawal, 'this-tab');
    // Necessary services keep their cookies: forgetting consent must not empty the cart.
    this.#clear(this.config.services.filter((s) => !this.config.categories.find((c) => c.id === s.category)?.required));
    this.#channel?.postMessage({forget: true});
    return this.#state;
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
      const differs = !sameDecision(stored, mirrored);
      // IndexedDB wins: the mirror was missing or out of date, or cannot say the visitor granted
      // under GPC (the cookie does not carry it).
      if (stored && (differs || (this.#platform.gpc.size && stored.gpc))) {
        const next = this.#evaluate(stored);
        // Only a real difference is a change (an outdated record and no copy: undecided either way).
        const key = (s: ConsentState) => JSON.stringify([s.status, s.reason, s.categories, s.services]);
        if (key(next) !== key(this.#state)) await this.#replace(next, stored.method, 'storage');
        else this.#state = next;
        if (differs) this.#platform.mirror.write(next.status === 'decided' ? stored : null);
      } else if (mirrored && this.#state.status !== 'decided' && this.#state.record === null) {
        // An outdated or lapsed copy must not speak for the visitor on the next page view.
        this.#platform.mirror.write(null);
      } else if (!stored && mirrored) {
        // The record went missing but its copy did not: restore the record from the copy.
        await this.#store.set(mirrored).catch((error: unknown) => this.#failStorage(error));
      }
      await this.#afterRead(stored ?? mirrored);
    }
    this.dispatchEvent(new SamtyckeReadyEvent(this.#state));
    return this.#state;
  }

  /** Records what the stored decision means now: a lapsed consent, or a grant GPC takes back. */
  async #afterRead(record: ConsentRecord | null): Promise<void> {
    if (!record || this.#decisionMade) return;
    const input = {consentId: record.consentId, categories: {}, services: {}};
    if (this.#state.reason === 'expired' && record.method !== ConsentMethod.Expiry) {
      await this.#write({...input, method: ConsentMethod.Expiry, source: 'expiry'});
      return;
    }
    const withdrawn = this.#state.status === 'decided' && this.#platform.gpc.size && record.method !== ConsentMethod.Expiry ? gpcWithdrawal(this.config, record, this.#platform.gpc) : null;
    if (withdrawn) await this.#decide(ConsentMethod.Gpc, withdrawn.categories, {services: withdrawn.services, source: 'gpc'});
  }

  /** Stores a record (and its copy); false when storage failed and it holds for this page view only. */
  async #write(input: Omit<RecordInput, 'now' | 'language' | 'gpc'>): Promise<ConsentRecord> {
    const record = buildRecord(this.config, {...input, now: this.#platform.now(), language: this.#platform.language, gpc: this.#platform.gpc.size > 0});
    try {
      await inTime(this.#store.set(record));
      // The cookie copies decisions only: a lone service grant waits for IndexedDB.
      this.#platform.mirror.write(this.#storageFailed || record.undecided ? null : record);
    } catch (error) {
      this.#failStorage(error);
      this.#platform.mirror.write(null);
    }
    this.#recorded = Promise.resolve(this.#platform.onRecord(record)).catch(() => undefined);
    return record;
  }

  /** The state a stored record gives: decided, or undecided when missing, outdated or expired. */
  #evaluate(record: ConsentRecord | null): ConsentState {
    const state = evaluateRecord(this.config, record, this.#platform.now(), !this.#storageFailed);
    // Under GPC, a grant not made knowingly under GPC is not in force (#afterRead records that).
    const withdrawn = record && state.status === 'decided' && this.#platform.gpc.size ? gpcWithdrawal(this.config, record, this.#platform.gpc) : null;
    return withdrawn ? decidedState(this.config, {...record!, ...withdrawn}, !this.#storageFailed) : state;
  }

  async #decide(method: ConsentMethod, choices: ConsentChoices, {services = {}, source = 'api'}: DecisionOptions, undecided = false): Promise<ConsentState> {
    const categoryIds = new Set(this.config.categories.map((c) => c.id));
    const unknown = [...Object.keys(choices).filter((id) => !categoryIds.has(id)), ...Object.keys(services).filter((id) => !this.config.services.some((s) => s.id === id))];
    if (unknown.length) throw new ConsentChoiceError(`Samtycke: unknown category or service: ${unknown.join(', ')}. Declared categories: ${[...categoryIds].join(', ')}.`);
    // No waiting for the start-up read: a visitor who answers at once is answered as soon as the
    // record is written, and #start then leaves this newer decision alone.
    this.#decisionMade = true;
    // Services given on their own (refused, or allowed while their category is not) override their category.
    const record = await this.#write({consentId: (this.#consentId ??= randomId()), method, source, categories: choices, services, undecided});
    await this.#replace(this.#evaluate(record), method, 'this-tab');
    this.#channel?.postMessage(record);
    return this.#state;
  }

  async #fromOtherTab(data: unknown): Promise<void> {
    const record = parseRecord(data);
    await this.ready;
    if ((data as {forget?: boolean} | null)?.forget) {
      this.#consentId = undefined;
      await this.#replace(evaluateRecord(this.config, null, this.#platform.now(), !this.#storageFailed), ConsentMethod.Withdrawal, 'other-tab');
      return;
    }
    // Only a newer decision wins: messages can arrive late, after this tab decided again.
    const current = this.#state.record?.timestamp ?? '';
    if (record && record.revision === this.config.revision && record.timestamp > current) {
      await this.#replace(this.#evaluate(record), record.method, 'other-tab');
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
        // Blocked storage throws on access: the cookies are still deleted.
        localStorage: storageOf(view, 'localStorage'),
        sessionStorage: storageOf(view, 'sessionStorage'),
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
    if (this.dispatchEvent(event) && event.detail.reload) {
      void Promise.race([this.#recorded, new Promise((done) => setTimeout(done, 1_000))]).then(() => this.#platform.reload());
    }
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
