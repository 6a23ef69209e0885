import {createStore, del, get, update, type UseStore} from 'idb-keyval';
import {inTime} from '../storage/consent-store.js';
import type {ConsentReceipt, ReceiptLog} from './types.js';

/** The key of the receipts inside Samtycke's database. */
const KEY = 'receipts';

/** How many receipts a device keeps; the oldest go first. */
export const RECEIPT_LOG_LIMIT = 200;

/** Whether a stored entry looks like a receipt; anything else (hand-edited, corrupted) is skipped. */
export const isReceipt = (value: unknown): value is ConsentReceipt =>
  typeof value === 'object' && value !== null &&
  typeof (value as ConsentReceipt).receiptId === 'string' && typeof (value as ConsentReceipt).consentId === 'string';

/** The stored array as receipts, whatever was stored. */
export const receiptsIn = (stored: unknown): ConsentReceipt[] => (Array.isArray(stored) ? stored.filter(isReceipt) : []);

/** `list` plus `receipt` at the end, without a second copy of the same id, capped to the newest `limit`. */
const appended = (list: readonly ConsentReceipt[], receipt: ConsentReceipt, limit: number): ConsentReceipt[] =>
  [...list.filter((r) => r.receiptId !== receipt.receiptId), receipt].slice(-limit);

/**
 * This device's receipts in IndexedDB (`samtycke` / `consent`, key `receipts`), oldest first,
 * the newest `limit` kept. An append reads and writes in one transaction (idb-keyval `update`),
 * so two tabs deciding at once both keep their receipt. Every method rejects when IndexedDB
 * fails or is missing; the caller decides what to do.
 *
 * @param store default `createStore('samtycke', 'consent')`, opened on first use.
 * @param limit default 200.
 */
export function createIdbReceiptLog(store: UseStore = createStore('samtycke', 'consent'), limit = RECEIPT_LOG_LIMIT): ReceiptLog {
  // Safari's IndexedDB can hang instead of failing: a call that does not answer in time rejects,
  // so the caller's fallback (memory) takes over.
  return {
    append: (receipt) => inTime(update<unknown>(KEY, (stored) => appended(receiptsIn(stored), receipt, limit), store)),
    list: async () => receiptsIn(await inTime(get(KEY, store))),
    clear: () => inTime(del(KEY, store)),
  };
}

/** Receipts in memory: for tests, and for a page view whose storage failed. */
export function createMemoryReceiptLog(limit = RECEIPT_LOG_LIMIT): ReceiptLog {
  let receipts: readonly ConsentReceipt[] = [];
  return {
    append: async (receipt) => void (receipts = appended(receipts, receipt, limit)),
    list: async () => receipts,
    clear: async () => void (receipts = []),
  };
}
