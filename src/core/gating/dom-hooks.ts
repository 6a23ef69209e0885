import {HOLDABLE, isHoldable, type NativeAttributes, type PendingAttribute, type UrlAttribute} from './held-element.js';

/** What the page hooks ask before the browser would load anything. */
export interface HookHandler {
  /** Whether hooks act at all (automatic blocking may be switched off by the config). */
  readonly active: () => boolean;
  /**
   * Looks at an element the page is connecting, or giving a URL (`pending`), and holds it when its
   * URL belongs to a service not allowed. Returns whether it was held: the pending attribute must
   * then not be set.
   */
  readonly inspect: (element: Element, pending?: PendingAttribute) => boolean;
  /** Keeps a type the page gives a held script aside, so it stays inert; whether it did. */
  readonly retype: (element: Element, type: string) => boolean;
  /** Whether `html` names a host that may be held: only then is it parsed ahead. */
  readonly mentionsHost: (html: string) => boolean;
}

/** The page hooks once installed. */
export interface DomHooks {
  /** `setAttribute` and `removeAttribute` as the browser has them. */
  readonly native: NativeAttributes;
  /** Holds what must wait inside HTML about to be parsed; returns what to parse (`html` itself when nothing is held). */
  filterHtml(html: unknown): unknown;
  /** Puts the browser's own methods back (where nobody wrapped ours meanwhile). */
  uninstall(): void;
}

type Method = (this: unknown, ...args: unknown[]) => unknown;

/** Could this markup hold an element that loads at once (iframes navigate, images fetch)? */
const LOADS = /<(iframe|img)[\s/>]/i;

/** Elements whose HTML is parsed as text: nothing in it loads, and rewriting it would change the text. */
const TEXT_ONLY = new Set(['textarea', 'title', 'script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);

/**
 * Wraps the few DOM entry points through which a page makes the browser fetch a script, iframe
 * or image, so automatic blocking sees each element before the request, which a
 * MutationObserver sees too late for them (measured in test/e2e/auto-block-paths):
 * - `src`/`srcset` setters and `setAttribute`: an image fetches as soon as it gets a URL, even
 *   outside the document (`new Image().src`), and a connected script or iframe as well;
 * - insertion (`appendChild`, `insertBefore`, `replaceChild`, `append`, `prepend`, `before`,
 *   `after`, `replaceWith`): a script or iframe whose URL was copied rather than set (cloned,
 *   imported from a `<template>`, parsed by `createContextualFragment`) loads on connection;
 * - HTML strings (`innerHTML`, `outerHTML`, `insertAdjacentHTML`, `setHTMLUnsafe`): the parser
 *   sets attributes without `setAttribute`, so the string is parsed first in an inert template.
 */
export function installDomHooks(view: Window & typeof globalThis, handler: HookHandler): DomHooks {
  const restore: (() => void)[] = [];
  const elementProto = view.Element.prototype;
  const setAttribute = elementProto.setAttribute;
  const removeAttribute = elementProto.removeAttribute;
  const native: NativeAttributes = {
    set: (element, name, value) => setAttribute.call(element, name, value),
    remove: (element, name) => removeAttribute.call(element, name),
  };
  const innerHTML = Object.getOwnPropertyDescriptor(elementProto, 'innerHTML')!;

  const wrapMethod = (proto: object, name: string, wrap: (original: Method) => Method) => {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (typeof descriptor?.value !== 'function') return;
    const wrapped = wrap(descriptor.value as Method);
    Object.defineProperty(proto, name, {...descriptor, value: wrapped});
    restore.push(() => {
      if (Object.getOwnPropertyDescriptor(proto, name)?.value === wrapped) Object.defineProperty(proto, name, descriptor);
    });
  };
  const wrapSetter = (proto: object, name: string, set: (this: Element, value: unknown, original: (v: unknown) => void) => void) => {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (!descriptor?.set) return;
    const originalSet = descriptor.set;
    const wrapped = {...descriptor, set(this: Element, value: unknown) {
      set.call(this, value, (v) => originalSet.call(this, v));
    }};
    Object.defineProperty(proto, name, wrapped);
    restore.push(() => {
      if (Object.getOwnPropertyDescriptor(proto, name)?.set === wrapped.set) Object.defineProperty(proto, name, descriptor);
    });
  };

  const inspectTree = (node: unknown) => {
    if (node instanceof view.Element) {
      if (isHoldable(node)) handler.inspect(node);
      if (!node.firstElementChild) return;
    } else if (!(node instanceof view.DocumentFragment)) return;
    for (const element of Array.from((node as ParentNode).querySelectorAll(HOLDABLE))) handler.inspect(element);
  };
  const filterHtml = (html: unknown): unknown => {
    const text = String(html);
    if (!handler.active() || !LOADS.test(text) || !handler.mentionsHost(text)) return html;
    // A template's content is inert: nothing in it loads while it is inspected.
    const template = view.document.createElement('template');
    try {
      innerHTML.set!.call(template, text);
    } catch {
      // Trusted Types enforced: only the page's own policy may write HTML, so it goes as it is.
      return html;
    }
    let held = false;
    for (const element of Array.from(template.content.querySelectorAll(HOLDABLE))) held = handler.inspect(element) || held;
    return held ? innerHTML.get!.call(template) : html;
  };
  const filterInto = (target: unknown, html: unknown) => (target instanceof view.Element && TEXT_ONLY.has(target.localName) ? html : filterHtml(html));

  for (const [Element, names] of [[view.HTMLScriptElement, ['src']], [view.HTMLIFrameElement, ['src']], [view.HTMLImageElement, ['src', 'srcset']]] as const) {
    for (const name of names) {
      wrapSetter(Element.prototype, name, function (value, original) {
        if (!handler.active() || !handler.inspect(this, {name: name as UrlAttribute, value: String(value)})) original(value);
      });
    }
  }
  wrapSetter(view.HTMLScriptElement.prototype, 'type', function (value, original) {
    if (!handler.active() || !handler.retype(this, String(value))) original(value);
  });
  wrapMethod(elementProto, 'setAttribute', (original) => function (this: unknown, name, value) {
    const lower = String(name).toLowerCase();
    if (handler.active() && this instanceof view.HTMLElement) {
      if ((lower === 'src' || lower === 'srcset') && handler.inspect(this, {name: lower, value: String(value)})) return undefined;
      if (lower === 'type' && handler.retype(this, String(value))) return undefined;
    }
    return original.call(this, name, value);
  });

  // Only insertions into the document load anything: building a detached tree costs nothing.
  const connected = (target: unknown) => handler.active() && (target as Node).isConnected;
  for (const name of ['appendChild', 'insertBefore', 'replaceChild']) {
    wrapMethod(view.Node.prototype, name, (original) => function (this: unknown, ...args) {
      if (connected(this)) inspectTree(args[0]);
      return original.apply(this, args);
    });
  }
  for (const proto of [elementProto, view.DocumentFragment.prototype]) {
    for (const name of ['append', 'prepend', 'before', 'after', 'replaceWith', 'replaceChildren']) {
      wrapMethod(proto, name, (original) => function (this: unknown, ...args) {
        if (connected(this)) args.forEach(inspectTree);
        return original.apply(this, args);
      });
    }
  }
  wrapMethod(elementProto, 'insertAdjacentElement', (original) => function (this: unknown, position, element) {
    if (connected(this)) inspectTree(element);
    return original.call(this, position, element);
  });

  for (const proto of [elementProto, view.ShadowRoot.prototype]) {
    wrapSetter(proto, 'innerHTML', function (value, original) {
      original(filterInto(this, value));
    });
    wrapMethod(proto, 'setHTMLUnsafe', (original) => function (this: unknown, html, ...rest) {
      return original.call(this, filterInto(this, html), ...rest);
    });
  }
  wrapSetter(elementProto, 'outerHTML', function (value, original) {
    original(filterHtml(value));
  });
  wrapMethod(elementProto, 'insertAdjacentHTML', (original) => function (this: unknown, position, html) {
    return original.call(this, position, filterHtml(html));
  });

  return {native, filterHtml, uninstall: () => restore.splice(0).reverse().forEach((undo) => undo())};
}
