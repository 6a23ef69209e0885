import {sendKeys} from '@web/test-runner-commands';
import type {ConsentManager, ConsentState} from '../../src/core/index.js';
import '../../src/ui/preferences/samtycke-preferences.js';
import type {SamtyckePreferences} from '../../src/ui/preferences/samtycke-preferences.js';
import {accessibleName, isShown, nextChange, place, press, translator} from './banner-harness.js';

/** One row of a service's table of cookies and stored data, as shown. */
export interface StoredRow {
  readonly name: string;
  readonly duration: string;
  readonly type: string;
}

/** A service as the expanded category shows it. */
export interface ServiceView {
  readonly name: string;
  readonly provider: string;
  readonly purpose: string;
  readonly stored: readonly StoredRow[];
}

const squash = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** The element that has focus, looking inside shadow roots. */
export function deepActiveElement(root: Document | ShadowRoot = document): Element | null {
  const active = root.activeElement;
  return active?.shadowRoot?.activeElement ? deepActiveElement(active.shadowRoot) : active;
}

/**
 * Drives `<samtycke-preferences>` as a visitor does: switches are found by their accessible
 * name, service switches only once their category is expanded, and every button is pressed.
 */
export class PreferencesHarness {
  constructor(readonly element: SamtyckePreferences) {}

  /** Creates the (closed) preferences element on the page with `manager` and texts in `language`. */
  static async create(manager: ConsentManager, language = 'en'): Promise<PreferencesHarness> {
    return new PreferencesHarness(await place('samtycke-preferences', manager, translator(language, manager.config)));
  }

  get #root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  /** The native dialog. */
  get dialog(): HTMLDialogElement {
    const dialog = this.#root.querySelector('dialog');
    if (!dialog) throw new Error('the preferences element rendered no <dialog>');
    return dialog;
  }

  /** Whether the dialog is open. */
  isOpen(): boolean {
    return this.dialog.open;
  }

  /** Whether the dialog is open as a modal (`showModal()`, the page behind it inert). */
  isModal(): boolean {
    return this.dialog.matches(':modal');
  }

  /** Every switch on screen, with its accessible name and state. */
  switches(): {name: string; checked: boolean; disabled: boolean; role: string | null}[] {
    return Array.from(this.#root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')).filter(isShown)
      .map((s) => ({name: accessibleName(s), checked: s.checked, disabled: s.disabled, role: s.getAttribute('role')}));
  }

  /** The switch on screen whose accessible name is `label`. */
  switchFor(label: string): HTMLInputElement {
    const found = Array.from(this.#root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'))
      .find((s) => isShown(s) && accessibleName(s) === label);
    if (!found) throw new Error(`no switch "${label}" on screen; there are ${JSON.stringify(this.switches().map((s) => s.name))}`);
    return found;
  }

  /** Flips the switch named `label` and waits for the dialog to re-render. */
  async toggle(label: string): Promise<void> {
    press(this.switchFor(label), `the switch "${label}"`);
    await this.element.updateComplete;
  }

  #category(title: string): HTMLElement {
    const section = Array.from(this.#root.querySelectorAll<HTMLElement>('[role=group].category'))
      .find((s) => squash(s.querySelector('label')?.textContent) === title);
    if (!section) throw new Error(`no category "${title}" in the dialog`);
    return section;
  }

  /** Opens the list of services of the category titled `title`, by its summary. */
  async expand(title: string): Promise<void> {
    const details = this.#category(title).querySelector('details');
    if (!details) throw new Error(`category "${title}" has no list of services to expand`);
    if (!details.open) press(details.querySelector('summary'), `the services summary of "${title}"`);
    if (!details.open) throw new Error(`the services of "${title}" did not open`);
    await this.element.updateComplete;
  }

  /** The services an expanded category shows; empty while it is collapsed. */
  services(title: string): ServiceView[] {
    return Array.from(this.#category(title).querySelectorAll<HTMLElement>('.service')).filter(isShown).map((service) => {
      const term = (name: string) => {
        const dt = Array.from(service.querySelectorAll('dt')).find((d) => squash(d.textContent) === name);
        return squash(dt?.nextElementSibling?.textContent);
      };
      const t = this.element.translator!.t;
      return {
        name: squash(service.querySelector('label')?.textContent),
        provider: term(t('preferences.provider')),
        purpose: term(t('preferences.purpose')),
        stored: Array.from(service.querySelectorAll('tbody tr'), (row) => {
          const [name, duration, type] = Array.from(row.querySelectorAll('td'), (td) => td);
          return {name: squash(name.querySelector('code')?.textContent), duration: squash(duration.textContent), type: squash(type.textContent)};
        }),
      };
    });
  }

  /** Presses "Save choices"; resolves with the state recorded, once the dialog has closed. */
  save(): Promise<ConsentState> {
    return this.#decide('button-save', '"Save choices"');
  }

  /** Presses "Accept all"; resolves with the state recorded, once the dialog has closed. */
  acceptAll(): Promise<ConsentState> {
    return this.#decide('button-accept', '"Accept all"');
  }

  /** Presses "Reject all"; resolves with the state recorded, once the dialog has closed. */
  rejectAll(): Promise<ConsentState> {
    return this.#decide('button-reject', '"Reject all"');
  }

  /** Presses the close button; resolves once the dialog has closed. */
  async close(): Promise<void> {
    const closed = this.#closed();
    press(this.#root.querySelector<HTMLElement>('[part~="close"]'), 'the close button');
    await closed;
  }

  /**
   * Presses Escape on the real keyboard (Playwright), with focus where it is — `showModal()` puts
   * it inside the dialog. Resolves once the dialog has closed.
   */
  async pressEscape(): Promise<void> {
    if (!this.dialog.contains(deepActiveElement(this.#root))) throw new Error('focus is not inside the dialog, so Escape would not reach it');
    const closed = this.#closed();
    await sendKeys({press: 'Escape'});
    await closed;
  }

  /** The footer button with `part~=name` (`button-reject`, `button-accept`, `button-save`). */
  footerButton(part: string): HTMLButtonElement {
    const found = this.#root.querySelector<HTMLButtonElement>(`footer [part~="${part}"]`);
    if (!found) throw new Error(`no footer button ${part}`);
    return found;
  }

  /** Opens every category's list of services. */
  async expandAll(): Promise<void> {
    for (const details of this.#root.querySelectorAll('details')) details.open = true;
    await this.element.updateComplete;
  }

  #closed(): Promise<void> {
    const dialog = this.dialog;
    return new Promise<void>((resolve) => dialog.addEventListener('close', () => resolve(), {once: true}))
      .then(() => this.element.updateComplete)
      .then(() => undefined);
  }

  async #decide(part: string, what: string): Promise<ConsentState> {
    const changed = nextChange(this.element.manager!);
    const closed = this.#closed();
    press(this.#root.querySelector<HTMLElement>(`footer [part~="${part}"]`), what);
    const state = await changed;
    await closed;
    return state;
  }
}
