import type {ConsentRecord} from '../types.js';
import {parseRecord} from './consent-store.js';

/**
 * A synchronous copy of the decision, so a returning visitor's scripts are released in the same
 * task that starts Samtycke, as fast as with a cookie-based widget, while IndexedDB (the record)
 * is still opening. IndexedDB wins whenever the two differ. Written only after IndexedDB accepted
 * the record, so a browser that refuses IndexedDB never gets a decision carried to the next page.
 */
export interface DecisionMirror {
  read(): ConsentRecord | null;
  write(record: ConsentRecord | null): void;
}

/**
 * The mirror in `localStorage`. Browsers clear localStorage together with IndexedDB (Safari's
 * seven-day rule covers both alike, unlike script-written cookies), so the copy lives exactly as
 * long as the record. Any storage error reads as "no copy".
 */
export function createLocalStorageMirror(storage: () => Storage | undefined, key = 'samtycke'): DecisionMirror {
  return {
    read: () => {
      try {
        return parseRecord(JSON.parse(storage()?.getItem(key) ?? 'null'));
      } catch {
        return null;
      }
    },
    write: (record) => {
      try {
        if (record) storage()?.setItem(key, JSON.stringify(record));
        else storage()?.removeItem(key);
      } catch {
        // Quota or blocked storage: an outdated copy must not outlive the record it copies.
        try {
          storage()?.removeItem(key);
        } catch {
          // Storage is blocked altogether: there is no copy to read either.
        }
      }
    },
  };
}

/** A mirror that keeps nothing: for tests and hosts without synchronous storage. */
export const noMirror: DecisionMirror = {read: () => null, write: () => undefined};
