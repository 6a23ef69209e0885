import {LitElement, type PropertyValues} from 'lit';
import type {ConsentManager, Translator} from '../core/index.js';
import {ConsentController} from './controllers/consent-controller.js';
import {LocalizeController} from './controllers/localize-controller.js';
import {themeStyles} from './theme.styles.js';

/**
 * What every Samtycke element shares: the consent manager it talks to and the translator of
 * its texts, both handed in as properties (no globals), the theme tokens, and the colour scheme:
 * the config's `appearance.colorScheme` ("light" or "dark") becomes the host's `scheme`
 * attribute, unless the page wrote one on the element itself; "auto" leaves it absent, so the
 * element follows `prefers-color-scheme`.
 */
export class SamtyckeElement extends LitElement {
  static override styles = [themeStyles];
  protected readonly consent = new ConsentController(this);
  protected readonly i18n = new LocalizeController(this);

  /** The consent manager this element reads and records decisions with. */
  get manager(): ConsentManager | undefined {
    return this.consent.manager;
  }
  set manager(manager: ConsentManager | undefined) {
    this.consent.manager = manager;
  }

  /** Texts in the visitor's language. */
  get translator(): Translator | undefined {
    return this.i18n.translator;
  }
  set translator(translator: Translator | undefined) {
    this.i18n.translator = translator;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const scheme = this.manager?.config.appearance?.colorScheme;
    if ((scheme === 'light' || scheme === 'dark') && !this.hasAttribute('scheme')) this.setAttribute('scheme', scheme);
  }
}
