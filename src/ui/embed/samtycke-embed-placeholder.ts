import {html, nothing} from 'lit';
import type {ServiceConfig} from '../../core/index.js';
import {SamtyckeElement} from '../samtycke-element.js';
import {isolationStyles} from '../theme.styles.js';
import {SamtyckeEmbedLoadEvent} from './embed-load-event.js';
import {embedStyles} from './embed.styles.js';

/** A link target the shop's config may not turn into script. */
const safeUrl = (url: string): string | undefined => (url && !/^\s*(javascript|data|vbscript):/i.test(url) ? url : undefined);

/**
 * Stands in the box of an embed (YouTube, Vimeo, Google Maps) that waits for consent: it names
 * the service, says what loading it shares and links to the service's privacy policy, and offers
 * "Load video" (this page view only, nothing stored) and "Always allow YouTube" (a consent for
 * that service, shown afterwards in the preferences). `watchEmbeds` places and removes it.
 *
 * @summary Placeholder for a blocked embed.
 * @csspart placeholder - The labelled region.
 * @csspart title - The name of the embed. @csspart text - What loading it shares.
 * @csspart link - The link to the service's privacy policy (also named `policy`).
 * @csspart button - Both buttons. @csspart load - "Load video". @csspart allow - "Always allow …".
 * @csspart note - Where to change the choice later.
 * @cssprop --samtycke-embed-background - Background. Default: `--samtycke-color-surface` (`#f1f3f5`, dark `#2a2c31`).
 * @cssprop --samtycke-color-accent - Buttons and links. Default `#1d4e89` (dark `#9cc3ff`).
 * @cssprop --samtycke-font - Font family. Default: the page's.
 * @fires samtycke-embed-load - "Load video" released the embed.
 */
export class SamtyckeEmbedPlaceholder extends SamtyckeElement {
  static override styles = [...SamtyckeElement.styles, isolationStyles, embedStyles];
  static override properties = {service: {attribute: false}, frame: {attribute: false}};

  /** The service the embed comes from; nothing is shown without its `embed` info. */
  declare service: ServiceConfig | undefined;
  /** The blocked iframe this placeholder stands in for. */
  declare frame: HTMLIFrameElement | undefined;

  override render() {
    const {manager, translator: i18n, service} = this;
    if (!manager || !i18n || !service?.embed) return nothing;
    const {t, localized} = i18n;
    const {kind, shares} = service.embed;
    const name = {service: service.name};
    const policy = safeUrl(localized(service.privacyPolicyUrl));
    return html`
      <section class="placeholder" part="placeholder" aria-labelledby="title">
        <p id="title" class="title" part="title">${t(`embed.title.${kind}`, name)}</p>
        <!-- The buttons come right after the title, so a small box (a phone's 16:9 frame) shows
             them without scrolling; each is described by the text on what loading shares. -->
        <div class="actions">
          <button type="button" class="button" part="button load" aria-describedby="text" @click=${this.#load}>${t(`embed.load.${kind}`)}</button>
          <button type="button" class="button secondary" part="button allow" aria-describedby="text" @click=${this.#allow}>${t('embed.allow', name)}</button>
        </div>
        <p id="text" part="text">${t(`embed.blocked.${kind}`)} ${localized(shares)}</p>
        ${policy ? html`<p><a href=${policy} part="link policy">${t('embed.policy', name)}</a></p>` : nothing}
        <p class="note" part="note">${t('embed.note')}</p>
      </section>
    `;
  }

  readonly #load = () => {
    const {frame, manager} = this;
    if (frame && manager?.loadOnce(frame)) this.dispatchEvent(new SamtyckeEmbedLoadEvent(frame));
  };

  readonly #allow = () => {
    if (this.service) void this.manager?.allowService(this.service.id, {source: 'embed'});
  };
}

if (!customElements.get('samtycke-embed-placeholder')) customElements.define('samtycke-embed-placeholder', SamtyckeEmbedPlaceholder);

declare global {
  interface HTMLElementTagNameMap {
    'samtycke-embed-placeholder': SamtyckeEmbedPlaceholder;
  }
}
