import {CATALOGUE_INDEX, installAutoBlocker, readDecisionCookie, startSignals} from './core/index.js';
import {gpcSent, start} from './start.js';

/**
 * The classic-script entry (`dist/samtycke.js`):
 * `<script src="/samtycke/samtycke.js" data-config="/samtycke.config.json"></script>`,
 * first in `<head>`, without `async` or `defer`, so it runs before the tags it guards are parsed.
 * Everything that must precede the page's own scripts happens here, in this task: Google Consent
 * Mode's default (and a returning visitor's update, from the decision cookie) and the traps that
 * put the pixels' consent first in their queues, and automatic blocking of untagged trackers.
 */
const script = document.currentScript as HTMLScriptElement | null;
const early = startSignals(window, readDecisionCookie(document.cookie), Date.now(), gpcSent(window));
// Until the config is read, every catalogue service's hosts are held: any may be declared.
const blocker = installAutoBlocker(document, CATALOGUE_INDEX);
start({
  blocker,
  configUrl: script?.getAttribute('data-config') ?? null,
  assetsUrl: script?.src ? new URL('.', script.src).href : null,
  debug: script?.hasAttribute('data-debug') ?? false,
  early,
});
