import {createConsentManager, createMemoryStore, validateConfig, type Config, type ConsentRecord, type ConsentManager, type ConsentStore, type Platform, type ResolvedConfig} from '../../src/core/index.js';
import en from '../../locales/en.json';

/** A valid configuration with the default categories and three services; `overrides` replace keys. */
export function rawConfig(overrides: Partial<Config> = {}): Config {
  return {
    revision: 1,
    languages: ['en', 'sv'],
    privacyPolicyUrl: '/privacy',
    services: [
      {id: 'ga4', name: 'Google Analytics 4', category: 'analytics', provider: 'Google Ireland Limited', purpose: 'Statistics',
        cookies: [{name: '_ga', duration: '2 years'}, {name: '_ga_*', duration: '2 years'}]},
      {id: 'meta-pixel', name: 'Meta pixel', category: 'marketing', provider: 'Meta Platforms Ireland Limited', purpose: 'Ads',
        cookies: [{name: '_fbp', duration: '3 months'}, {name: 'fr', duration: '3 months', party: 'third', domain: '.facebook.com'}],
        storage: [{name: 'fb_*', type: 'local'}]},
      {id: 'youtube', name: 'YouTube', category: 'marketing', provider: 'Google Ireland Limited', purpose: 'Videos'},
    ],
    ...overrides,
  };
}

/** A validated configuration; fails the test when the fixture itself is invalid. */
export function config(overrides: Partial<Config> = {}): ResolvedConfig {
  const {config: resolved, problems} = validateConfig(rawConfig(overrides), {referenceTexts: en});
  if (!resolved) throw new Error(`fixture config invalid: ${JSON.stringify(problems)}`);
  return resolved;
}

/** Console stand-in that records what would have been logged. */
export function recordingConsole() {
  const lines: {level: string; text: string}[] = [];
  const push = (level: string) => (...args: unknown[]) => void lines.push({level, text: args.map(String).join(' ')});
  return {lines, error: push('error'), warn: push('warn'), groupCollapsed: push('group'), groupEnd: () => undefined};
}

const mounted: Element[] = [];

/**
 * Puts markup into the live document (scripts must be connected to run) and removes it after
 * the test through `unmountAll`. Parsed through a template, so scripts stay inert until released.
 */
export function mount(markup: string, parent: Element = document.body): Element[] {
  const template = document.createElement('template');
  template.innerHTML = markup.trim();
  const nodes = Array.from(template.content.children);
  parent.append(...nodes.map((n) => document.importNode(n, true)));
  const added = Array.from(parent.children).slice(-nodes.length);
  mounted.push(...added);
  return added;
}

const managers: ConsentManager[] = [];

/** A manager on the live document with an in-memory store, a recording console and no reload. */
export function manager(resolved: ResolvedConfig = config(), platform: Partial<Platform> & {store?: ConsentStore} = {}) {
  const out = recordingConsole();
  const reloads: number[] = [];
  const m = createConsentManager(resolved, {document, store: createMemoryStore(), console: out, reload: () => void reloads.push(1), ...platform});
  managers.push(m);
  return {manager: m, console: out, reloads};
}

/** Removes mounted markup and stops managers: call from `teardown`. */
export function cleanUp(): void {
  for (const m of managers.splice(0)) m.destroy();
  for (const el of mounted.splice(0)) el.remove();
  // Released scripts replace the mounted ones: remove whatever is tagged.
  document.querySelectorAll('[data-consent]').forEach((el) => el.remove());
}

declare global {
  interface Window {
    ran?: string[];
  }
}

export const DAY = 86_400_000;
/** The tests' "now": records are made relative to it. */
export const NOW = Date.parse('2026-05-01T10:00:00Z');

/** A stored accept-all record from yesterday, in force for 100 more days; `overrides` replace keys. */
export const record = (overrides: Partial<ConsentRecord> = {}): ConsentRecord => ({
  consentId: 'c0ffee', method: 'accept-all', timestamp: new Date(NOW - DAY).toISOString(),
  expires: new Date(NOW + 100 * DAY).toISOString(), revision: 1, language: 'en',
  categories: {necessary: true, functional: true, analytics: true, marketing: true},
  services: {ga4: true, 'meta-pixel': true, youtube: true}, ...overrides,
});
