import {html, nothing} from 'lit';
import type {Category, ServiceConfig, Translator} from '../../core/index.js';
import {SamtyckeElement} from '../samtycke-element.js';
import {isolationStyles} from '../theme.styles.js';
import {preferencesStyles} from './preferences.styles.js';
import {switchStyles} from './switch.styles.js';

type Draft = {readonly categories: Readonly<Record<string, boolean>>; readonly services: Readonly<Record<string, boolean>>};

/** The element that had focus inside any shadow roots, to give focus back to. */
const deepActiveElement = (root: Document | ShadowRoot): Element | null => {
  const active = root.activeElement;
  return active?.shadowRoot?.activeElement ? deepActiveElement(active.shadowRoot) : active;
};

/**
 * The second layer: a modal native `<dialog>` with a switch per category (necessary shown on,
 * disabled, and marked "Always on"; the rest off unless the visitor consented before), each
 * category expandable to its services with provider, purpose, cookies and durations and a switch
 * of their own. "Reject all", "Accept all", "Save choices", the same size. Escape or the close
 * button closes it without recording anything; focus returns to what opened it. The title and
 * the categories scroll together and the buttons stay in view, so a phone keeps most of its
 * height for the choices; the close button stays in the corner. "Saved" is announced by the
 * settings button's status region.
 *
 * @summary Cookie preferences dialog.
 * @csspart dialog - The dialog box.
 * @csspart title - The heading.
 * @csspart close - The close button.
 * @csspart category - Each category.
 * @csspart switch - Each switch.
 * @csspart link - The privacy policy links.
 * @csspart button - Each footer button. @csspart button-reject, button-accept, button-save - Each one.
 * @cssprop --samtycke-color-muted - Secondary text. Default `#4a4a52` (dark `#c2c3ca`).
 * @cssprop --samtycke-color-border - Lines and switch outlines. Default `#767680` (dark `#8e8e96`).
 * @cssprop --samtycke-color-surface - The services' background. Default `#f1f3f5` (dark `#2a2c31`).
 */
export class SamtyckePreferences extends SamtyckeElement {
  static override styles = [...SamtyckeElement.styles, isolationStyles, preferencesStyles, switchStyles];
  static override properties = {draft: {state: true}};

  declare draft: Draft | null;
  #opener: Element | null = null;
  #fallback: HTMLElement | undefined;
  /** The decision made in the dialog, until it has closed. */
  #decided: Promise<unknown> | null = null;

  constructor() {
    super();
    this.draft = null;
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
    const decided = this.#decided;
    this.#opener = null;
    this.#decided = null;
    const giveBack = () => {
      if (opener instanceof HTMLElement && opener.isConnected && opener.checkVisibility()) opener.focus();
      else this.#fallback?.focus();
    };
    if (!decided) return giveBack();
    // A decision takes the banner away, and with it a "Customize" that opened the dialog. Focus
    // waits until the decision is stored and the elements have rendered it (their updates are
    // microtasks, so one task later), then goes to the opener if it is still shown, else to the
    // fallback (the settings button, which the decision brings up).
    void decided.catch(() => undefined).then(() => new Promise((resolve) => setTimeout(resolve))).then(giveBack);
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

  #decide(decision: 'acceptAll' | 'rejectAll' | 'save'): void {
    const manager = this.manager!;
    const {categories, services} = this.draft!;
    // The dialog closes at once; the settings button's status region says "saved" once stored.
    this.#decided = decision === 'save'
      ? manager.save(categories, {services, source: 'preferences'})
      : manager[decision]({source: 'preferences'});
    this.close();
  }

  override render() {
    const {manager, translator: i18n, draft} = this;
    if (!manager || !i18n) return nothing;
    const {t} = i18n;
    return html`
      <dialog part="dialog" aria-labelledby="title" @close=${this.#closed}>
        ${draft ? html`
          <form method="dialog" @submit=${(e: Event) => e.preventDefault()}>
            <button type="button" class="close" part="close" aria-label=${t('preferences.close')} title=${t('preferences.close')} @click=${this.close}>
              <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6 6 18" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" fill="none"/></svg>
            </button>
            <div class="scroll">
              <header>
                <h2 id="title" part="title" tabindex="-1" autofocus>${t('preferences.title')}</h2>
              </header>
              <div class="body">
                <p class="intro">${t('preferences.intro', {days: manager.config.lifetimeDays})}
                  <a part="link" href=${i18n.localized(manager.config.privacyPolicyUrl)}>${t('preferences.policy')}</a></p>
                ${manager.gpc ? html`<p class="intro gpc" part="gpc">${t('preferences.gpc')}</p>` : nothing}
                ${manager.config.categories.map((category) => this.#renderCategory(category, i18n, draft))}
              </div>
            </div>
            <footer class="actions">
              <button type="button" class="button" part="button button-reject" @click=${() => this.#decide('rejectAll')}>${t('preferences.rejectAll')}</button>
              <button type="button" class="button" part="button button-accept" @click=${() => this.#decide('acceptAll')}>${t('preferences.acceptAll')}</button>
              <button type="button" class="button" part="button button-save" @click=${() => this.#decide('save')}>${t('preferences.save')}</button>
            </footer>
          </form>` : nothing}
      </dialog>
    `;
  }

  #renderCategory(category: Category, i18n: Translator, draft: Draft) {
    const {t, localized} = i18n;
    const id = `category-${category.id}`;
    const title = localized(category.title) || t(`category.${category.id}.title`);
    const on = draft.categories[category.id] === true;
    return html`
      <div class="category" part="category" role="group" aria-labelledby=${`${id}-label`}>
        <div class="row">
          <label id=${`${id}-label`} for=${id}>${title}</label>
          <span class="control">
            ${category.required ? html`<span class="always" id=${`${id}-always`}>${t('preferences.alwaysOn')}</span>` : nothing}
            <input type="checkbox" role="switch" part="switch" id=${id}
              aria-checked=${on ? 'true' : 'false'}
              aria-describedby=${category.required ? `${id}-always ${id}-description` : `${id}-description`}
              .checked=${on} ?disabled=${category.required}
              @change=${(e: Event) => this.#toggleCategory(category, (e.target as HTMLInputElement).checked)}>
          </span>
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
            aria-checked=${draft.services[service.id] === true ? 'true' : 'false'}
            aria-describedby=${`${id}-purpose`}
            .checked=${draft.services[service.id] === true}
            @change=${(e: Event) => this.#toggleService(service, (e.target as HTMLInputElement).checked)}>`}
        </div>
        <dl>
          <dt>${t('preferences.provider')}</dt><dd>${service.provider}</dd>
          <dt>${t('preferences.purpose')}</dt><dd id=${`${id}-purpose`}>${localized(service.purpose)}</dd>
        </dl>
        ${service.privacyPolicyUrl ? html`<p class="meta"><a part="link" href=${localized(service.privacyPolicyUrl)} target="_blank" rel="noopener">${t('preferences.servicePolicy', {provider: service.provider})}</a></p>` : nothing}
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
