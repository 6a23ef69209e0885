import {html, nothing, type PropertyValues} from 'lit';
import type {ConsentRecord} from '../../core/index.js';
import {UnobscuredFocusController} from '../controllers/unobscured-focus-controller.js';
import {SamtyckePreferencesRequestEvent} from '../preferences/preferences-request-event.js';
import {SamtyckeBannerToggleEvent} from './banner-toggle-event.js';
import {SamtyckeElement} from '../samtycke-element.js';
import {isolationStyles} from '../theme.styles.js';
import {bannerStyles} from './banner.styles.js';

/**
 * The first layer: a non-modal banner that names the categories, says how to withdraw, and
 * offers "Accept all", "Reject all" and "Customize" (EDPB: rejecting must be as easy as
 * accepting, so Accept and Reject are the same control, with the same style and the same size).
 * It shows while the visitor has not decided, or after `show()`. It has no close button:
 * closing, Escape or scrolling is never consent.
 *
 * Layout from the config's `appearance`: `layout="bar"` (default, along the bottom), `"box"` (a
 * bottom corner, `corner="right"` or `"left"`) or `"center"`. In a narrow box or on a short
 * screen the categories are named on one line (their descriptions are in the preferences) and
 * the buttons take two rows; the buttons never scroll out of view. When keyboard focus lands on
 * a page element behind the banner, the page scrolls it clear (WCAG 2.4.11), or the banner moves
 * to the top edge where the page cannot scroll.
 *
 * @summary Cookie consent banner.
 * @csspart banner - The banner box.
 * @csspart title - The heading.
 * @csspart text - The paragraphs.
 * @csspart purposes - The list of categories.
 * @csspart link - The privacy policy link.
 * @csspart actions - The row of buttons.
 * @csspart button - Each of the three buttons.
 * @csspart button-accept - "Accept all". @csspart button-reject - "Reject all". @csspart button-customize - "Customize".
 * @cssprop --samtycke-color-background - Background. Default `#ffffff` (dark `#1e1f23`).
 * @cssprop --samtycke-color-text - Text. Default `#1c1c1e` (dark `#f2f2f4`).
 * @cssprop --samtycke-color-accent - Buttons and links. Default `#1d4e89` (dark `#9cc3ff`).
 * @cssprop --samtycke-color-on-accent - Button text. Default `#ffffff` (dark `#0b1a2e`).
 * @cssprop --samtycke-font - Font family. Default: the page's.
 * @cssprop --samtycke-radius - Corner radius. Default `10px`.
 * @cssprop --samtycke-shadow - Box shadow. Default `0 4px 24px rgb(0 0 0 / 18%)`.
 * @cssprop --samtycke-z-index - Stacking. Default `2147483000`.
 * @fires samtycke-preferences-request - "Customize" was chosen.
 * @fires samtycke-banner-toggle - The banner came on screen or went away.
 */
export class SamtyckeBanner extends SamtyckeElement {
  static override styles = [...SamtyckeElement.styles, isolationStyles, bannerStyles];
  static override properties = {forced: {state: true}};

  /** Shown by `show()` even though the visitor has decided. */
  declare forced: boolean;
  #shown = false;
  #record: ConsentRecord | null | undefined;

  constructor() {
    super();
    this.forced = false;
    new UnobscuredFocusController(this, () => (this.hidden ? null : this.renderRoot.querySelector('.banner')));
  }

  /** Whether the banner is on screen. */
  get visible(): boolean {
    return this.forced || this.consent.state?.status === 'undecided';
  }

  /** Shows the banner again, for a visitor who wants to reconsider. */
  show(): void {
    this.forced = true;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Any new decision (here, in the preferences or in another tab) answers a reopened banner.
    const record = this.consent.state?.record;
    if (record !== this.#record) [this.#record, this.forced] = [record, false];
    this.hidden = !this.visible || !this.translator;
    const appearance = this.manager?.config.appearance;
    this.setAttribute('layout', appearance?.layout ?? 'bar');
    this.setAttribute('corner', appearance?.corner ?? 'right');
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#shown !== !this.hidden) this.dispatchEvent(new SamtyckeBannerToggleEvent((this.#shown = !this.hidden)));
  }

  override render() {
    const {manager, translator: i18n} = this;
    if (!manager || !i18n || !this.visible) return nothing;
    const {t, localized} = i18n;
    const optional = manager.config.categories.filter((c) => !c.required);
    const decide = (choice: 'acceptAll' | 'rejectAll') => () => {
      this.forced = false;
      void manager[choice]({source: 'banner'});
    };
    return html`
      <section class="banner" part="banner" aria-labelledby="title">
        <div class="content">
          <h2 id="title" part="title">${t('banner.title')}</h2>
          <p class="intro" part="text">${t('banner.intro')}</p>
          <ul class="purposes" part="purposes">
            ${optional.map((c) => html`<li><strong>${localized(c.title) || t(`category.${c.id}.title`)}</strong><span class="description">: ${localized(c.description) || t(`category.${c.id}.description`)}</span></li> `)}
          </ul>
          ${manager.gpc ? html`<p class="gpc" part="text gpc">${t('banner.gpc')}</p>` : nothing}
          <p part="text">
            ${t(manager.config.floatingButton ? 'banner.withdraw.button' : 'banner.withdraw.link', {settings: t('settings.label')})}
            <a part="link" href=${localized(manager.config.privacyPolicyUrl)}>${t('banner.policy')}</a>
          </p>
        </div>
        <div class="actions" part="actions">
          <button type="button" class="button" part="button button-accept" @click=${decide('acceptAll')}>${t('banner.acceptAll')}</button>
          <button type="button" class="button" part="button button-reject" @click=${decide('rejectAll')}>${t('banner.rejectAll')}</button>
          <button type="button" class="button secondary customize" part="button button-customize" @click=${(e: Event) => this.dispatchEvent(new SamtyckePreferencesRequestEvent(e.currentTarget as HTMLElement))}>${t('banner.customize')}</button>
        </div>
      </section>
    `;
  }
}

if (!customElements.get('samtycke-banner')) customElements.define('samtycke-banner', SamtyckeBanner);

declare global {
  interface HTMLElementTagNameMap {
    'samtycke-banner': SamtyckeBanner;
  }
}
