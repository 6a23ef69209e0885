import {html, nothing, svg, type PropertyValues} from 'lit';
import type {ChangeDetail} from '../../core/index.js';
import {SamtyckeBannerToggleEvent} from '../banner/banner-toggle-event.js';
import {UnobscuredFocusController} from '../controllers/unobscured-focus-controller.js';
import {SamtyckePreferencesRequestEvent} from '../preferences/preferences-request-event.js';
import {SamtyckeElement} from '../samtycke-element.js';
import {isolationStyles} from '../theme.styles.js';
import {settingsButtonStyles} from './settings-button.styles.js';

const cookieIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5Zm-3.5 7a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm1 6a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm6 1a1 1 0 1 1 0 2 1 1 0 0 1 0-2Z"/></svg>`;

/** Where a decision comes from that the visitor made in our UI, and so hears confirmed. */
const ANNOUNCED: ReadonlySet<string> = new Set(['banner', 'preferences']);

/**
 * A small round button in a bottom corner (`appearance.corner`, default right) that opens the
 * cookie settings once the visitor has decided, so withdrawing stays as easy as consenting.
 * Hidden while the banner is up, and when the configuration sets `floatingButton: false`. When
 * keyboard focus lands on a page element under it, the page scrolls it clear, or the button
 * moves to the other corner (WCAG 2.4.11).
 *
 * It also holds the page's status region: "Your choices are saved." is announced there after
 * every decision made in the banner or the preferences. The element is the one that stays
 * rendered through the whole flow (the banner goes with the decision, the dialog closes), and a
 * live region must exist before its message is written to be read out, so the host is never
 * hidden, even with `floatingButton: false`; only its button is.
 *
 * @summary Floating cookie-settings button and the status region.
 * @csspart button - The button.
 * @csspart status - The status region (visually hidden).
 * @cssprop --samtycke-settings-offset - Distance from the corner. Default `12px`.
 * @fires samtycke-preferences-request - The button was pressed.
 */
export class SamtyckeSettingsButton extends SamtyckeElement {
  static override styles = [...SamtyckeElement.styles, isolationStyles, settingsButtonStyles];
  // Focusing the element focuses its button (focus returns here after a decision).
  static override shadowRootOptions = {...SamtyckeElement.shadowRootOptions, delegatesFocus: true};

  static override properties = {bannerOpen: {state: true}, announcement: {state: true}};
  declare bannerOpen: boolean;
  /** What the status region says now. */
  declare announcement: string;
  #heard: ChangeDetail | undefined;
  #again = false;
  readonly #onBannerToggle = (event: SamtyckeBannerToggleEvent) => (this.bannerOpen = event.open);

  constructor() {
    super();
    this.bannerOpen = false;
    this.announcement = '';
    new UnobscuredFocusController(this, () => (this.shown ? this.renderRoot.querySelector('button') : null));
  }

  /** Whether the button is on screen. */
  get shown(): boolean {
    return !!this.manager?.config.floatingButton && this.consent.state?.status === 'decided' && !this.bannerOpen && !!this.translator;
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
    this.setAttribute('corner', this.manager?.config.appearance?.corner ?? 'right');
    const change = this.consent.lastChange;
    if (change && change !== this.#heard) {
      this.#heard = change;
      const source = change.state.record?.source;
      if (change.origin === 'this-tab' && source && ANNOUNCED.has(source) && this.translator) {
        const {t} = this.translator;
        const message = change.state.persisted ? t('preferences.saved') : `${t('preferences.saved')} ${t('preferences.notPersisted')}`;
        // The same words twice are not read again unless the text changes: alternate a trailing no-break space.
        this.#again = !this.#again;
        this.announcement = this.#again ? message : `${message}\u00a0`;
      }
    }
  }

  override render() {
    if (!this.translator) return nothing;
    const label = this.translator.t('settings.label');
    return html`
      <div role="status" class="visually-hidden" part="status">${this.announcement}</div>
      ${this.shown ? html`<button type="button" part="button" aria-label=${label} title=${label}
        @click=${(e: Event) => this.dispatchEvent(new SamtyckePreferencesRequestEvent(e.currentTarget as HTMLElement))}>${cookieIcon}</button>` : nothing}
    `;
  }
}

if (!customElements.get('samtycke-settings-button')) customElements.define('samtycke-settings-button', SamtyckeSettingsButton);

declare global {
  interface HTMLElementTagNameMap {
    'samtycke-settings-button': SamtyckeSettingsButton;
  }
}
