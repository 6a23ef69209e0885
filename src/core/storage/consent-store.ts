import {createStore, get, set, del, type UseStore} from 'idb-keyval';
import type {ConsentRecord} from '../types.js';

/** Where the decision is kept. Every method may reject; the manager then falls back to memory. */
export interface ConsentStore {
  get(): Promise<unknown>;
  set(record: ConsentRecord): Promise<void>;
  clear(): Promise<void>;
}

/** The key of the decision inside Samtycke's own database. */
const KEY = 'decision';

/**
 * IndexedDB through idb-keyval, in a database of its own (`samtycke`, store `consent`) so no
 * other script's keys mix with ours. The database opens on first use, not at import: in
 * browsers where `indexedDB` is missing or throws (Firefox private mode before v115, blocked
 * storage), the first call rejects instead of the script failing.
 */
export function createIdbStore(database = 'samtycke', storeName = 'consent'): ConsentStore {
  let store: UseStore | undefined;
  const use = (): UseStore => (store ??= createStore(database, storeName));
  return {
    get: async () => get(KEY, use()),
    set: async (record) => set(KEY, record, use()),
    clear: async () => del(KEY, use()),
  };
}

/** An in-memory store: for tests, and for a page view whose storage failed. */
export function createMemoryStore(initial?: unknown): ConsentStore {
  let value = initial;
  return {
    get: async () => value,
    set: async (record) => void (value = record),
    clear: async () => void (value = undefined),
  };
}

const isBooleanMap = (value: unknown): value is Record<string, boolean> =>
  typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'boolean');

/**
 * Returns the stored value as a record, or `null` when it is missing or not a record this version
 * understands (hand-edited, from another version, corrupted): such a visitor is asked again.
 */
export function parseRecord(value: unknown): ConsentRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Record<string, unknown>;
  const ok = typeof r.consentId === 'string' && typeof r.method === 'string' && typeof r.timestamp === 'string' &&
    typeof r.expires === 'string' && !Number.isNaN(Date.parse(r.expires)) && typeof r.revision === 'number' &&
    typeof r.language === 'string' && isBooleanMap(r.categories) && isBooleanMap(r.services);
  return ok ? (r as unknown as ConsentRecord) : null;
}

/** Storage that has not answered by then is treated as failed (Safari's IndexedDB can hang). */
export const STORAGE_TIMEOUT = 5_000;

/** Rejects when `promise` has not settled in time. */
export const inTime = <T>(promise: Promise<T>): Promise<T> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('storage did not answer')), STORAGE_TIMEOUT)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
};

/** A random id for a consent (UUID where the browser has it). */
export const randomId = (): string =>
  globalThis.crypto?.randomUUID?.() ?? Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
