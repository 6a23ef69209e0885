import type {Chunks} from './chunks.js';
import {
  createCookieMirror, createIdbReceiptLog, createMemoryReceiptLog, createReceipt, hashShown, readDecisionCookie,
  type ConsentManager, type ConsentRecord, type Outbox, type ReceiptLog, type Translator,
} from './core/index.js';
import {VERSION} from './version.js';

/** Proof of consent on this device: a receipt per decision, kept and (when configured) sent to the shop. */
export interface Proof {
  readonly receipts: ReceiptLog;
  /** The manager's `onRecord`: appends the receipt and queues it for the endpoint; resolves when both are stored. */
  record(record: ConsentRecord): Promise<void>;
  /** Everything Samtycke keeps in this browser. */
  exportData(manager: ConsentManager): Promise<unknown>;
  /** Sends what waits, then erases the record, the cookie, the receipts and the services' data. */
  forget(manager: ConsentManager): Promise<void>;
}

export interface ProofOptions {
  readonly document: Document;
  /** The config file as loaded, and the texts shown: their hash goes in every receipt. */
  readonly json: unknown;
  /** Every text key the widget shows: the reference locale's and the shop's overrides. */
  readonly keys: Iterable<string>;
  /** The visitor's texts (they load while the config is read). */
  readonly translator: Promise<Translator>;
  readonly endpoint: string | null;
  /** The outbox's code, loaded only when the shop has an endpoint. */
  readonly loadOutbox: () => Promise<Chunks['outbox']>;
  readonly receipts?: ReceiptLog;
}

/** How long "forget this device" waits for waiting receipts to reach the shop before erasing them. */
const FLUSH_BEFORE_FORGET = 3_000;

export function createProof({document, json, keys, translator, endpoint, loadOutbox, receipts = createIdbReceiptLog()}: ProofOptions): Proof {
  // As the README tells shops to recompute it: each key as `t(key)` shows it, placeholders kept.
  const shown = (t: Translator) => Object.fromEntries([...new Set(keys)].map((key) => [key, t.t(key)]));
  const view = document.defaultView!;
  let hash: Promise<string | null> | undefined;
  // Storage failures are told once, by the manager; receipts then live for this page view.
  const ignore = () => undefined;
  let log = receipts;
  let outbox: Promise<Outbox | null> = Promise.resolve(null);
  if (endpoint) {
    outbox = loadOutbox().then(({createOutbox}) => {
      const created = createOutbox({endpoint, decisionCookie: () => readDecisionCookie(document.cookie)});
      created.start(view);
      return created;
    }).catch((error: unknown) => {
      console.error(`Samtycke: receipts for consentLog.endpoint "${endpoint}" stay on this device.`, error);
      return null;
    });
  }
  return {
    get receipts() {
      return log;
    },
    record(record) {
      return (async () => {
        const receipt = createReceipt(record, {configHash: await (hash ??= translator.then((t) => hashShown(json, shown(t), t.language)).catch(() => null)), page: document.location, widget: `samtycke/${VERSION}`});
        await log.append(receipt).catch(() => {
          // Keep this page view's history visible in the privacy center all the same.
          log = createMemoryReceiptLog();
          return log.append(receipt);
        });
        await (await outbox)?.add(receipt).catch(ignore);
      })();
    },
    async exportData(manager) {
      const settle = <T>(promise: Promise<T>) => promise.catch(() => null);
      return {
        exportedAt: new Date().toISOString(),
        widget: `samtycke/${VERSION}`,
        site: document.location.origin,
        decision: manager.state.record,
        decisionCookie: readDecisionCookie(document.cookie) ?? null,
        receipts: await settle(log.list()),
        waitingForTheShop: (await settle(outbox.then((o) => o?.pending() ?? []))) ?? [],
      };
    },
    async forget(manager) {
      // The shop's log must not show a consent as standing: record the withdrawal first, and
      // give it (and anything else waiting) a moment to reach the endpoint.
      if (manager.state.status === 'decided') {
        // No reload in the middle of forgetting: the privacy center says what was erased.
        const off = manager.on('samtycke-withdraw', (event) => event.preventDefault());
        await manager.withdraw({source: 'privacy-center'}).finally(off);
      }
      const box = await outbox;
      const sent = box?.flush() ?? Promise.resolve();
      if (box) await Promise.race([sent, new Promise((done) => setTimeout(done, FLUSH_BEFORE_FORGET))]);
      await manager.forget();
      await Promise.all([log.clear(), box?.clear()].map((p) => p?.catch(ignore)));
      // A response still in flight may set the decision cookie again from the server: once it is
      // in, erase it again unless the visitor has decided anew meanwhile.
      void sent.finally(() => {
        if (manager.state.status !== 'decided') createCookieMirror(document).write(null);
      });
    },
  };
}
