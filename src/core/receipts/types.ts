import type {ConsentMethod, ConsentSource} from '../types.js';

/**
 * Proof of one decision, kept on the device and, when the shop configures `consentLog.endpoint`,
 * sent to the shop. Holds nothing that identifies the visitor: no IP address, no user agent.
 */
export interface ConsentReceipt {
  /** Unique per receipt (UUID); the endpoint deduplicates by it. */
  readonly receiptId: string;
  /** The device's consent id: the same for every decision on this device until it is forgotten. */
  readonly consentId: string;
  /** ISO 8601, UTC. */
  readonly timestamp: string;
  readonly method: ConsentMethod;
  /** Where it was given: banner, preferences, privacy-center, embed, gpc, expiry or api. */
  readonly source: ConsentSource;
  /** Every category of the config, true or false. */
  readonly categories: Readonly<Record<string, boolean>>;
  /** Every service of the config, true or false. */
  readonly services: Readonly<Record<string, boolean>>;
  /** The config's `revision`. */
  readonly revision: number;
  /** Language the visitor read the texts in. */
  readonly language: string;
  /** SHA-256 (hex) of the canonical JSON of the config and the texts shown; null where the browser has no Web Crypto. */
  readonly configHash: string | null;
  /** Page where it was given: origin and path, no query or fragment. */
  readonly page: string;
  /** The widget that recorded it, "samtycke/<version>". */
  readonly widget: string;
}

/** The receipts of this device, oldest first. */
export interface ReceiptLog {
  append(receipt: ConsentReceipt): Promise<void>;
  list(): Promise<readonly ConsentReceipt[]>;
  clear(): Promise<void>;
}

/** Receipts waiting to reach the shop's endpoint; survives offline periods, closed tabs and failures. */
export interface Outbox {
  /**
   * Stores the receipt in the outbox and starts sending it; resolves once it is stored. Rejects
   * when storage fails: the receipt is then still sent from memory during this page view.
   */
  add(receipt: ConsentReceipt): Promise<void>;
  /** Sends what waits now; resolves when the attempt is over (delivered or scheduled for retry). */
  flush(): Promise<void>;
  pending(): Promise<readonly ConsentReceipt[]>;
  clear(): Promise<void>;
  /** Flushes when the browser comes online, and with `keepalive` when the page is hidden; returns a stop function. */
  start(view: Window): () => void;
}
