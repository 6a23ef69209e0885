/**
 * The one text form of a JSON value, so that a hash computed here can be computed again on a
 * server from the same data: RFC 8785, the JSON Canonicalization Scheme (JCS).
 *
 * - object members sorted by key, comparing UTF-16 code units (JavaScript's default `sort()`);
 * - no whitespace anywhere;
 * - strings as `JSON.stringify` writes them (only `"`, `\` and U+0000–U+001F escaped, with the
 *   short forms `\b \f \n \r \t` and lowercase `\u00xx` for the rest; everything else, å ä ö
 *   included, as itself);
 * - numbers as `JSON.stringify` writes them (ECMAScript's shortest round-trip form: `1`, not
 *   `1.0`; `1e+21`; `-0` as `0`).
 *
 * Any JCS implementation (Java, Go, Python `jcs`, .NET) gives the same text for the same data.
 *
 * The input is JSON data, as `JSON.parse` returns it. Object members whose value is `undefined`
 * are left out, as `JSON.stringify` does. Throws `TypeError` for anything JSON cannot hold
 * (`NaN`, `Infinity`, a bigint, a function, `undefined` in an array) rather than hash a guess.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`${value} has no JSON form`);
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object).filter((key) => object[key] !== undefined).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(',')}}`;
  }
  throw new TypeError(`${typeof value} has no JSON form`);
}
