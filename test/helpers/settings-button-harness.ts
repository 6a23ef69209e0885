import type {ConsentManager} from '../../src/core/index.js';
import type {SamtyckePreferencesRequestEvent} from '../../src/ui/preferences/preferences-request-event.js';
import '../../src/ui/settings-button/samtycke-settings-button.js';
import type {SamtyckeSettingsButton} from '../../src/ui/settings-button/samtycke-settings-button.js';
import {accessibleName, captureRequest, isShown, place, press, translator} from './banner-harness.js';

/** Drives `<samtycke-settings-button>` as a visitor does. */
export class SettingsButtonHarness {
  constructor(readonly element: SamtyckeSettingsButton) {}

  /** Creates the floating button on the page with `manager` and texts in `language`. */
  static async create(manager: ConsentManager, language = 'en'): Promise<SettingsButtonHarness> {
    return new SettingsButtonHarness(await place('samtycke-settings-button', manager, translator(language, manager.config)));
  }

  get #button(): HTMLButtonElement | null {
    return this.element.shadowRoot!.querySelector('button');
  }

  /** Whether the button is on screen. */
  isVisible(): boolean {
    return !this.element.hidden && isShown(this.#button);
  }

  /** The button's accessible name (it shows only an icon). */
  name(): string {
    const button = this.#button;
    if (!button) throw new Error('the settings button rendered no <button>');
    return accessibleName(button);
  }

  /** Presses the button; returns the preferences request that reached the document, or `null`. */
  click(): SamtyckePreferencesRequestEvent | null {
    return captureRequest(() => press(this.#button, 'the settings button'));
  }

  /** The status region (`role="status"`) of the page, which this element holds. */
  statusRegion(): HTMLElement {
    const region = this.element.shadowRoot!.querySelector<HTMLElement>('[role="status"]');
    if (!region) throw new Error('the settings button rendered no status region');
    return region;
  }

  /** What the status region says to screen readers, whitespace collapsed. */
  status(): string {
    return (this.statusRegion().textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  /** Waits until the button has rendered the latest consent. */
  async settled(): Promise<void> {
    await this.element.updateComplete;
  }
}
