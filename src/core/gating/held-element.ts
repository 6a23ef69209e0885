import {markReleased} from './released-elements.js';
import {AUTO_ATTRIBUTE} from './requirement.js';
import {isExecutable} from './script-release.js';

export {AUTO_ATTRIBUTE};

/** Elements automatic blocking holds: what loads from a URL and can track. */
export const HOLDABLE = 'script, iframe, img';
const HOLDABLE_NAMES = new Set(['script', 'iframe', 'img']);

/** `element.matches(HOLDABLE)` for HTML elements, at a fraction of the cost (it runs for every node parsed). */
export const isHoldable = (element: Element): boolean =>
  HOLDABLE_NAMES.has(element.localName) && element.namespaceURI === 'http://www.w3.org/1999/xhtml';

/** Attributes that hold a URL and are deferred as `data-*` while held. */
const URL_ATTRIBUTES = ['src', 'srcset'] as const;
export type UrlAttribute = (typeof URL_ATTRIBUTES)[number];

/** The element's own attribute methods, untouched by the page hooks (which call this module). */
export interface NativeAttributes {
  readonly set: (element: Element, name: string, value: string) => void;
  readonly remove: (element: Element, name: string) => void;
}

/** An attribute the page is setting right now, before it is set. */
export interface PendingAttribute {
  readonly name: UrlAttribute;
  readonly value: string;
}

/** The URLs in a `srcset`: the first word of each comma-separated candidate. */
const srcsetUrls = (srcset: string): string[] => srcset.split(/,\s+/).map((c) => c.trim().split(/\s+/)[0]).filter(Boolean);

/** The URLs an element loads (or, when held, would load), with `pending` in place of its attribute. */
export function urlsOf(element: Element, pending?: PendingAttribute): string[] {
  const held = element.hasAttribute(AUTO_ATTRIBUTE);
  const urls: string[] = [];
  for (const name of URL_ATTRIBUTES) {
    if (name === 'srcset' && element.localName !== 'img') continue;
    const value = pending?.name === name ? pending.value : element.getAttribute(held ? `data-${name}` : name);
    if (value) urls.push(...(name === 'srcset' ? srcsetUrls(value) : [value]));
  }
  return urls;
}

/**
 * Whether automatic blocking may look at `element` at all: a script, iframe or image the shop did
 * not tag (tagged ones are the gate's), and for scripts only those the browser would run.
 */
export function isCandidate(element: Element): boolean {
  if (!isHoldable(element)) return false;
  if (element.hasAttribute(AUTO_ATTRIBUTE)) return true;
  if (element.hasAttribute('data-consent') || element.hasAttribute('data-service')) return false;
  return !(element instanceof HTMLScriptElement) || isExecutable(element);
}

/**
 * Turns `element` into the tagged form the gate understands: `src`/`srcset` become `data-src`/
 * `data-srcset` (with `pending`, the value being set, in place of its attribute), a script gets
 * `type="text/plain"` (its own type kept in `data-type`), and the element is marked with the
 * service id, plus `data-service` when `declared`.
 */
export function hold(element: Element, service: string, declared: boolean, native: NativeAttributes, pending?: PendingAttribute): void {
  for (const name of URL_ATTRIBUTES) {
    const value = pending?.name === name ? pending.value : element.getAttribute(name);
    if (value !== null) native.set(element, `data-${name}`, value);
    if (element.hasAttribute(name)) native.remove(element, name);
  }
  if (element instanceof HTMLScriptElement && !element.hasAttribute(AUTO_ATTRIBUTE)) {
    const type = element.getAttribute('type');
    if (type !== null) native.set(element, 'data-type', type);
    native.set(element, 'type', 'text/plain');
  }
  native.set(element, AUTO_ATTRIBUTE, service);
  if (declared) native.set(element, 'data-service', service);
}

/** Removes the marks `hold` added, leaving the element's own attributes. */
export function unmark(element: Element, native: NativeAttributes): void {
  for (const name of [AUTO_ATTRIBUTE, 'data-service', 'data-type', ...URL_ATTRIBUTES.map((n) => `data-${n}`)]) {
    if (element.hasAttribute(name)) native.remove(element, name);
  }
}

/**
 * Gives a held element back exactly what it had: its type and URLs. For embeds, and for scripts
 * not yet in the document (a connected one is revived instead, in document order: see
 * `runInOrder`).
 */
export function restoreInPlace(element: Element, native: NativeAttributes): void {
  markReleased(element);
  const values = URL_ATTRIBUTES.map((name) => [name, element.getAttribute(`data-${name}`)] as const);
  if (element instanceof HTMLScriptElement) {
    const type = element.getAttribute('data-type');
    if (type === null) native.remove(element, 'type');
    else native.set(element, 'type', type);
  }
  unmark(element, native);
  for (const [name, value] of values) if (value !== null) native.set(element, name, value);
}
