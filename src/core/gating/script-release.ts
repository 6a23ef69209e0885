import {markReleased} from './released-elements.js';
import {AUTO_ATTRIBUTE} from './requirement.js';

/** Script types the browser executes; any other `type` (such as `text/plain`) keeps a script inert. */
const EXECUTABLE = /^(|module|(text|application)\/(x-)?(java|ecma|j|live)script)$/i;

/** `true` when the browser would run this script as it stands: it was never blocked. */
export const isExecutable = (script: HTMLScriptElement): boolean =>
  !script.hasAttribute('type') || EXECUTABLE.test(script.getAttribute('type')!.trim());

/**
 * A runnable copy of a blocked script: same attributes, `type` from `data-type` (or none),
 * `src` from `data-src` (or `src`), the same text and CSP nonce. The nonce is read from the
 * property: browsers hide the attribute once a CSP applies (https://html.spec.whatwg.org/#nonce-attributes).
 * A script held by automatic blocking may have listeners the page's loader added in code
 * (`script.onload = init`, Stripe's and jQuery's loaders): the copy's `load` and `error` are
 * dispatched on the held element too, which keeps its `on*` attributes so they fire once.
 */
export function reviveScript(blocked: HTMLScriptElement): HTMLScriptElement {
  const fresh = blocked.ownerDocument.createElement('script');
  // Before any attribute: automatic blocking must not hold the copy again.
  markReleased(fresh);
  const auto = blocked.hasAttribute(AUTO_ATTRIBUTE);
  for (const {name, value} of Array.from(blocked.attributes)) {
    if (name !== 'type' && name !== 'data-type' && !(auto && name.startsWith('on'))) fresh.setAttribute(name, value);
  }
  if (auto) {
    for (const type of ['load', 'error']) fresh.addEventListener(type, () => blocked.dispatchEvent(new Event(type)), {once: true});
  }
  const type = blocked.getAttribute('data-type');
  if (type) fresh.setAttribute('type', type);
  const src = blocked.getAttribute('data-src');
  if (src) fresh.setAttribute('src', src);
  if (blocked.nonce) fresh.nonce = blocked.nonce;
  fresh.text = blocked.text;
  // Inserted scripts are async by default; a parser-inserted one without `async` ran in order.
  if (fresh.hasAttribute('src') && !blocked.hasAttribute('async')) fresh.async = false;
  return fresh;
}

const settled = (script: HTMLScriptElement): Promise<void> =>
  new Promise((done) => {
    script.addEventListener('load', () => done(), {once: true});
    script.addEventListener('error', () => done(), {once: true});
  });

/** What `runInOrder` asks and tells while it works. */
export interface RunHooks {
  /** Asked just before each script is inserted: consent may have been withdrawn meanwhile. */
  readonly allowed: (blocked: HTMLScriptElement) => boolean;
  /** Sees each fresh element (and the blocked one it replaces) before it is inserted. */
  readonly onRun: (fresh: HTMLScriptElement, blocked: HTMLScriptElement) => void;
  /** Told of a script left blocked because its consent was withdrawn while it waited. */
  readonly onSkip: (blocked: HTMLScriptElement) => void;
}

/**
 * Runs blocked scripts exactly once, in the given (document) order, as the parser would have:
 * external classic scripts download in parallel and execute in order (`async = false`); an inline
 * script waits for the external ones before it, and external modules are awaited because
 * modules are never ordered with classic scripts by the browser. A script that fails to load
 * does not stop the ones after it, just as on a normal page. Resolves when every script has run
 * or failed; a hanging download holds up only the scripts after it, as on a normal page.
 */
export async function runInOrder(blocked: readonly HTMLScriptElement[], {allowed, onRun, onSkip}: RunHooks): Promise<void> {
  let pending: Promise<void>[] = [];
  for (const old of blocked) {
    if (!old.isConnected) continue;
    const fresh = reviveScript(old);
    const external = fresh.hasAttribute('src');
    const module = fresh.type === 'module';
    if (!external || module) {
      await Promise.all(pending);
      pending = [];
    }
    if (!allowed(old)) {
      onSkip(old);
      continue;
    }
    const loaded = external ? settled(fresh) : undefined;
    onRun(fresh, old);
    old.replaceWith(fresh);
    if (loaded && module) await loaded;
    else if (loaded && !fresh.async) pending.push(loaded);
  }
  await Promise.all(pending);
}
