/** Fields of a catalogue entry whose text is shown to visitors, per language. */
const LOCALIZED = new Set(['purpose', 'shares']);

type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (value: Json): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Catalogue text (in the eleven languages the widget ships) fitted to the shop's languages: each language gets its own
 * text, else that of its base language (`sv-FI` → `sv`), else English. The validator requires
 * exactly the shop's languages, so a German-only or a Swedish-only shop can use the catalogue as is and
 * override only what it wants in its own words.
 */
export function fitLanguages(text: Json, languages: readonly string[]): Json {
  if (!isObject(text) || !languages.length) return text;
  const fallback = text.en ?? Object.values(text)[0];
  return Object.fromEntries(languages.map((tag) => [tag, text[tag] ?? text[tag.split('-')[0]] ?? fallback]));
}

/** A copy of a catalogue entry with every visitor text fitted to `languages`. */
function fitEntry(value: Json, languages: readonly string[], key = ''): Json {
  if (Array.isArray(value)) return value.map((item) => fitEntry(item, languages));
  if (!isObject(value)) return value;
  if (LOCALIZED.has(key)) return fitLanguages(value, languages);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fitEntry(v, languages, k)]));
}

/**
 * The owner's fields laid over the catalogue's: the owner wins; objects merge key by key (so
 * `{"purpose": {"sv": "…"}}` replaces only the Swedish text); arrays and everything else replace
 * (`"cookies": [...]` is the whole list). Neither argument is changed.
 */
function overlay(base: Json, owner: Json): Json {
  if (!isObject(base) || !isObject(owner)) return structuredClone(owner);
  const merged: JsonObject = {...base};
  for (const [key, value] of Object.entries(owner)) {
    // JSON.parse makes "__proto__" an own key; writing it through [] would set the prototype.
    if (key === '__proto__') continue;
    merged[key] = Object.hasOwn(base, key) ? overlay(base[key], value) : structuredClone(value);
  }
  return merged;
}

/**
 * A service of the configuration from a catalogue entry and the owner's overrides (an object
 * with at least `id`, or nothing for a plain `"ga4"`), with the catalogue's texts fitted to the
 * shop's `languages`.
 */
export function mergeService(entry: Json, owner: Json, languages: readonly string[]): Json {
  const fitted = fitEntry(entry, languages);
  return owner === undefined ? fitted : overlay(fitted, owner);
}
