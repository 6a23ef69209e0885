import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {ConsentReceipt, ConsentRecord} from '../../core/index.js';
import type {SamtyckeContext} from '../../context.js';

/** Waits between reads while the receipt of the decision in force is not stored yet. */
const RETRY_DELAYS = [25, 50, 100, 200, 400, 800, 1600];

/** Whether `receipt` is the proof of `record`: the same consent id and moment. */
const proves = (receipt: ConsentReceipt, record: ConsentRecord): boolean =>
  receipt.consentId === record.consentId && Date.parse(receipt.timestamp) === Date.parse(record.timestamp);

/**
 * Keeps the host's copy of this device's consent receipts: read when the context arrives and
 * again after every change of consent, here or in another tab.
 */
export class ReceiptsController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #context: SamtyckeContext | null = null;
  #off: (() => void) | undefined;
  #connected = false;
  #generation = 0;
  #loading: Promise<void> = Promise.resolve();
  /** Newest first; `undefined` until read, `null` when the browser refused. */
  receipts: readonly ConsentReceipt[] | null | undefined = undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  set context(context: SamtyckeContext | null) {
    this.#context = context;
    this.#subscribe();
    void this.refresh();
  }

  /** Resolves when the newest read has finished. */
  get settled(): Promise<void> {
    return this.#loading;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#subscribe();
  }

  /**
   * Reads the receipts again. The receipt of a new decision is written just after the decision
   * is announced (its config hash takes a moment), so the read is repeated a few times, briefly,
   * until the decision in force has its receipt.
   */
  refresh(): Promise<void> {
    const generation = ++this.#generation;
    this.#loading = this.#read(generation);
    return this.#loading;
  }

  async #read(generation: number): Promise<void> {
    const context = this.#context;
    if (!context) return;
    for (let attempt = 0; ; attempt++) {
      let list: readonly ConsentReceipt[] | null;
      try {
        list = [...(await context.receipts.list())].reverse();
      } catch {
        list = null;
      }
      if (generation !== this.#generation) return;
      this.receipts = list;
      this.#host.requestUpdate();
      const record = context.manager.state.record;
      if (!list || !record || list.some((r) => proves(r, record)) || attempt >= RETRY_DELAYS.length) return;
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS[attempt]));
      if (generation !== this.#generation) return;
    }
  }

  #subscribe(): void {
    this.#off?.();
    this.#off = undefined;
    const manager = this.#context?.manager;
    if (!manager || !this.#connected) return;
    this.#off = manager.on('samtycke-change', () => void this.refresh());
  }
}
