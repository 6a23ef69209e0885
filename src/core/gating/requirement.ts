/** What a tagged element needs before it may run: every listed category, and its service. */
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
  const attrs = ['id', 'data-consent', 'data-service', 'src', 'data-src']
    .filter((name) => element.hasAttribute(name))
    .map((name) => `${name}="${element.getAttribute(name)!.slice(0, 80)}"`);
  return `<${element.localName}${attrs.length ? ' ' + attrs.join(' ') : ''}>`;
}
