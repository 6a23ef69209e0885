import {createTranslator, type ConsentManager, type ConsentState, type ResolvedConfig, type Translator} from '../../src/core/index.js';
import type {SamtyckeElement} from '../../src/ui/samtycke-element.js';
import type {SamtyckePreferencesRequestEvent} from '../../src/ui/preferences/preferences-request-event.js';
import '../../src/ui/banner/samtycke-banner.js';
import type {SamtyckeBanner} from '../../src/ui/banner/samtycke-banner.js';
import en from '../../locales/en.json';
import sv from '../../locales/sv.json';
import {cleanUp} from './fixtures.js';

/** A translator over the bundled locales, with the config's `texts` as the shop's overrides. */
export function translator(language: string, resolved?: ResolvedConfig): Translator {
  return createTranslator({language, locales: {en, sv}, overrides: resolved?.texts, defaultLanguage: resolved?.defaultLanguage});
}

const squash = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

const placed: Element[] = [];

/**
 * Creates a Samtycke element, hands it its manager and translator and puts it in the page, as the
 * script-tag entry does. `cleanUpUi()` removes it.
 */
export async function place<K extends 'samtycke-banner' | 'samtycke-preferences' | 'samtycke-settings-button'>(
  tag: K, manager: ConsentManager, texts: Translator,
): Promise<HTMLElementTagNameMap[K]> {
  const element = document.createElement(tag) as HTMLElementTagNameMap[K] & SamtyckeElement;
  placed.push(element);
  element.manager = manager;
  element.translator = texts;
  document.body.append(element);
  await manager.ready;
  await element.updateComplete;
  return element;
}

/**
 * Removes the elements `place` put in the page (an open modal dialog left behind would make the
 * rest of the page inert for the next test), then runs the fixtures' `cleanUp`: call from `teardown`.
 */
export function cleanUpUi(): void {
  for (const element of placed.splice(0)) element.remove();
  cleanUp();
}

/** A short description of an element for assertion messages (chai must not serialise DOM nodes). */
export const describeElement = (element: Element | null | undefined): string =>
  element ? `<${element.localName}${element.id ? `#${element.id}` : ''}> "${squash(element.textContent).slice(0, 40)}" aria-label="${element.getAttribute('aria-label') ?? ''}"` : String(element);

/**
 * The accessible name of a control, by the parts of the accname algorithm our templates use:
 * `aria-labelledby`, then `aria-label`, then `<label for>`, then the text content. Playwright no
 * longer has an accessibility snapshot, so the name is computed here rather than asked of Chromium.
 */
export function accessibleName(element: Element): string {
  const root = element.getRootNode() as Document | ShadowRoot;
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) return squash(labelledBy.split(/\s+/).map((id) => root.getElementById(id)?.textContent).join(' '));
  const label = element.getAttribute('aria-label');
  if (label) return squash(label);
  const labels = (element as HTMLInputElement).labels;
  if (labels?.length) return squash(Array.from(labels, (l) => l.textContent).join(' '));
  return squash(element.textContent);
}

/** Whether a visitor could see the element: rendered, not in a closed `<details>`, not `hidden`. */
export const isShown = (element: Element | null | undefined): element is HTMLElement =>
  !!element && element.checkVisibility({visibilityProperty: true} as CheckVisibilityOptions);

/** Clicks the element as a visitor can: refuses one that is hidden or disabled. */
export function press(element: HTMLElement | null | undefined, what: string): void {
  if (!isShown(element)) throw new Error(`${what} is not on screen, so a visitor cannot press it`);
  if ((element as HTMLButtonElement).disabled) throw new Error(`${what} is disabled`);
  element.click();
}

/** Resolves with the next change of consent the manager records. */
export const nextChange = (manager: ConsentManager): Promise<ConsentState> =>
  new Promise((resolve) => {
    const off = manager.on('samtycke-change', (event) => {
      off();
      resolve(event.detail.state);
    });
  });

/** Runs `act` and returns the preferences request it caused, or `null` when none reached the document. */
export function captureRequest(act: () => void): SamtyckePreferencesRequestEvent | null {
  let caught: SamtyckePreferencesRequestEvent | null = null;
  const listener = (event: SamtyckePreferencesRequestEvent) => void (caught = event);
  document.addEventListener('samtycke-preferences-request', listener);
  try {
    act();
  } finally {
    document.removeEventListener('samtycke-preferences-request', listener);
  }
  return caught;
}

/** Drives `<samtycke-banner>` as a visitor does: reads what is on screen and presses its buttons. */
export class BannerHarness {
  constructor(readonly element: SamtyckeBanner) {}

  /** Creates a banner on the page with `manager` and texts in `language`. */
  static async create(manager: ConsentManager, language = 'en'): Promise<BannerHarness> {
    return new BannerHarness(await place('samtycke-banner', manager, translator(language, manager.config)));
  }

  get #root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  get #manager(): ConsentManager {
    return this.element.manager!;
  }

  #part(name: string): HTMLElement | null {
    return this.#root.querySelector(`[part~="${name}"]`);
  }

  /** Whether the banner box is on screen. */
  isVisible(): boolean {
    return !this.element.hidden && isShown(this.#part('banner'));
  }

  /** The banner box (`part="banner"`). */
  get box(): HTMLElement {
    const box = this.#part('banner');
    if (!box) throw new Error('the banner rendered no box');
    return box;
  }

  /** The accessible names of the buttons on screen, in order. */
  buttons(): string[] {
    return Array.from(this.#root.querySelectorAll('button')).filter(isShown).map(accessibleName);
  }

  /** The buttons on screen by accessible name. */
  button(name: string): HTMLButtonElement {
    const found = Array.from(this.#root.querySelectorAll('button')).find((b) => isShown(b) && accessibleName(b) === name);
    if (!found) throw new Error(`no button "${name}" in the banner; it has ${JSON.stringify(this.buttons())}`);
    return found;
  }

  /** The banner's text as rendered, whitespace collapsed. */
  text(): string {
    const box = this.#part('banner');
    return isShown(box) ? squash(box.innerText) : '';
  }

  /** The links on screen: name and the `href` as written. */
  links(): {name: string; href: string | null}[] {
    return Array.from(this.#root.querySelectorAll('a')).filter(isShown).map((a) => ({name: accessibleName(a), href: a.getAttribute('href')}));
  }

  /** Presses "Accept all" and resolves with the state it recorded, once the banner has re-rendered. */
  acceptAll(): Promise<ConsentState> {
    return this.#decide('button-accept', '"Accept all"');
  }

  /** Presses "Reject all" and resolves with the state it recorded, once the banner has re-rendered. */
  rejectAll(): Promise<ConsentState> {
    return this.#decide('button-reject', '"Reject all"');
  }

  /** Presses "Customize"; returns the preferences request that reached the document, or `null`. */
  customize(): SamtyckePreferencesRequestEvent | null {
    return captureRequest(() => press(this.#part('button-customize'), '"Customize"'));
  }

  async #decide(part: string, what: string): Promise<ConsentState> {
    const changed = nextChange(this.#manager);
    press(this.#part(part), what);
    const state = await changed;
    await this.element.updateComplete;
    return state;
  }
}
