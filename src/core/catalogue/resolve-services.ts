import {suggest} from '../config/schema-validator.js';
import type {Problem} from '../types.js';
import {CATALOGUE_INDEX, isCatalogueId} from './catalogue-index.js';
import {mergeService} from './merge-service.js';

/** Loads the catalogue entry of one service id: the parsed `catalogue/<id>.json`. */
export type CatalogueLoader = (id: string) => Promise<unknown>;

/** What `resolveCatalogue` returns: the configuration with catalogue services written out. */
export interface CatalogueResolution {
  /** A copy of the configuration; the input is not changed. */
  readonly json: unknown;
  /** Unknown ids and entries that could not be loaded. Any problem means: release nothing. */
  readonly problems: readonly Problem[];
  /** Ids of the services written out from the catalogue. */
  readonly catalogue: ReadonlySet<string>;
}

/** A catalogue entry could not be downloaded or read. */
export class CatalogueLoadError extends Error {
  override name = 'CatalogueLoadError';
  constructor(readonly url: string, readonly reason: string) {
    super(`${url}: ${reason}`);
  }
}

/**
 * The URL of a catalogue entry: `catalogue/<id>.json` beside the widget. `base` is the URL of
 * samtycke.js itself (its script tag's `src`), so the catalogue folder is found wherever the shop
 * uploaded the widget.
 */
export const catalogueUrl = (id: string, base: string | URL): string => new URL(`catalogue/${encodeURIComponent(id)}.json`, base).href;

/**
 * A loader that downloads entries from `catalogue/` beside `base` (see `catalogueUrl`). Rejects
 * with a `CatalogueLoadError` naming the URL when the request fails or the file is not JSON.
 */
export function createCatalogueLoader(
  {base, fetch = globalThis.fetch}: {base: string | URL; fetch?: typeof globalThis.fetch},
): CatalogueLoader {
  return async (id) => {
    const url = catalogueUrl(id, base);
    let response: Response;
    try {
      response = await fetch(url, {credentials: 'same-origin'});
    } catch {
      throw new CatalogueLoadError(url, 'the file could not be fetched (network error or blocked by the Content-Security-Policy connect-src)');
    }
    if (!response.ok) throw new CatalogueLoadError(url, `the server answered ${response.status}`);
    try {
      return await response.json();
    } catch {
      throw new CatalogueLoadError(url, 'the file is not valid JSON');
    }
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const FULL_SERVICE = '{"id": "…", "name": "…", "category": "…", "provider": "…", "purpose": "…"}';

/**
 * Writes out the catalogue services of a configuration. Every item of `services` that is a
 * string, or an object whose `id` is a catalogue id, becomes the catalogue entry with the owner's
 * fields laid over it (the owner wins; objects merge key by key; arrays replace), its texts fitted
 * to the configuration's `languages`. Only the entries used are loaded, all at once. Other items
 * are kept as they are, for the validator to check.
 *
 * Never throws. An unknown id or an entry that cannot be loaded is a problem (with the closest
 * catalogue id, or how to write the service out in full), and that item is kept as written, so the
 * configuration stays invalid: the caller must report the problems and release nothing.
 */
export async function resolveCatalogue(json: unknown, load: CatalogueLoader): Promise<CatalogueResolution> {
  if (!isRecord(json) || !Array.isArray(json.services)) return {json, problems: [], catalogue: new Set()};
  const services: unknown[] = json.services;
  const languages = Array.isArray(json.languages) && json.languages.every((l) => typeof l === 'string') ? (json.languages as string[]) : [];
  const problems: Problem[] = [];

  const idOf = (item: unknown): string | undefined =>
    typeof item === 'string' ? item : isRecord(item) && isCatalogueId(item.id) ? item.id : undefined;
  const wanted = new Map<string, number>();
  services.forEach((item, i) => {
    const id = idOf(item);
    if (id === undefined) return;
    if (!isCatalogueId(id)) {
      const guess = suggest(id, Object.keys(CATALOGUE_INDEX));
      problems.push({
        path: `$.services[${i}]`,
        message: `"${id}" is not a service in the built-in catalogue`,
        fix: guess ? `did you mean "${guess}"?` : `use a catalogue id (the README lists them), or write the service out in full: ${FULL_SERVICE}`,
      });
      return;
    }
    if (!wanted.has(id)) wanted.set(id, i);
  });

  const loaded = new Map<string, unknown>();
  await Promise.all([...wanted].map(async ([id, first]) => {
    try {
      const entry = await load(id);
      if (!isRecord(entry) || entry.id !== id) {
        problems.push({path: `$.services[${first}]`, message: `the catalogue file for "${id}" does not hold the entry for "${id}"`,
          fix: 'upload the catalogue folder that comes with this version of samtycke.js beside it, or write the service out in full'});
        return;
      }
      loaded.set(id, entry);
    } catch (error) {
      const url = error instanceof CatalogueLoadError ? error.url : `catalogue/${id}.json`;
      const reason = error instanceof CatalogueLoadError ? error.reason : String((error as Error)?.message ?? error);
      problems.push({path: `$.services[${first}]`, message: `the catalogue entry "${id}" could not be loaded from ${url}: ${reason}`,
        fix: 'upload the catalogue folder that comes with samtycke.js beside it, or write the service out in full'});
    }
  }));

  const resolved = services.map((item) => {
    const id = idOf(item);
    if (id === undefined || !loaded.has(id)) return item;
    return mergeService(loaded.get(id), typeof item === 'string' ? undefined : item, languages);
  });
  // Problems in the order of the services they concern.
  problems.sort((a, b) => serviceIndex(a.path) - serviceIndex(b.path));
  return {json: {...json, services: resolved}, problems, catalogue: new Set([...wanted.keys()].filter((id) => loaded.has(id)))};
}

const serviceIndex = (path: string): number => Number(/\[(\d+)\]/.exec(path)?.[1] ?? 0);
