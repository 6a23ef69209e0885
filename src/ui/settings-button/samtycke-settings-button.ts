import {html, nothing, svg, type PropertyValues} from 'lit';
import {SamtyckeBannerToggleEvent} from '../banner/banner-toggle-event.js';
import {SamtyckePreferencesRequestEvent} from '../preferences/preferences-request-event.js';
import {SamtyckeElement} from '../samtycke-element.js';
import {settingsButtonStyles} from './settings-button.styles.js';

const cookieIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5Zm-3.5 7a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm1 6a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm6 1a1 1 0 1 1 0 2 1 1 0 0 1 0-2Z"/></svg>`;

/**
 * A small round button in the corner that opens the cookie settings once the visitor has
 * decided, so withdrawing stays as easy as consenting. Hidden while the banner is up, and when
 * the configuration sets `floatingButton: false`.
 *
 * @summary Floating cookie-settings button.
 * @csspart button - The button.
 * @cssprop --samtycke-settings-offset - Distance from the bottom-left corner. Default `1rem`.
 * @fires samtycke-preferences-request - The button was pressed.
 */
export class SamtyckeSettingsButton extends SamtyckeElement {
  static override styles = [...SamtyckeElement.styles, settingsButtonStyles];
  // Focusing the element focuses its button (focus returns here after a decision).
  static override shadowRootOptions = {...SamtyckeElement.shadowRootOptions, delegatesFocus: true};

  static override properties = {bannerOpen: {state: true}};
  declare bannerOpen: boolean;
  readonly #onBannerToggle = (event: SamtyckeBannerToggleEvent) => (this.bannerOpen = event.open);

  constructor() {
    super();
    this.bannerOpen = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.ownerDocument.addEventListener(SamtyckeBannerToggleEvent.type, this.#onBannerToggle);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.ownerDocument.removeEventListener(SamtyckeBannerToggleEvent.type, this.#onBannerToggle);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.hidden = !this.manager?.config.floatingButton || this.consent.state?.status !== 'decided' || this.bannerOpen || !this.translator;
  }

  override render() {
    if (this.hidden) return nothing;
    const label = this.translator!.t('settings.label');
    return html`<button type="button" part="button" aria-label=${label} title=${label}
      @click=${(e: Event) => this.dispatchEvent(new SamtyckePreferencesRequestEvent(e.currentTarget as HTMLElement))}>${cookieIcon}</button>`;
  }
}

if (!customElements.get('samtycke-settings-button')) customElements.define('samtycke-settings-button', SamtyckeSettingsButton);

declare global {
  interface HTMLElementTagNameMap {
    'samtycke-settings-button': SamtyckeSettingsButton;
  }
}
