import {createStore, del, get, update, type UseStore} from 'idb-keyval';
import {interpret, NO_ANSWER, takeBatch, type Batch, type Outcome} from './outbox-delivery.js';
import {receiptsIn} from './receipt-log.js';
import type {ConsentReceipt, Outbox} from './types.js';

/** How the outbox reaches the endpoint, the storage and the clock. Every option but `endpoint` has a default. */
export interface OutboxOptions {
  /** `consentLog.endpoint`: an absolute URL, or one relative to the page (`/samtycke-api/receipts`). */
  readonly endpoint: string;
  /** What a relative endpoint is resolved against. Default: `document.baseURI`, else `location.href`. */
  readonly base?: string;
  /** Default: `globalThis.fetch`. */
  readonly fetch?: typeof fetch;
  /** Default: `createStore('samtycke', 'consent')`; the receipts wait under the key `outbox`. */
  readonly store?: UseStore;
  /** The decision cookie's value, sent along so a same-origin endpoint may set it again. Default: none. */
  readonly decisionCookie?: () => string | undefined;
  /** Default: `Date.now`. */
  readonly now?: () => number;
  /** Default: `setTimeout`. */
  readonly schedule?: (run: () => void, ms: number) => unknown;
  /** Default: `clearTimeout`. */
  readonly cancel?: (handle: unknown) => void;
  /** For the jitter of retries. Default: `Math.random`. */
  readonly random?: () => number;
  /** Where answers outside the endpoint's contract are told. Default: `console`. */
  readonly console?: Pick<Console, 'error'>;
  /** Web Locks, so one tab at a time sends. Default: `navigator.locks`; `null` to go without. */
  readonly locks?: Pick<LockManager, 'request'> | null;
}

/** The key of the waiting receipts inside Samtycke's database. */
const KEY = 'outbox';
/** The Web Lock held while a tab sends; held for one round trip, never while waiting to retry. */
const LOCK = 'samtycke-outbox';
/** Retries wait 2 s × 2ⁿ after the n-th failure in a row, up to 10 minutes, ± 20 %. */
const FIRST_RETRY = 2_000;
const LAST_RETRY = 600_000;
const JITTER = 0.2;
/** A tab that finds another one sending looks again after this long, in case it missed a receipt. */
const BUSY_RETRY = 2_000;
/** A request without an answer by then counts as a network error (it holds the lock). */
const REQUEST_TIMEOUT = 30_000;
/** Storage that has not answered by then is treated as failed (Safari's IndexedDB can hang). */
const STORAGE_TIMEOUT = 5_000;

const CONTRACT = 'The endpoint must answer 2xx {"accepted": [receiptId, …], "duplicates": [receiptId, …]} listing every ' +
  'receipt of the request, 400 {"errors": [{"receiptId", "path", "message"}]} only for receipts it can never accept, ' +
  'and 5xx, 408 or 429 to be asked again later. See the README, "Consent receipts".';

/**
 * Receipts on their way to the shop's `consentLog.endpoint`. A receipt waits in IndexedDB (key
 * `outbox`) until a 2xx answer lists it as accepted or duplicate, or a 400 answer names it
 * invalid: none is lost to an offline visitor, a closed tab or a failing endpoint. Failures are
 * retried with exponential backoff; the endpoint deduplicates by receipt id, so sending one twice
 * (after a lost answer, or from two tabs on page hide) is harmless.
 *
 * Where IndexedDB fails, receipts added on this page view are still sent from memory; `add`
 * then rejects so the caller knows they will not survive the page. Throws `TypeError` when the
 * endpoint is not a URL.
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const {
    fetch: send = globalThis.fetch, store = createStore('samtycke', 'consent'), decisionCookie = () => undefined,
    now = Date.now, schedule = (run, ms) => setTimeout(run, ms), cancel = (handle) => clearTimeout(handle as number),
    random = Math.random, console: out = console, locks = globalThis.navigator?.locks ?? null,
  } = options;
  const url = new URL(options.endpoint, options.base ?? globalThis.document?.baseURI ?? globalThis.location?.href).href;

  /** What this tab believes waits: the last read of the outbox and what it added since. */
  let known = new Map<string, ConsentReceipt>();
  /** Added on this page, not (yet) in IndexedDB. */
  const unsaved = new Map<string, ConsentReceipt>();
  let inFlight: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  let retry: {handle: unknown} | null = null;
  let stopped = false;
  let keepaliveInFlight = false;
  const told = new Set<string>();

  const inTime = <T>(promise: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const handle = schedule(() => reject(new Error('IndexedDB did not answer')), STORAGE_TIMEOUT);
      promise.then((value) => (cancel(handle), resolve(value)), (error: unknown) => (cancel(handle), reject(error)));
    });

  /** Everything waiting, oldest first: the stored outbox and this page's unsaved additions. */
  async function waiting(): Promise<ConsentReceipt[]> {
    let stored: ConsentReceipt[];
    try {
      stored = receiptsIn(await inTime(get<unknown>(KEY, store)));
    } catch {
      stored = [...known.values()];
    }
    const ids = new Set(stored.map((r) => r.receiptId));
    const all = [...stored, ...[...unsaved.values()].filter((r) => !ids.has(r.receiptId))];
    known = new Map(all.map((r) => [r.receiptId, r]));
    return all;
  }

  async function remove(ids: ReadonlySet<string>): Promise<void> {
    for (const id of ids) {
      known.delete(id);
      unsaved.delete(id);
    }
    try {
      await inTime(update<unknown>(KEY, (stored) => receiptsIn(stored).filter((r) => !ids.has(r.receiptId)), store));
    } catch {
      // Left in storage by a failed write, they go again and come back as duplicates.
    }
  }

  function tell(outcome: Outcome): void {
    if (outcome.invalid.length) {
      const list = outcome.invalid.map((e) => `  ${e.receiptId} ${e.path}: ${e.message}`).join('\n');
      out.error(`Samtycke: ${url} refused ${outcome.invalid.length} consent receipt(s) as invalid; they are dropped.\n${list}\n${CONTRACT}`);
    }
    // Once per page: a retry would only repeat it.
    if (outcome.problem && !told.has(outcome.problem)) {
      told.add(outcome.problem);
      out.error(`Samtycke: ${url} ${outcome.problem}; the receipts stay in the outbox and are sent again later. ${CONTRACT}`);
    }
  }

  /** POSTs one batch; `fetch` is called before the first `await`, so it runs inside a `pagehide` handler. */
  async function post(batch: Batch, keepalive: boolean): Promise<Outcome> {
    const controller = keepalive ? undefined : new AbortController();
    const timer = controller && schedule(() => controller.abort(), REQUEST_TIMEOUT);
    try {
      const response = await send(url, {
        method: 'POST', headers: {'Content-Type': 'application/json'}, body: batch.body, keepalive, signal: controller?.signal,
      });
      const outcome = await interpret(response, batch.receipts, now());
      tell(outcome);
      if (outcome.removed.size) failures = 0;
      return outcome;
    } catch {
      return NO_ANSWER;
    } finally {
      if (timer !== undefined) cancel(timer);
    }
  }

  function clearRetry(): void {
    if (retry) cancel(retry.handle);
    retry = null;
  }

  function retryIn(ms: number): void {
    clearRetry();
    if (stopped) return;
    const mine: {handle: unknown} = {handle: undefined};
    // A stale timer (cancel is best effort) finds itself replaced and does nothing.
    mine.handle = schedule(() => {
      if (retry !== mine) return;
      retry = null;
      void flush();
    }, ms);
    retry = mine;
  }

  const jittered = (ms: number): number => ms * (1 + JITTER * (2 * random() - 1));

  function backOff(retryAfter: number | undefined): void {
    const delay = jittered(Math.min(FIRST_RETRY * 2 ** failures, LAST_RETRY));
    failures++;
    retryIn(Math.max(delay, retryAfter ?? 0));
  }

  /**
   * Sends batch after batch while every one is answered and takes something out of the outbox;
   * re-reads the outbox each round, so receipts another tab added meanwhile go too.
   */
  async function rounds(): Promise<void> {
    try {
      for (;;) {
        const list = await waiting();
        if (!list.length) return void (failures = 0);
        const outcome = await post(takeBatch(list, decisionCookie()), false);
        if (outcome.removed.size) await remove(outcome.removed);
        if (outcome.transient || !outcome.removed.size) return backOff(outcome.retryAfter);
      }
    } catch {
      backOff(undefined);
    }
  }

  async function attempt(): Promise<void> {
    clearRetry();
    if (!locks) return rounds();
    let lock: 'held' | 'busy' | 'refused' = 'refused';
    try {
      await locks.request(LOCK, {ifAvailable: true}, async (granted) => {
        lock = granted ? 'held' : 'busy';
        if (granted) await rounds();
      });
    } catch {
      // Web Locks refused (an opaque origin, a sandboxed frame): send without.
    }
    if (lock === 'refused') return rounds();
    // Another tab is sending; it re-reads the outbox each round, and we look again in case it just finished.
    if (lock === 'busy') retryIn(jittered(BUSY_RETRY));
  }

  function flush(): Promise<void> {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    inFlight = (async () => {
      try {
        // A receipt added during a round goes in the next one, unless the endpoint failed:
        // then the scheduled retry takes it.
        do {
          again = false;
          await attempt();
        } while (again && !retry);
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  }

  /** On page hide: send what waits right now, from memory, with `keepalive` so it outlives the page. */
  function sendNow(): void {
    if (keepaliveInFlight || !known.size) return;
    keepaliveInFlight = true;
    // Without the lock, which is granted only after the page may be gone; a receipt that another
    // tab sends at the same time arrives twice and the endpoint answers "duplicate".
    void post(takeBatch([...known.values()], decisionCookie()), true)
      .then(async (outcome) => {
        if (outcome.removed.size) await remove(outcome.removed);
        else if (!retry && !inFlight) backOff(outcome.retryAfter);
      })
      .finally(() => (keepaliveInFlight = false));
  }

  return {
    async add(receipt) {
      known.set(receipt.receiptId, receipt);
      unsaved.set(receipt.receiptId, receipt);
      try {
        await inTime(update<unknown>(KEY, (stored) => [...receiptsIn(stored).filter((r) => r.receiptId !== receipt.receiptId), receipt], store));
        unsaved.delete(receipt.receiptId);
      } finally {
        // While a retry is scheduled, the receipt waits for it: the endpoint asked for time.
        if (!retry) void flush();
      }
    },
    flush,
    pending: waiting,
    async clear() {
      known.clear();
      unsaved.clear();
      await del(KEY, store);
    },
    start(view) {
      stopped = false;
      const online = () => void flush();
      const hidden = () => view.document.visibilityState === 'hidden' && sendNow();
      view.addEventListener('online', online);
      view.addEventListener('pagehide', sendNow);
      view.document.addEventListener('visibilitychange', hidden);
      void flush();
      return () => {
        stopped = true;
        clearRetry();
        view.removeEventListener('online', online);
        view.removeEventListener('pagehide', sendNow);
        view.document.removeEventListener('visibilitychange', hidden);
      };
    },
  };
}
