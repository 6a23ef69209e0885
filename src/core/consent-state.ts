import type {ConsentRecord, ConsentState, ResolvedConfig, UndecidedReason} from './types.js';

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
  const categories = Object.fromEntries(config.categories.map((c) => [c.id, c.required || record.categories[c.id] === true]));
  const services = Object.fromEntries(config.services.map((s) => [s.id, categories[s.category] && record.services[s.id] === true]));
  return freeze({status: 'decided', reason: null, categories, services, record: freeze({...record}), persisted});
}

/** The state a stored record gives at `now`: decided, or undecided when missing, outdated or expired. */
export function evaluateRecord(config: ResolvedConfig, record: ConsentRecord | null, now: number, persisted: boolean): ConsentState {
  if (!record) return undecidedState(config, 'new', persisted);
  if (record.revision !== config.revision) return undecidedState(config, 'revision', persisted);
  if (Date.parse(record.expires) <= now) return undecidedState(config, 'expired', persisted);
  return decidedState(config, record, persisted);
}
