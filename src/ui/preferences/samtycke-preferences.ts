import {html, nothing} from 'lit';
import type {Category, ServiceConfig, Translator} from '../../core/index.js';
import {SamtyckeElement} from '../samtycke-element.js';
import {preferencesStyles} from './preferences.styles.js';

type Draft = {readonly categories: Readonly<Record<string, boolean>>; readonly services: Readonly<Record<string, boolean>>};

/** The element that had focus inside any shadow roots, to give focus back to. */
const deepActiveElement = (root: Document | ShadowRoot): Element | null => {
  const active = root.activeElement;
  return active?.shadowRoot?.activeElement ? deepActiveElement(active.shadowRoot) : active;
};

/**
 * The second layer: a modal native `<dialog>` with a switch per category (necessary shown on
 * and disabled; the rest off unless the visitor consented before), each category expandable to
 * its services with provider, purpose, cookies and durations and a switch of their own.
 * "Save choices", "Accept all", "Reject all". Escape or the close button closes it without
 * recording anything; focus returns to what opened it.
 *
 * @summary Cookie preferences dialog.
 * @csspart dialog - The dialog box.
 * @csspart button - Each footer button.
 * @csspart switch - Each switch.
 * @cssprop --samtycke-color-muted - Secondary text. Default `#4a4a50`.
 * @cssprop --samtycke-color-border - Lines and switch outlines. Default `#8a8a90`.
 */
export class SamtyckePreferences extends SamtyckeElement {
  static override styles = [...SamtyckeElement.styles, preferencesStyles];
  static override properties = {draft: {state: true}, announcement: {state: true}};

  declare draft: Draft | null;
  declare announcement: string;
  #opener: Element | null = null;
  #fallback: HTMLElement | undefined;

  constructor() {
    super();
    this.draft = null;
    this.announcement = '';
  }

  /** Whether the dialog is open. */
  get open(): boolean {
    return this.draft !== null;
  }

  /**
   * Opens the dialog with the choices in force (nothing on before a decision). Focus returns
   * to `opener` (default: the element that has focus now) when it closes, or to `fallback` when
   * the opener is gone (the banner's "Customize" disappears with the banner).
   */
  async show(opener: Element | null = deepActiveElement(document), fallback?: HTMLElement): Promise<void> {
    const state = this.manager?.state;
    if (!state) return;
    this.#opener = opener;
    this.#fallback = fallback;
    this.announcement = '';
    this.draft = {categories: state.categories, services: state.services};
    await this.updateComplete;
    // No dialog is rendered before a manager and a translator are set.
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
  }

  /** Closes the dialog without recording anything. */
  close(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  #closed(): void {
    this.draft = null;
    const opener = this.#opener;
    this.#opener = null;
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    else void this.updateComplete.then(() => this.#fallback?.focus());
  }

  #toggleCategory(category: Category, on: boolean): void {
    const draft = this.draft!;
    const services = {...draft.services};
    for (const service of category.services) services[service.id] = on;
    this.draft = {categories: {...draft.categories, [category.id]: on}, services};
  }

  #toggleService(service: ServiceConfig, on: boolean): void {
    const draft = this.draft!;
    const services = {...draft.services, [service.id]: on};
    const category = this.manager!.config.categories.find((c) => c.id === service.category)!;
    // A category is on while any of its services is: turning the last one off turns it off.
    this.draft = {categories: {...draft.categories, [category.id]: category.services.some((s) => services[s.id])}, services};
  }

  async #decide(decision: 'acceptAll' | 'rejectAll' | 'save'): Promise<void> {
    const manager = this.manager!;
    const {categories, services} = this.draft!;
    const decided = decision === 'save'
      ? manager.save(categories, {services, source: 'preferences'})
      : manager[decision]({source: 'preferences'});
    // The dialog closes at once; storing the choice takes a moment and is announced when done.
    this.close();
    const state = await decided;
    const t = this.translator!.t;
    this.announcement = state.persisted ? t('preferences.saved') : `${t('preferences.saved')} ${t('preferences.notPersisted')}`;
  }

  override render() {
    const {manager, translator: i18n, draft} = this;
    if (!manager || !i18n) return nothing;
    const {t} = i18n;
    return html`
      <div role="status" class="visually-hidden">${this.announcement}</div>
      <dialog part="dialog" aria-labelledby="title" @close=${this.#closed}>
        ${draft ? html`
          <form method="dialog" @submit=${(e: Event) => e.preventDefault()}>
            <header>
              <div>
                <h2 id="title" tabindex="-1" autofocus>${t('preferences.title')}</h2>
                <p class="description">${t('preferences.intro', {days: manager.config.lifetimeDays})}
                  <a href=${i18n.localized(manager.config.privacyPolicyUrl)}>${t('preferences.policy')}</a></p>
                ${manager.gpc ? html`<p class="description gpc" part="gpc">${t('preferences.gpc')}</p>` : nothing}
              </div>
              <button type="button" class="close" aria-label=${t('preferences.close')} title=${t('preferences.close')} @click=${this.close}>×</button>
            </header>
            <div class="body">
              ${manager.config.categories.map((category) => this.#renderCategory(category, i18n, draft))}
            </div>
            <footer class="actions">
              <button type="button" class="button" part="button reject" @click=${() => this.#decide('rejectAll')}>${t('preferences.rejectAll')}</button>
              <button type="button" class="button" part="button accept" @click=${() => this.#decide('acceptAll')}>${t('preferences.acceptAll')}</button>
              <button type="button" class="button" part="button save" @click=${() => this.#decide('save')}>${t('preferences.save')}</button>
            </footer>
          </form>` : nothing}
      </dialog>
    `;
  }

  #renderCategory(category: Category, i18n: Translator, draft: Draft) {
    const {t, localized} = i18n;
    const id = `category-${category.id}`;
    const title = localized(category.title) || t(`category.${category.id}.title`);
    return html`
      <div class="category" role="group" aria-labelledby=${`${id}-label`}>
        <div class="row">
          <label id=${`${id}-label`} for=${id}>${title}</label>
          ${category.required ? html`<span class="always" id=${`${id}-always`}>${t('preferences.alwaysOn')}</span>` : nothing}
          <input type="checkbox" role="switch" part="switch" id=${id}
            aria-describedby=${category.required ? `${id}-always ${id}-description` : `${id}-description`}
            .checked=${draft.categories[category.id] === true} ?disabled=${category.required}
            @change=${(e: Event) => this.#toggleCategory(category, (e.target as HTMLInputElement).checked)}>
        </div>
        <p class="description" id=${`${id}-description`}>${localized(category.description) || t(`category.${category.id}.description`)}</p>
        ${category.services.length ? html`
          <details>
            <summary><span class="visually-hidden">${title}: </span>${i18n.plural('preferences.services', category.services.length)}</summary>
            ${category.services.map((service) => this.#renderService(service, category, i18n, draft))}
          </details>` : nothing}
      </div>
    `;
  }

  #renderService(service: ServiceConfig, category: Category, i18n: Translator, draft: Draft) {
    const {t, localized} = i18n;
    const id = `service-${service.id}`;
    const stored = [
      ...(service.cookies ?? []).map((c) => ({name: c.name, duration: c.duration, purpose: c.purpose,
        type: c.party === 'third' ? t('preferences.thirdParty', {domain: c.domain ?? service.provider}) : t('preferences.firstParty')})),
      ...(service.storage ?? []).map((s) => ({name: s.name, duration: s.duration ?? (s.type === 'session' ? 'session' : 'persistent'), purpose: s.purpose,
        type: t(s.type === 'local' ? 'preferences.localStorage' : 'preferences.sessionStorage')})),
    ];
    return html`
      <div class="service">
        <div class="row">
          <label id=${`${id}-label`} for=${id}>${service.name}</label>
          ${category.required ? nothing : html`<input type="checkbox" role="switch" part="switch" id=${id}
            aria-describedby=${`${id}-purpose`}
            .checked=${draft.services[service.id] === true}
            @change=${(e: Event) => this.#toggleService(service, (e.target as HTMLInputElement).checked)}>`}
        </div>
        <dl>
          <dt>${t('preferences.provider')}</dt><dd>${service.provider}</dd>
          <dt>${t('preferences.purpose')}</dt><dd id=${`${id}-purpose`}>${localized(service.purpose)}</dd>
        </dl>
        ${service.privacyPolicyUrl ? html`<p class="meta"><a href=${localized(service.privacyPolicyUrl)} target="_blank" rel="noopener">${t('preferences.servicePolicy', {provider: service.provider})}</a></p>` : nothing}
        ${stored.length ? html`
          <div class="table">
            <table role="table">
              <caption class="visually-hidden">${t('preferences.stored')}: ${service.name}</caption>
              <thead role="rowgroup"><tr role="row"><th role="columnheader" scope="col">${t('preferences.name')}</th><th role="columnheader" scope="col">${t('preferences.duration')}</th><th role="columnheader" scope="col">${t('preferences.type')}</th></tr></thead>
              <tbody role="rowgroup">
                ${stored.map((row) => html`<tr role="row">
                  <td role="cell"><code>${row.name}</code>${row.purpose ? html`<br>${localized(row.purpose)}` : nothing}</td>
                  <td role="cell" data-label=${t('preferences.duration')}>${i18n.duration(row.duration)}</td>
                  <td role="cell" data-label=${t('preferences.type')}>${row.type}</td>
                </tr>`)}
              </tbody>
            </table>
          </div>` : nothing}
      </div>
    `;
  }
}

if (!customElements.get('samtycke-preferences')) customElements.define('samtycke-preferences', SamtyckePreferences);

declare global {
  interface HTMLElementTagNameMap {
    'samtycke-preferences': SamtyckePreferences;
  }
}
