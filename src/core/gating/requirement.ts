/**
 * Marks an element automatic blocking holds; the value is the id of the service its URL belongs
 * to. The element also gets `data-service` once the configuration declares that service, which
 * hands it to the gate.
 */
export const AUTO_ATTRIBUTE = 'data-samtycke-auto';

/**
 * What a tagged element needs before it may run: its service's consent when it names one
 * (`data-service`, alone or with `data-consent`), else every listed category.
 */
export interface Requirement {
  readonly categories: readonly string[];
  readonly service: string | undefined;
}

/** Reads `data-consent="analytics marketing"` and `data-service="ga4"`. */
export function requirementOf(element: Element): Requirement {
  return {
    categories: (element.getAttribute('data-consent') ?? '').split(/\s+/).filter(Boolean),
    service: element.getAttribute('data-service') || undefined,
  };
}

/** A short description of an element for console messages: its tag and identifying attributes. */
export function describeElement(element: Element): string {
  const attrs = ['id', 'data-consent', 'data-service', AUTO_ATTRIBUTE, 'src', 'data-src']
    .filter((name) => element.hasAttribute(name))
    .map((name) => `${name}="${element.getAttribute(name)!.slice(0, 80)}"`);
  return `<${element.localName}${attrs.length ? ' ' + attrs.join(' ') : ''}>`;
}
