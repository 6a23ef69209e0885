import type {ServiceConfig} from '../types.js';
import {DECISION_COOKIE} from '../storage/decision-mirror.js';
import {createDocumentCookieJar, storageOf, wildcard as pattern} from '../gating/tracker-cleanup.js';


/** What the page stores that no declared service explains. */
export interface UnknownData {
  readonly cookies: readonly string[];
  readonly localStorage: readonly string[];
  readonly sessionStorage: readonly string[];
}

const keysOf = (storage: Storage | undefined): string[] => {
  try {
    return storage ? Array.from({length: storage.length}, (_, i) => storage.key(i)!).filter(Boolean) : [];
  } catch {
    return [];
  }
};

/** The cookies and storage keys of `document` that no declared cookie or storage key (with `*` wildcards) matches. */
export function findUnknownData(document: Document, services: readonly ServiceConfig[]): UnknownData {
  const view = document.defaultView;
  const cookies = services.flatMap((s) => s.cookies ?? []).map((c) => pattern(c.name));
  const stored = (type: 'local' | 'session') => services.flatMap((s) => s.storage ?? []).filter((k) => k.type === type).map((k) => pattern(k.name));
  const unexplained = (names: string[], patterns: RegExp[]) => [...new Set(names)].filter((name) => !patterns.some((p) => p.test(name))).sort();
  // Blocked storage has nothing to report.
  const names = createDocumentCookieJar(document).names().filter((n) => n !== DECISION_COOKIE);
  const local = storageOf(view, 'localStorage');
  const session = storageOf(view, 'sessionStorage');
  return {
    cookies: unexplained(names, cookies),
    localStorage: unexplained(keysOf(local), stored('local')),
    sessionStorage: unexplained(keysOf(session), stored('session')),
  };
}

/**
 * With `data-debug` on the script tag: tells the owner, in the console, which cookies and storage
 * keys on the page no declared service explains, so the declaration can be kept complete.
 * Reports each name once per page view; returns how many were new.
 */
export function createUnknownDataReport(document: Document, services: readonly ServiceConfig[], out: Pick<Console, 'groupCollapsed' | 'groupEnd' | 'warn' | 'info'> = console) {
  const told = new Set<string>();
  return (): number => {
    const found = findUnknownData(document, services);
    const rows = [
      ...found.cookies.map((name) => ['cookie', name]),
      ...found.localStorage.map((name) => ['localStorage', name]),
      ...found.sessionStorage.map((name) => ['sessionStorage', name]),
    ].filter(([type, name]) => !told.has(`${type}:${name}`));
    if (!rows.length) return 0;
    out.groupCollapsed(`Samtycke (data-debug): ${rows.length} cookie(s) or storage key(s) on ${document.location.pathname} that no declared service explains`);
    for (const [type, name] of rows) {
      told.add(`${type}:${name}`);
      out.warn(`${type} "${name}"`);
    }
    out.info('Fix: add each to the cookies or storage of the service that sets it in your config (a catalogue id such as "ga4" brings its cookies along), or remove the script that sets it. Names may use * as a wildcard.');
    out.groupEnd();
    return rows.length;
  };
}
