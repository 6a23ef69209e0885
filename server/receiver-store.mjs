// Durable storage of receipts and rights requests in LMDB (an embedded, crash-safe key-value
// database: https://github.com/kriszyp/lmdb-js). Receipts are keyed by receiptId and requests by
// requestId, so a resent one is recognised and stored once. An order index (a sequence number
// per record) keeps exports in the order things arrived, also within one batch.
import {mkdirSync} from 'node:fs';
import path from 'node:path';
import {open} from 'lmdb';
import {idKey} from './formats.mjs';

/**
 * Opens (or creates) the store in `dir`.
 * @param {string} dir directory of the database files (`samtycke.mdb` and its lock file)
 * @param {{now?: () => Date}} [options] `now`: the clock for `receivedAt`
 */
export function openReceiverStore(dir, {now = () => new Date()} = {}) {
  mkdirSync(dir, {recursive: true});
  const root = open({path: path.join(dir, 'samtycke.mdb'), maxDbs: 8});
  const receipts = root.openDB({name: 'receipts'});
  const receiptOrder = root.openDB({name: 'receipts-by-arrival'});
  const requests = root.openDB({name: 'requests'});
  const requestOrder = root.openDB({name: 'requests-by-arrival'});

  /** Resolves once everything committed so far is on disk, so a 2xx answer means stored. */
  const durable = () => root.flushed;
  /** The next sequence number of an order index; call inside the write transaction. */
  const nextIn = (order) => {
    const [last] = order.getKeys({reverse: true, limit: 1});
    return (last ?? 0) + 1;
  };

  return {
    /**
     * Stores the receipts whose id is new, in one transaction.
     * @param {object[]} list validated receipts
     * @returns {Promise<{accepted: string[], duplicates: string[]}>} ids as sent
     */
    async addReceipts(list) {
      if (list.length === 0) return {accepted: [], duplicates: []};
      const receivedAt = now().toISOString();
      const result = await root.transaction(() => {
        const accepted = [];
        const duplicates = [];
        let sequence = nextIn(receiptOrder);
        for (const receipt of list) {
          const key = idKey(receipt.receiptId);
          // The first stored version of an id is kept: a receipt is proof and never rewritten.
          if (receipts.doesExist(key)) {
            duplicates.push(receipt.receiptId);
            continue;
          }
          receipts.put(key, {...receipt, receivedAt});
          receiptOrder.put(sequence++, key);
          accepted.push(receipt.receiptId);
        }
        return {accepted, duplicates};
      });
      await durable();
      return result;
    },

    /**
     * Stores a rights request unless its id is known.
     * @returns {Promise<{created: boolean, stored: object}>} `stored`: the request as kept (with `receivedAt`)
     */
    async addRequest(request) {
      const key = idKey(request.requestId);
      const receivedAt = now().toISOString();
      const result = await root.transaction(() => {
        const existing = requests.get(key);
        if (existing) return {created: false, stored: existing};
        const stored = {...request, receivedAt};
        requests.put(key, stored);
        requestOrder.put(nextIn(requestOrder), key);
        return {created: true, stored};
      });
      await durable();
      return result;
    },

    getReceipt: (receiptId) => receipts.get(idKey(receiptId)),
    getRequest: (requestId) => requests.get(idKey(requestId)),

    /** Every receipt in the order it arrived (a lazy iterable: exports stream it). */
    receipts: () => receiptOrder.getRange().map(({value}) => receipts.get(value)).filter(Boolean),
    /** Every rights request in the order it arrived. */
    requests: () => requestOrder.getRange().map(({value}) => requests.get(value)).filter(Boolean),

    /** Closes the database; pending writes are committed first. */
    close: () => root.close(),
  };
}
