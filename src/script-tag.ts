import {CATALOGUE_INDEX, INLINE_CONFIG_ID, installAutoBlocker, readDecisionCookie, startSignals, type CatalogueIndexEntry} from './core/index.js';
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

/** The config's revision, when this early it can be known: `data-revision`, or an inline config above the tag. */
function knownRevision(): number | null {
  const attribute = Number(script?.getAttribute('data-revision') ?? NaN);
  if (Number.isInteger(attribute)) return attribute;
  try {
    const revision = (JSON.parse(document.getElementById(INLINE_CONFIG_ID)?.textContent ?? 'null') as {revision?: unknown} | null)?.revision;
    return typeof revision === 'number' ? revision : null;
  } catch {
    return null;
  }
}

// A second copy (a theme and a plugin both adding the tag) must do nothing at all: its own hooks
// would hold what the first copy releases.
if (!(window.samtycke as unknown as Record<symbol, unknown> | undefined)?.[INSTALLED]) {
  const early = startSignals(window, {
    cookie: readDecisionCookie(document.cookie), now: Date.now(), gpc: gpcSent(window), revision: knownRevision(),
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
    early,
  });
} else {
  console.warn('Samtycke is already running on this page; the second copy does nothing.');
}
