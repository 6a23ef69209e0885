import {serviceForUrl} from '../catalogue/host-match.js';
import type {ServiceConfig} from '../types.js';
import {installDomHooks} from './dom-hooks.js';
import {AUTO_ATTRIBUTE, HOLDABLE, hold, isCandidate, isHoldable, restoreInPlace, unmark, urlsOf, type PendingAttribute} from './held-element.js';
import {isReleased} from './released-elements.js';
import {runInOrder} from './script-release.js';

/** What automatic blocking knows of a service before the configuration is read: an entry of `catalogue/index.json`. */
export interface AutoBlockRule {
  readonly category: string;
  /** Host patterns, as `ServiceConfig.hosts`. */
  readonly hosts: readonly string[];
}

/** What the configuration tells automatic blocking once it is read. */
export interface AutoBlockSettings {
  /** The declared services, catalogue entries merged with the owner's overrides: their `hosts` are held. */
  readonly services: readonly Pick<ServiceConfig, 'id' | 'hosts'>[];
  /** Ids of services that load at once, without consent (Google's tags in Consent Mode "advanced"). Default: none. */
  readonly exempt?: readonly string[];
  /** `false` (config `"autoBlock": false`): everything held is restored and blocking stops. Default `true`. */
  readonly enabled?: boolean;
  /**
   * Whether a service is allowed now; what the page adds for it later then loads untouched (a
   * pixel's `new Image()` beacons, which never enter the document). Default: what the last
   * `samtycke-ready` or `samtycke-change` event on the document allowed.
   */
  readonly isAllowed?: (service: string) => boolean;
}

/** The blocker installed by the script tag. */
export interface AutoBlocker {
  /**
   * Applies the configuration, once; call it before the consent manager's first pass (right after
   * creating the manager). Held elements of a declared service get `data-service` and the gate
   * releases them on consent; elements of an exempt service, or that no rule matches any more,
   * are restored in document order; elements of a catalogue service the configuration does not
   * declare stay blocked, with one console error per service.
   */
  configure(settings: AutoBlockSettings): void;
  /** Stops watching and puts the browser's methods back; held elements stay held. For tests. */
  stop(): void;
}

export interface AutoBlockOptions {
  /** Where an undeclared service, and trackers written in the HTML, are reported. Default: `console`. */
  readonly console?: Pick<Console, 'error' | 'warn'>;
}

type Rules = Map<string, readonly string[]>;

/** The hosts of `rules`' patterns, without a wildcard's `*.`. */
const hostsOf = (...rules: Rules[]): Set<string> =>
  new Set(rules.flatMap((r) => [...r.values()].flat()).map((p) => p.trim().toLowerCase().split(/[/?]/)[0].replace(/^\*\./, '')));

/** A pattern matching any of `hosts`: a cheap test of whether HTML may need holding. */
function hostNeedle(hosts: ReadonlySet<string>): RegExp {
  const alternatives = [...hosts].map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return alternatives.length ? new RegExp(alternatives.join('|'), 'i') : /$^/;
}

/** The host of a plain absolute or protocol-relative URL; `undefined` for anything else. */
const PLAIN_URL = /^\s*(?:https?:)?\/\/([a-z0-9.-]+)(?::\d*)?(?:[/?#]|\s*$)/i;
/** A relative URL without scheme or host: it resolves against the page's base. */
const RELATIVE_URL = /^\s*(?![a-z][a-z0-9+.-]*:|[/\\]{2})/i;
/** A URL of another scheme than http(s): `data:`, `blob:`, `javascript:`. Never held. */
const OTHER_SCHEME = /^\s*(?!https?:)[a-z][a-z0-9+.-]*:/i;

/**
 * Whether `url` may belong to one of `hosts` (or a subdomain of one): a quick answer for most
 * URLs of a page, so the full match runs only for the few that may. Unusual URLs say yes.
 */
function mayMatch(url: string, hosts: ReadonlySet<string>, baseHost: string): boolean {
  if (OTHER_SCHEME.test(url)) return false;
  const host = (RELATIVE_URL.test(url) ? baseHost : PLAIN_URL.exec(url)?.[1])?.toLowerCase().replace(/\.$/, '');
  if (host === undefined) return true;
  for (let at = 0; at >= 0; at = host.indexOf('.', at + 1)) {
    if (hosts.has(at ? host.slice(at + 1) : host)) return true;
  }
  return false;
}

/** What the consent manager's events on `document` last said is allowed. */
function allowedByEvents(document: Document): (service: string) => boolean {
  let services: Readonly<Record<string, boolean>> = {};
  document.addEventListener('samtycke-ready', (event) => void (services = event.state.services));
  document.addEventListener('samtycke-change', (event) => void (services = event.detail.state.services));
  return (service) => services[service] === true;
}

const inDocumentOrder = (elements: Iterable<Element>): Element[] =>
  [...elements].sort((a, b) => {
    if (a.isConnected !== b.isConnected) return a.isConnected ? -1 : 1;
    return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });

/**
 * Holds the scripts, iframes and images the shop did not tag whose URL belongs to a service
 * (`rules`: the catalogue index but its necessary services, since any may turn out declared), turning each
 * into the tagged form the gate releases: `type="text/plain"`, `data-src`, `data-samtycke-auto`.
 * Install it synchronously, before the page's other scripts (the script tag first in `<head>`):
 * parser-inserted elements are caught by a MutationObserver, which the parser lets run before it
 * prepares each script; dynamic ones by the page hooks of `installDomHooks`. What was already
 * requested before it ran, and what the browser's preload scanner fetches from the HTML
 * (README: "Automatic blocking — limits"), cannot be held.
 */
export function installAutoBlocker(document: Document, rules: Readonly<Record<string, AutoBlockRule>>, {console: out = console}: AutoBlockOptions = {}): AutoBlocker {
  const view = document.defaultView as Window & typeof globalThis;
  let phase: 'early' | 'configured' | 'off' = 'early';
  let declared: Rules = new Map(Object.entries(rules).map(([id, rule]) => [id, rule.hosts]));
  let undeclared: Rules = new Map();
  let hosts = hostsOf(declared);
  let needle = hostNeedle(hosts);
  let allowed: (service: string) => boolean = () => false;
  /** Held before the configuration was read: it decides what becomes of them. */
  const early = new Set<Element>();
  /** Elements looked at on insertion; a new URL is seen through the hooks instead. */
  const seen = new WeakSet<Element>();
  /** Held only once connected: written in the HTML, so the browser may have requested them already. */
  const late = new WeakSet<Element>();
  const reported = new Set<string>();

  const report = (service: string, url: string) => {
    if (reported.has(service)) return;
    reported.add(service);
    out.error(`Samtycke: blocked ${url}: it belongs to the catalogue service "${service}", which the config does not declare, so no visitor can allow it. Fix: add "${service}" to "services" in the config.`);
  };

  let base = {uri: '', host: ''};
  const baseHost = () => {
    const uri = document.baseURI;
    if (uri !== base.uri) base = {uri, host: new URL(uri).hostname};
    return base.host;
  };
  const classify = (urls: readonly string[]): {service: string; declared: boolean} | undefined => {
    for (const url of urls) {
      if (!mayMatch(url, hosts, baseHost())) continue;
      const service = serviceForUrl(url, declared, document.baseURI);
      if (service && allowed(service)) continue;
      if (service) return {service, declared: phase === 'configured'};
      const other = undeclared.size ? serviceForUrl(url, undeclared, document.baseURI) : undefined;
      if (other) {
        report(other, url);
        return {service: other, declared: false};
      }
    }
    return undefined;
  };

  /** Gives a held element back its own type and URLs, for a URL that no longer needs holding. */
  const release = (element: Element) => {
    if (element instanceof view.HTMLScriptElement) {
      const type = element.getAttribute('data-type');
      if (type === null) hooks.native.remove(element, 'type');
      else hooks.native.set(element, 'type', type);
    }
    unmark(element, hooks.native);
  };

  const inspect = (element: Element, pending?: PendingAttribute): boolean => {
    if (phase === 'off' || isReleased(element) || !isCandidate(element)) return false;
    if (!pending) {
      if (element.hasAttribute(AUTO_ATTRIBUTE)) return true;
      if (seen.has(element)) return false;
      seen.add(element);
    }
    const match = classify(urlsOf(element, pending));
    if (!match) {
      if (pending && element.hasAttribute(AUTO_ATTRIBUTE)) release(element);
      return false;
    }
    hold(element, match.service, match.declared, hooks.native, pending);
    if (phase === 'early') early.add(element);
    return true;
  };

  const hooks = installDomHooks(view, {
    active: () => phase !== 'off',
    inspect,
    mentionsHost: (html) => needle.test(html),
    retype: (element, type) => {
      if (!(element instanceof view.HTMLScriptElement) || !element.hasAttribute(AUTO_ATTRIBUTE) || isReleased(element)) return false;
      hooks.native.set(element, 'data-type', type);
      return true;
    },
  });

  const inspectLate = (element: Element) => {
    if (!element.hasAttribute(AUTO_ATTRIBUTE) && inspect(element)) late.add(element);
  };
  // Runs for every node the parser adds: kept to the cheapest checks.
  const inspectAdded = (records: readonly MutationRecord[]) => {
    for (const record of records) {
      const nodes = record.addedNodes;
      for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i];
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        if (isHoldable(node as Element)) inspectLate(node as Element);
        if ((node as Element).firstElementChild) (node as Element).querySelectorAll(HOLDABLE).forEach(inspectLate);
      }
    }
  };
  const observer = new view.MutationObserver(inspectAdded);
  observer.observe(document, {childList: true, subtree: true});

  /** Restores held elements as the page had them: embeds at once, scripts revived in document order. */
  const restore = (elements: readonly Element[]) => {
    const scripts: HTMLScriptElement[] = [];
    for (const element of elements) {
      if (element instanceof view.HTMLScriptElement && element.isConnected) scripts.push(element);
      else restoreInPlace(element, hooks.native);
    }
    if (scripts.length) void runInOrder(scripts, {allowed: () => true, onRun: (fresh) => unmark(fresh, hooks.native), onSkip: () => undefined});
  };

  const stop = () => {
    phase = 'off';
    observer.disconnect();
    hooks.uninstall();
  };

  return {
    configure({services, exempt = [], enabled = true, isAllowed}) {
      if (phase !== 'early') return;
      // Anything the observer has not delivered yet is held before it is judged.
      inspectAdded(observer.takeRecords());
      // Held elements parsed from HTML strings are copies of the ones inspected: find them too.
      const held = inDocumentOrder(new Set([...early, ...Array.from(document.querySelectorAll(`[${AUTO_ATTRIBUTE}]:not([data-service])`))]));
      early.clear();
      if (!enabled) {
        stop();
        restore(held);
        return;
      }
      const skip = new Set(exempt);
      const ids = new Set(services.map((s) => s.id));
      declared = new Map(services.filter((s) => s.hosts?.length && !skip.has(s.id)).map((s) => [s.id, s.hosts!]));
      undeclared = new Map(Object.entries(rules).filter(([id]) => !ids.has(id) && !skip.has(id)).map(([id, rule]) => [id, rule.hosts]));
      hosts = hostsOf(declared, undeclared);
      needle = hostNeedle(hosts);
      phase = 'configured';
      const back: Element[] = [];
      const written: string[] = [];
      for (const element of held) {
        const match = classify(urlsOf(element));
        if (!match) back.push(element);
        else {
          hooks.native.set(element, AUTO_ATTRIBUTE, match.service);
          if (match.declared) hooks.native.set(element, 'data-service', match.service);
          if (match.declared && late.has(element)) written.push(`<${element.localName} src="${urlsOf(element)[0]}"> (${match.service})`);
        }
      }
      if (written.length) {
        // The preload scanner fetches an HTML page's script and image URLs before any script
        // runs, and an iframe starts loading as it is parsed: held, they do not run or show,
        // but the request was made. Only a tag in the HTML itself prevents it.
        out.warn(`Samtycke: held until consent, but written in the page's HTML, so the browser may have requested them already: ${written.join(', ')}. Tag each one: type="text/plain" (scripts), data-src instead of src, data-service="<service id>".`);
      }
      // Set last: what is held already goes to the gate, which releases it in document order.
      allowed = isAllowed ?? allowedByEvents(document);
      restore(back);
    },
    stop,
  };
}
