/**
 * Host patterns: where a service's scripts, iframes and pixels come from, as
 * `host[/path-prefix[?query-prefix]]`.
 *
 * - `connect.facebook.net` matches that host only, any path.
 * - `*.hotjar.com` matches `hotjar.com` and every subdomain (`static.hotjar.com`, `a.b.hotjar.com`).
 * - `www.facebook.com/tr` matches the path `/tr` and everything below it (`/tr/`, `/tr?id=1`),
 *   whole segments only: not `/track`. A prefix ending in `/` matches any path that starts with it.
 * - `www.googletagmanager.com/gtag/js?id=G-` also needs a query parameter starting with `id=G-`,
 *   wherever it stands in the query: `?l=dataLayer&id=G-X` matches, `?id=AW-1` does not.
 *
 * Only http(s) URLs match; relative URLs are resolved against a base. Host, path and query are
 * compared without regard to case (hosts are case-insensitive; a tag URL that differs only in
 * case is the same tag to the shop, and holding it is the safe side).
 */

/** Host patterns per service id: a Map, or a plain object such as `{"meta-pixel": ["connect.facebook.net"]}`. */
export type HostRules = ReadonlyMap<string, readonly string[]> | Readonly<Record<string, readonly string[]>>;

interface HostPattern {
  /** Without the `*.` of a wildcard pattern. */
  readonly host: string;
  readonly wildcard: boolean;
  readonly path: string | undefined;
  readonly query: string | undefined;
  /** Characters of host, path and query: the longer, the more precise. */
  readonly weight: number;
}

const HOST = /^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

const compiled = new Map<string, HostPattern | null>();

/** Parses a pattern once; `null` for a pattern that cannot match anything (reported by the validator). */
function compile(pattern: string): HostPattern | null {
  let found = compiled.get(pattern);
  if (found !== undefined) return found;
  const text = pattern.trim().toLowerCase();
  const slash = text.indexOf('/');
  const hostPart = slash < 0 ? text : text.slice(0, slash);
  const rest = slash < 0 ? '' : text.slice(slash);
  const question = rest.indexOf('?');
  const path = question < 0 ? rest : rest.slice(0, question);
  const query = question < 0 ? '' : rest.slice(question + 1);
  const wildcard = hostPart.startsWith('*.');
  found = HOST.test(hostPart) && !/[\s#]/.test(rest)
    ? {host: wildcard ? hostPart.slice(2) : hostPart, wildcard, path: path || undefined, query: query || undefined,
      weight: hostPart.length - (wildcard ? 2 : 0) + path.length + query.length + (wildcard ? 0 : 1)}
    : null;
  compiled.set(pattern, found);
  return found;
}

/** The parts of `url` patterns are matched against, or `null` when it is not an http(s) URL. */
function target(url: string, base: string | URL | null): {host: string; path: string; params: string[]} | null {
  let parsed: URL;
  try {
    parsed = new URL(url, base ?? undefined);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  return {
    // A trailing dot names the same host: "connect.facebook.net." loads the same script.
    host: parsed.hostname.replace(/\.$/, ''),
    path: parsed.pathname.toLowerCase(),
    params: parsed.search.slice(1).toLowerCase().split('&'),
  };
}

function matches(pattern: HostPattern, {host, path, params}: NonNullable<ReturnType<typeof target>>): boolean {
  if (!(host === pattern.host || (pattern.wildcard && host.endsWith(`.${pattern.host}`)))) return false;
  if (pattern.path !== undefined) {
    const prefix = pattern.path;
    const below = prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix || path.startsWith(`${prefix}/`);
    if (!below) return false;
  }
  return pattern.query === undefined || params.some((param) => param.startsWith(pattern.query!));
}

const defaultBase = (): string | null => globalThis.location?.href ?? null;

/**
 * Whether `url` matches one of `patterns`. Relative URLs (`/x.js`, `//cdn.example/x.js`) are
 * resolved against `base`, by default the current page (`null`: absolute URLs only). Returns
 * `false` for URLs that are not http(s) (`data:`, `blob:`, `javascript:`) or cannot be parsed;
 * patterns that are not valid match nothing.
 */
export function matchHost(url: string, patterns: readonly string[], base: string | URL | null = defaultBase()): boolean {
  const parts = target(url, base);
  if (!parts) return false;
  return patterns.some((p) => {
    const pattern = compile(p);
    return pattern !== null && matches(pattern, parts);
  });
}

/**
 * The service whose host patterns match `url`, or `undefined`. When patterns of several services
 * match, the most precise one wins (the longest pattern; an exact host before a `*.` wildcard of the
 * same length), so `www.google.com/maps` beats `*.google.com`; on a tie, the service listed first.
 */
export function serviceForUrl(url: string, rules: HostRules, base: string | URL | null = defaultBase()): string | undefined {
  const parts = target(url, base);
  if (!parts) return undefined;
  const entries = rules instanceof Map ? rules.entries() : Object.entries(rules as Readonly<Record<string, readonly string[]>>);
  let best: string | undefined;
  let bestWeight = -1;
  for (const [id, patterns] of entries) {
    for (const p of patterns) {
      const pattern = compile(p);
      if (pattern && pattern.weight > bestWeight && matches(pattern, parts)) [best, bestWeight] = [id, pattern.weight];
    }
  }
  return best;
}

/** Whether `pattern` is a valid host pattern (one that can match something). */
export const isHostPattern = (pattern: string): boolean => compile(pattern) !== null;
