import {CATALOGUE_INDEX, INLINE_CONFIG_ID, installAutoBlocker, readDecisionCookie, startSignals, type CatalogueIndexEntry, type ConfigSource} from './core/index.js';
import {gpcSent, INSTALLED, start} from './start.js';

/**
 * The classic-script entry (`dist/samtycke.js`):
 * `<script src="/samtycke/samtycke.js" data-config="/samtycke.config.json"></script>`,
 * first in `<head>`, without `async` or `defer`, so it runs before the tags it guards are parsed.
 * Everything that must precede the page's own scripts happens here, in this task: Google Consent
 * Mode's default (and a returning visitor's update, from the decision cookie) and the traps that
 * put the pixels' consent first in their queues, and automatic blocking of untagged trackers.
 */
const script = document.currentScript as HTMLScriptElement | null;

/** An inline config above the tag, read now (once): its revision lets the cookie speak early. */
function inlineConfig(): ConfigSource | null {
  const text = document.getElementById(INLINE_CONFIG_ID)?.textContent;
  try {
    return text ? {name: `#${INLINE_CONFIG_ID}`, json: JSON.parse(text)} : null;
  } catch {
    // Not JSON: loading the config again reports it with the fix.
    return null;
  }
}

/** The config's revision, when this early it can be known: `data-revision`, or the inline config. */
function knownRevision(inline: ConfigSource | null): number | null {
  const attribute = Number(script?.getAttribute('data-revision') ?? NaN);
  if (Number.isInteger(attribute)) return attribute;
  const revision = (inline?.json as {revision?: unknown} | null | undefined)?.revision;
  return typeof revision === 'number' ? revision : null;
}

// A second copy (a theme and a plugin both adding the tag) must do nothing at all: its own hooks
// would hold what the first copy releases.
if (!(window.samtycke as unknown as Record<symbol, unknown> | undefined)?.[INSTALLED]) {
  const inline = inlineConfig();
  const early = startSignals(window, {
    cookie: readDecisionCookie(document.cookie), now: Date.now(), gpc: gpcSent(window), revision: knownRevision(inline),
    consentMode: script?.getAttribute('data-consent-mode') !== 'off',
  });
  // Until the config is read, the hosts of every catalogue service that needs consent are held:
  // any may be declared. Necessary ones (Stripe, Tag Manager) load as the page wrote them.
  const rules = Object.fromEntries(Object.entries(CATALOGUE_INDEX).filter(([, entry]: [string, CatalogueIndexEntry]) => entry.category !== 'necessary'));
  const blocker = installAutoBlocker(document, rules);
  start({
    blocker,
    configUrl: script?.getAttribute('data-config') ?? null,
    assetsUrl: script?.src ? new URL('.', script.src).href : null,
    debug: script?.hasAttribute('data-debug') ?? false,
    nonce: script?.nonce || undefined,
    early,
    inline,
  });
} else {
  console.warn('Samtycke is already running on this page; the second copy does nothing.');
}
