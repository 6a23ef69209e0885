import index from '../../../catalogue/index.json';

/** What the widget knows about a catalogue service without downloading its entry. */
export interface CatalogueIndexEntry {
  /** The entry's default category. */
  readonly category: string;
  /** The entry's host patterns (see `matchHost`). */
  readonly hosts: readonly string[];
}

/**
 * Every built-in service, by id: generated from `catalogue/<id>.json` by
 * `scripts/catalogue-index.mjs` and bundled, about 0.7 kB gzip. The entries themselves are
 * downloaded only for the ids a shop's configuration names.
 */
export const CATALOGUE_INDEX: Readonly<Record<string, CatalogueIndexEntry>> = index;

/** Whether `id` names a built-in catalogue service. */
export const isCatalogueId = (id: unknown): id is string => typeof id === 'string' && Object.hasOwn(CATALOGUE_INDEX, id);
