import {html, nothing, type PropertyValues} from 'lit';
import type {ConsentRecord} from '../../core/index.js';
import {SamtyckePreferencesRequestEvent} from '../preferences/preferences-request-event.js';
import {SamtyckeBannerToggleEvent} from './banner-toggle-event.js';
import {SamtyckeElement} from '../samtycke-element.js';
import {bannerStyles} from './banner.styles.js';

/**
 * The first layer: a non-modal banner that names the categories, says how to withdraw, and
 * offers "Accept all", "Reject all" and "Customize" as equal buttons (EDPB: rejecting must be as
 * easy as accepting). It shows while the visitor has not decided, or after `show()`. It has no
 * close button: closing, Escape or scrolling is never consent.
 *
 * @summary Cookie consent banner.
 * @csspart banner - The banner box.
 * @csspart title - The heading.
 * @csspart button - Each of the three buttons.
 * @csspart accept - "Accept all". @csspart reject - "Reject all". @csspart customize - "Customize".
 * @cssprop --samtycke-color-background - Background. Default `#ffffff`.
 * @cssprop --samtycke-color-text - Text. Default `#1c1c1e`.
 * @cssprop --samtycke-color-accent - Buttons and links. Default `#1d4e89`.
 * @cssprop --samtycke-color-on-accent - Button text. Default `#ffffff`.
 * @cssprop --samtycke-font - Font family. Default: the page's.
 * @cssprop --samtycke-radius - Corner radius. Default `10px`.
 * @cssprop --samtycke-z-index - Stacking. Default `2147483000`.
 * @fires samtycke-preferences-request - "Customize" was chosen.
 * @fires samtycke-banner-toggle - The banner came on screen or went away.
 */
export class SamtyckeBanner extends SamtyckeElement {
  static override styles = [...SamtyckeElement.styles, bannerStyles];
  static override properties = {forced: {state: true}};

  /** Shown by `show()` even though the visitor has decided. */
  declare forced: boolean;
  #shown = false;
  #record: ConsentRecord | null | undefined;

  constructor() {
    super();
    this.forced = false;
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
        <h2 id="title" part="title">${t('banner.title')}</h2>
        <p>${t('banner.intro')}</p>
        <ul>
          ${optional.map((c) => html`<li><strong>${localized(c.title) || t(`category.${c.id}.title`)}</strong>: ${localized(c.description) || t(`category.${c.id}.description`)}</li>`)}
        </ul>
        ${manager.gpc ? html`<p class="gpc" part="gpc">${t('banner.gpc')}</p>` : nothing}
        <p>
          ${t(manager.config.floatingButton ? 'banner.withdraw.button' : 'banner.withdraw.link', {settings: t('settings.label')})}
          <a href=${localized(manager.config.privacyPolicyUrl)}>${t('banner.policy')}</a>
        </p>
        <div class="actions">
          <button type="button" class="button" part="button accept" @click=${decide('acceptAll')}>${t('banner.acceptAll')}</button>
          <button type="button" class="button" part="button reject" @click=${decide('rejectAll')}>${t('banner.rejectAll')}</button>
          <button type="button" class="button" part="button customize" @click=${(e: Event) => this.dispatchEvent(new SamtyckePreferencesRequestEvent(e.currentTarget as HTMLElement))}>${t('banner.customize')}</button>
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
