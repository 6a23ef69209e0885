import type {ConsentMethod, ConsentRecord, ConsentSource, ConsentState, ResolvedConfig, UndecidedReason} from './types.js';

/** Freezes a state or record and the maps inside it: snapshots are replaced, never changed. */
export const freeze = <T extends object>(value: T): T => {
  for (const inner of Object.values(value)) if (inner && typeof inner === 'object') Object.freeze(inner);
  return Object.freeze(value);
};

/** Ids that are `true` in `to` but not in `from`. */
export const diff = (from: Readonly<Record<string, boolean>>, to: Readonly<Record<string, boolean>>): string[] =>
  Object.keys(to).filter((id) => to[id] && !from[id]);

/** No decision in force: only the required category (and its services) is allowed. */
export function undecidedState(config: ResolvedConfig, reason: UndecidedReason, persisted: boolean): ConsentState {
  const categories = Object.fromEntries(config.categories.map((c) => [c.id, c.required]));
  const services = Object.fromEntries(config.services.map((s) => [s.id, categories[s.category]]));
  return freeze({status: 'undecided', reason, categories, services, record: null, persisted});
}

/** The state a decision gives. Only what the configuration declares counts; ids it no longer has are dropped. */
export function decidedState(config: ResolvedConfig, record: ConsentRecord, persisted: boolean): ConsentState {
  const required = new Set(config.categories.filter((c) => c.required).map((c) => c.id));
  const categories = Object.fromEntries(config.categories.map((c) => [c.id, c.required || record.categories[c.id] === true]));
  // A service may be allowed on its own ("Always allow YouTube") while its category is not.
  const services = Object.fromEntries(config.services.map((s) => [s.id, required.has(s.category) || record.services[s.id] === true]));
  return freeze({status: 'decided', reason: null, categories, services, record: freeze({...record}), persisted});
}

/** The state a stored record gives at `now`: decided, or undecided when missing, outdated or expired. */
export function evaluateRecord(config: ResolvedConfig, record: ConsentRecord | null, now: number, persisted: boolean): ConsentState {
  if (!record) return undecidedState(config, 'new', persisted);
  if (record.revision !== config.revision) return undecidedState(config, 'revision', persisted);
  if (record.method === 'expiry' || Date.parse(record.expires) <= now) return undecidedState(config, 'expired', persisted);
  if (record.undecided) {
    // A service allowed from its embed before the visitor answered the banner: that service
    // only, and the banner still asks about the rest.
    const {services} = decidedState(config, record, persisted);
    return freeze({...undecidedState(config, 'new', persisted), services, record: freeze({...record})});
  }
  return decidedState(config, record, persisted);
}

/** What a new record is made of, besides what the manager knows itself. */
export interface RecordInput {
  readonly method: ConsentMethod;
  readonly source: ConsentSource;
  /** Categories allowed; required ones are added. */
  readonly categories: Readonly<Record<string, boolean>>;
  /** Services refused (`false`) or allowed on their own (`true`); the rest follow their category. */
  readonly services: Readonly<Record<string, boolean>>;
  readonly consentId: string;
  readonly now: number;
  readonly language: string;
  /** Whether Global Privacy Control was on when the visitor decided. */
  readonly gpc: boolean;
  /** A service allowed on its own before any answer to the banner. */
  readonly undecided?: boolean;
}

const DAY = 86_400_000;

/** A complete record: every category and service of the configuration, true or false. */
export function buildRecord(config: ResolvedConfig, input: RecordInput): ConsentRecord {
  const categories = Object.fromEntries(config.categories.map((c) => [c.id, c.required || input.categories[c.id] === true]));
  const services = Object.fromEntries(config.services.map((s) => [s.id, input.services[s.id] ?? categories[s.category]]));
  const expires = input.method === 'expiry' ? input.now : input.now + config.lifetimeDays * DAY;
  return {
    consentId: input.consentId, method: input.method, source: input.source,
    timestamp: new Date(input.now).toISOString(), expires: new Date(expires).toISOString(),
    revision: config.revision, language: input.language, categories, services,
    ...(input.gpc ? {gpc: true} : {}),
    ...(input.undecided ? {undecided: true} : {}),
  };
}

/**
 * Global Privacy Control: categories it covers (marketing by default) are never granted silently.
 * A grant made before the browser sent GPC counts as withdrawn; returns the choices without it,
 * or null when the record needs no change.
 */
export function gpcWithdrawal(config: ResolvedConfig, record: ConsentRecord, covered: ReadonlySet<string>): Pick<RecordInput, 'categories' | 'services'> | null {
  if (record.gpc) return null;
  const affected = config.services.filter((s) => covered.has(s.category) && record.services[s.id]);
  if (![...covered].some((id) => record.categories[id]) && !affected.length) return null;
  return {
    categories: Object.fromEntries(config.categories.map((c) => [c.id, record.categories[c.id] === true && !covered.has(c.id)])),
    services: Object.fromEntries(config.services.map((s) => [s.id, record.services[s.id] === true && !covered.has(s.category)])),
  };
}
