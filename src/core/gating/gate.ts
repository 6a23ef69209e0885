import type {Problem} from '../types.js';
import {markReleased, unmarkReleased} from './released-elements.js';
import {describeElement, requirementOf, type Requirement} from './requirement.js';
import {isExecutable, runInOrder} from './script-release.js';

/**
 * What marks an element as needing consent: `data-consent`, or `data-service` alone on an
 * element that loads something (automatic blocking tags what it holds so; a `<div>` of the
 * shop's own with a `data-service` attribute is none of ours).
 */
const SELECTOR = '[data-consent], :is(script, iframe, img, video, audio, link)[data-service]';

/** Attributes an embed keeps as `data-*` until consent, then gets back. */
const DEFERRED_ATTRIBUTES = ['src', 'srcset', 'href', 'poster'] as const;

export interface GateOptions {
  readonly document: Document;
  /** Whether the requirement is met by the consent in force. */
  readonly isAllowed: (requirement: Requirement) => boolean;
  /** Category ids and service ids (with their category) the configuration declares. */
  readonly declared: {readonly categories: ReadonlySet<string>; readonly services: ReadonlyMap<string, string>};
  /** Receives what is wrong with the page's tags, in one batch per pass. */
  readonly report: (problems: Problem[]) => void;
  /** The page's CSP nonce (samtycke.js's): inline scripts without it are never released. */
  readonly nonce?: string;
}

interface Released {
  readonly element: Element;
  readonly requirement: Requirement;
  readonly script: boolean;
}

/**
 * Holds the page's tagged elements (`[data-consent]`, `[data-service]`) until their consent is given, and releases
 * them: scripts once each, in document order; iframes, images and media by restoring `data-src`.
 * Elements added later (single-page apps, other scripts) are found by a MutationObserver.
 * Elements whose tag names an undeclared category or service are reported and never released.
 */
export class Gate {
  readonly #options: GateOptions;
  /** Elements done with: released, or refused for a bad tag. Never touched again. */
  readonly #handled = new WeakSet<Element>();
  #released: Released[] = [];
  #queue: Promise<void> = Promise.resolve();
  #scripts: Promise<void> = Promise.resolve();
  #observer: MutationObserver | undefined;
  /** Whether the last pass skipped a script the parser had not finished. */
  #incomplete = false;

  constructor(options: GateOptions) {
    this.#options = options;
  }

  /** Starts watching the document and releases what is already allowed. */
  start(): Promise<void> {
    const {document} = this.#options;
    this.#observer = new MutationObserver((records) => {
      const tagged = (n: Node) => n instanceof Element && (n.matches(SELECTOR) || n.querySelector(SELECTOR) !== null);
      // A script skipped as incomplete is complete as soon as anything follows it.
      if (this.#incomplete || records.some((r) => Array.from(r.addedNodes).some(tagged))) void this.update();
    });
    this.#observer.observe(document, {childList: true, subtree: true});
    // Elements seen mid-parse may be incomplete (see #complete); parsing's end releases them.
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void this.update(), {once: true});
    return this.update();
  }

  /** Stops watching; released elements stay as they are. */
  stop(): void {
    this.#observer?.disconnect();
  }

  /**
   * Releases everything now allowed, after any pass still running. Resolves once embeds are
   * released and scripts are queued to run in order (see `settled`). Never rejects.
   */
  update(): Promise<void> {
    return (this.#queue = this.#queue.then(() => this.#pass()).catch(this.#fail));
  }

  /** Resolves when every script released so far has run (or failed to load). */
  settled(): Promise<void> {
    return this.#queue.then(() => this.#scripts);
  }

  readonly #fail = (error: unknown): void => {
    this.#options.report([{path: 'samtycke', message: `releasing failed: ${String(error)}`, fix: 'report this to the Samtycke developers'}]);
  };

  /**
   * Releases one tagged element now, whatever the consent ("Load video": this page view only;
   * nothing is recorded, and a later withdrawal does not take it back). Returns `false` for an
   * element that is not tagged, was released already, or whose tag has a problem.
   */
  releaseOnce(element: Element): boolean {
    if (!element.isConnected || this.#handled.has(element) || !element.matches(SELECTOR) || this.#check(element)) return false;
    this.#handled.add(element);
    if (element instanceof HTMLScriptElement) {
      this.#scripts = this.#scripts.then(() => runInOrder([element], {
        allowed: () => true,
        onRun: (fresh) => this.#handled.add(fresh),
        onSkip: () => undefined,
      })).catch(this.#fail);
    } else releaseEmbed(element);
    return true;
  }

  /**
   * Takes back released elements that are no longer allowed: embeds return to their blocked
   * state; scripts cannot be stopped, so the answer says whether one that is no longer allowed
   * is running.
   */
  revoke(): {scriptsRunning: boolean} {
    let scriptsRunning = false;
    this.#released = this.#released.filter(({element, requirement, script}) => {
      if (this.#options.isAllowed(requirement)) return true;
      // A script is reported once: if the page keeps it running, a later withdrawal of
      // something else does not count it again.
      if (script) {
        scriptsRunning = true;
        return false;
      }
      if (element.localName === 'iframe') element.setAttribute('src', 'about:blank');
      else {
        for (const node of [element, ...Array.from(element.querySelectorAll('source'))]) {
          for (const name of DEFERRED_ATTRIBUTES) if (node.hasAttribute(`data-${name}`)) node.removeAttribute(name);
        }
        // Without a source, load() stops a playing video or audio and its download.
        if (element instanceof HTMLMediaElement) element.load();
      }
      // Blocked again: automatic blocking may hold a URL the page gives it now.
      unmarkReleased(element);
      this.#handled.delete(element);
      return false;
    });
    return {scriptsRunning};
  }

  async #pass(): Promise<void> {
    const {document, isAllowed} = this.#options;
    const problems: Problem[] = [];
    const scripts: HTMLScriptElement[] = [];
    this.#incomplete = false;
    for (const element of Array.from(document.querySelectorAll(SELECTOR))) {
      if (this.#handled.has(element)) continue;
      const problem = this.#check(element);
      if (problem) {
        problems.push(problem);
        this.#handled.add(element);
        continue;
      }
      const requirement = requirementOf(element);
      if (!isAllowed(requirement)) continue;
      if (!this.#complete(element)) {
        this.#incomplete = true;
        // Later scripts must not overtake this one: release it and them on a later pass.
        break;
      }
      this.#handled.add(element);
      if (element instanceof HTMLScriptElement) scripts.push(element);
      else {
        releaseEmbed(element);
        this.#released.push({element, requirement, script: false});
      }
    }
    if (problems.length) this.#options.report(problems);
    // Scripts run on a chain of their own: a slow download delays later scripts, as on a normal
    // page, but never the next pass, a decision or `ready`.
    this.#scripts = this.#scripts.then(() => runInOrder(scripts, {
      allowed: (blocked) => isAllowed(requirementOf(blocked)),
      onRun: (fresh, blocked) => {
        this.#handled.add(fresh);
        this.#released.push({element: fresh, requirement: requirementOf(blocked), script: true});
      },
      onSkip: (blocked) => this.#handled.delete(blocked),
    })).catch(this.#fail);
  }

  /**
   * While the parser is still running, a script's text, or a video's `<source>` children, may be
   * only partly parsed. The parser adds the next node only after the end tag, so an element with
   * a following sibling is complete.
   */
  #complete(element: Element): boolean {
    return element.ownerDocument.readyState !== 'loading' || element.nextSibling !== null;
  }

  #check(element: Element): Problem | undefined {
    const {categories, services} = this.#options.declared;
    const {categories: needed, service} = requirementOf(element);
    const path = describeElement(element);
    const unknown = needed.find((c) => !categories.has(c));
    if (!needed.length && !service) return {path, message: 'data-consent is empty', fix: `name the category it needs, such as data-consent="analytics"`};
    if (unknown) return {path, message: `names the category "${unknown}", which the config does not declare`, fix: `use one of ${[...categories].join(', ')}, or add "${unknown}" to categories in the config`};
    if (service && !services.has(service)) return {path, message: `names the service "${service}", which the config does not declare`, fix: `add a service with "id": "${service}" to services in the config, or fix data-service`};
    if (element instanceof HTMLScriptElement && isExecutable(element)) {
      return {path, message: 'ran before consent: it is not blocked', fix: 'add type="text/plain" so it waits for consent'};
    }
    const {nonce} = this.#options;
    if (nonce && element instanceof HTMLScriptElement && !element.hasAttribute('data-src') && !element.hasAttribute('src') && element.nonce !== nonce) {
      // Under 'strict-dynamic' the browser runs whatever script we insert: an inline script
      // injected into the page's HTML must not get its trust from us.
      return {path, message: 'has no CSP nonce (or not the one samtycke.js has), so it is never released', fix: 'add nonce="…" with the page\'s nonce, as on samtycke.js'};
    }
    if (!(element instanceof HTMLScriptElement) && element.hasAttribute('src') && !element.hasAttribute('data-src')) {
      return {path, message: 'loaded before consent: it has src', fix: 'rename src to data-src so it waits for consent'};
    }
    return undefined;
  }
}

/** Gives an iframe, image, media element or link its deferred attributes, and its `<source>`s. */
function releaseEmbed(element: Element): void {
  for (const node of [element, ...Array.from(element.querySelectorAll('source[data-src], source[data-srcset]'))]) {
    markReleased(node);
    for (const name of DEFERRED_ATTRIBUTES) {
      const value = node.getAttribute(`data-${name}`);
      if (value !== null) node.setAttribute(name, value);
    }
  }
  if (element instanceof HTMLMediaElement) element.load();
}
