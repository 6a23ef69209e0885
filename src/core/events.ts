import type {ConsentMethod, ConsentState} from './types.js';

/** Ids that changed, per kind. */
export interface ConsentDiff {
  readonly categories: readonly string[];
  readonly services: readonly string[];
}

/** Fired once the stored decision has been read and allowed elements released. */
export class SamtyckeReadyEvent extends Event {
  static readonly type = 'samtycke-ready';
  constructor(readonly state: ConsentState) {
    super(SamtyckeReadyEvent.type);
  }
  /** The same data as `detail`, for listeners written for CustomEvent. */
  get detail(): {state: ConsentState} {
    return {state: this.state};
  }
}

export interface ChangeDetail {
  readonly state: ConsentState;
  readonly previous: ConsentState;
  /** What became allowed. */
  readonly granted: ConsentDiff;
  /** What was allowed and no longer is. */
  readonly revoked: ConsentDiff;
  readonly method: ConsentMethod;
  /**
   * `"this-tab"`; `"other-tab"` when the decision was made in another tab of the shop;
   * `"storage"` when the stored record, read at start-up, corrected the quick copy.
   */
  readonly origin: 'this-tab' | 'other-tab' | 'storage';
}

/** Fired after every decision, in this tab or another one. */
export class SamtyckeChangeEvent extends Event {
  static readonly type = 'samtycke-change';
  constructor(readonly detail: ChangeDetail) {
    super(SamtyckeChangeEvent.type);
  }
}

export interface WithdrawDetail {
  readonly revoked: ConsentDiff;
  /** Cookie and storage key names that were deleted. */
  readonly cleared: readonly string[];
  /** Whether the page reloads next; `preventDefault()` stops it. */
  readonly reload: boolean;
}

/**
 * Fired when consent is taken back, after the declared cookies are deleted. Cancelable: a
 * single-page app that can stop its own trackers may `preventDefault()` the reload.
 */
export class SamtyckeWithdrawEvent extends Event {
  static readonly type = 'samtycke-withdraw';
  constructor(readonly detail: WithdrawDetail) {
    super(SamtyckeWithdrawEvent.type, {cancelable: true});
  }
}

/** Samtycke's events by name, for typed `addEventListener` and `on`. */
export interface SamtyckeEventMap {
  'samtycke-ready': SamtyckeReadyEvent;
  'samtycke-change': SamtyckeChangeEvent;
  'samtycke-withdraw': SamtyckeWithdrawEvent;
}

declare global {
  interface DocumentEventMap extends SamtyckeEventMap {}
}
