import {createCatalogueLoader, resolveCatalogue, type CatalogueResolution} from './core/index.js';

/**
 * The config with catalogue ids written out from `catalogue/<id>.json` beside samtycke.js. Only
 * the entries the config names are downloaded, in parallel, once the config is read. Without a
 * known folder (a bundler set-up that passed no `assetsUrl`), naming a catalogue id is a problem
 * that says so.
 */
export function resolveServices(json: unknown, assetsUrl: string | null): Promise<CatalogueResolution> {
  const load = assetsUrl
    ? createCatalogueLoader({base: assetsUrl})
    : (id: string) => Promise.reject(new Error(`the widget does not know where the catalogue is: pass assetsUrl to start(), or write "${id}" out in full`));
  return resolveCatalogue(json, load);
}
