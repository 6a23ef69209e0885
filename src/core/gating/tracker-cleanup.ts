import type {ServiceConfig} from '../types.js';

/** Access to the page's cookies, injected so tests and other hosts can supply their own. */
export interface CookieJar {
  /** Names of the cookies the page can see. */
  names(): string[];
  /** Expires one cookie as set on `domain` (host-only when undefined) and `path`. */
  remove(name: string, at: {readonly domain: string | undefined; readonly path: string}): void;
}

/** The real cookie jar of a document. */
export function createDocumentCookieJar(document: Document): CookieJar {
  return {
    names: () => document.cookie.split(';').map((c) => c.split('=')[0].trim()).filter(Boolean),
    remove: (name, {domain, path}) => {
      // __Secure- and __Host- cookies can only be written, so deleted, with Secure.
      const secure = document.location.protocol === 'https:' ? '; Secure' : '';
      document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; max-age=0; path=${path}${domain ? `; domain=${domain}` : ''}${secure}`;
    },
  };
}

/** A cookie or storage-key name with `*` wildcards as an anchored pattern. */
export const wildcard = (pattern: string): RegExp =>
  new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

/**
 * Domains a cookie of `hostname` may have been set on: host-only, the host, and each parent
 * domain, with and without the leading dot (older scripts write `.example.se`). The browser
 * ignores attempts on public suffixes, so trying `.se` is harmless but pointless: stop at two labels.
 */
export function candidateDomains(hostname: string): (string | undefined)[] {
  const domains: (string | undefined)[] = [undefined];
  if (/^[\d.]+$|:/.test(hostname)) return domains;
  const labels = hostname.split('.');
  for (let i = 0; i < Math.max(1, labels.length - 1); i++) {
    const domain = labels.slice(i).join('.');
    domains.push(domain, `.${domain}`);
  }
  return domains;
}

/** `/`, every prefix of the page's path (where cookies set without `path` live), and `declared`. */
export function candidatePaths(pathname: string, declared?: string): string[] {
  const paths = new Set(['/']);
  const parts = pathname.split('/').filter(Boolean);
  for (let i = 1; i <= parts.length; i++) paths.add('/' + parts.slice(0, i).join('/'));
  if (declared) paths.add(declared);
  return [...paths];
}

export interface CleanupPlatform {
  readonly cookies: CookieJar;
  readonly location: {readonly hostname: string; readonly pathname: string};
  readonly localStorage?: Storage | undefined;
  readonly sessionStorage?: Storage | undefined;
}

/**
 * Deletes the first-party cookies and storage keys the given services declare, wherever they
 * may have been set. Third-party cookies live on the vendor's domain and cannot be reached from
 * the shop's page: the vendor's own privacy controls cover those. Returns what was deleted.
 */
export function clearTrackerData(services: readonly ServiceConfig[], platform: CleanupPlatform): string[] {
  const cleared: string[] = [];
  // document.cookie lists a name once per domain and path it is set on.
  const present = [...new Set(platform.cookies.names())];
  for (const service of services) {
    for (const cookie of service.cookies ?? []) {
      if (cookie.party === 'third') continue;
      const match = wildcard(cookie.name);
      const names = present.filter((n) => match.test(n));
      // A cookie on a declared path is invisible from pages outside it: expire it there blindly.
      const exact = !cookie.name.includes('*') && cookie.path !== undefined;
      if (exact && !names.includes(cookie.name)) names.push(cookie.name);
      for (const name of names) {
        for (const domain of candidateDomains(platform.location.hostname)) {
          for (const path of candidatePaths(platform.location.pathname, cookie.path)) platform.cookies.remove(name, {domain, path});
        }
        if (present.includes(name) && !cleared.includes(name)) cleared.push(name);
      }
    }
    for (const item of service.storage ?? []) {
      const storage = item.type === 'local' ? platform.localStorage : platform.sessionStorage;
      if (!storage) continue;
      const match = wildcard(item.name);
      for (const key of Object.keys(storage).filter((k) => match.test(k))) {
        storage.removeItem(key);
        cleared.push(key);
      }
    }
  }
  return cleared;
}

/** A window's storage, or undefined where the browser blocks it (access throws). */
export const storageOf = (view: Window | null, name: 'localStorage' | 'sessionStorage'): Storage | undefined => {
  try {
    return view?.[name];
  } catch {
    return undefined;
  }
};
