import {html, nothing} from 'lit';
import {localDate, readRightsConfig, reportProblems, type RightsConfig, type Translator} from '../../core/index.js';
import {whenContext, type SamtyckeContext} from '../../context.js';
import {accessibilityStyles} from '../privacy-policy/document.styles.js';
import {below, heading, headingLevelOf} from '../privacy-policy/heading-level.js';
import {SchemeController} from '../privacy-policy/scheme-controller.js';
import {SamtyckeElement} from '../samtycke-element.js';
import {createCenterTranslator, pageTranslator} from './center-translator.js';
import {choicesSection, historySection} from './consent-sections.js';
import {saveFile} from './follow-link.js';
import {privacyCenterStyles} from './privacy-center.styles.js';
import {ReceiptsController} from './receipts-controller.js';
import './samtycke-rights-request.js';

/**
 * The visitor's own privacy page: the cookie choices in force (change them, or withdraw all
 * consent, which records the same decision as the banner's), the history of choices on this
 * device, a download of everything Samtycke keeps in this browser, "Forget this device", and the
 * rights-request form. Reads the running widget's context (`whenContext`); shop texts are the
 * configuration's, fixed texts come from `locales/center/`.
 *
 * Each section is a box painted in the theme (`--samtycke-color-surface`), light or dark by
 * `scheme` (set from the config's `appearance.colorScheme`), or by the visitor's setting without it.
 *
 * @summary Privacy center: choices, history, data on this device, rights requests.
 * @attr heading-level - Level of the section headings, 2–6; the form's inner headings are one deeper. Default 2.
 * @attr scheme - `light` or `dark`; absent: follow `prefers-color-scheme`. Set from `appearance.colorScheme`.
 * @csspart document - Everything the center shows.
 * @csspart section - Each section's box, the rights-request form's included.
 * @csspart heading - Each section heading.
 * @csspart table - The history table.
 * @csspart button - Each button.
 * @csspart form - The rights-request `<form>`.
 * @csspart field - Each text field of the rights-request form.
 * @csspart dialog - The "Forget this device?" confirmation.
 * @csspart rights - The rights-request element (`<samtycke-rights-request>`).
 * @cssprop --samtycke-color-surface - Background of the boxes.
 * @cssprop --samtycke-color-text - Text.
 * @cssprop --samtycke-color-accent - Buttons and links.
 * @cssprop --samtycke-color-border - Lines.
 * @cssprop --samtycke-color-error - Error messages and invalid fields. Default `#b3261e` (dark `#ffb4ab`).
 */
export class SamtyckePrivacyCenter extends SamtyckeElement {
  static override styles = [...SamtyckeElement.styles, ...privacyCenterStyles, accessibilityStyles];
  static override properties = {headingLevel: {type: Number, attribute: 'heading-level'}, choicesStatus: {state: true}, dataStatus: {state: true}};

  /** Level of the section headings, 2–6. Default 2 (the page's `<h1>` is the page's title). */
  declare headingLevel: number;
  /** What the last withdrawal did, for the status region of the choices. */
  declare choicesStatus: string;
  /** What the last download or "forget" did, for the status region of the data section. */
  declare dataStatus: string;
  readonly #receipts = new ReceiptsController(this);
  readonly #scheme = new SchemeController(this);
  #context: SamtyckeContext | null | undefined = undefined;
  #rights: RightsConfig | null = null;
  #pageTexts: Translator | undefined;
  /** What the visitor pressed and is not finished yet (withdrawal, download, forgetting). */
  readonly #pending = new Set<Promise<void>>();

  constructor() {
    super();
    this.headingLevel = 2;
    this.choicesStatus = '';
    this.dataStatus = '';
  }

  /**
   * The running widget's context; `null` when the widget did not start. Read with `whenContext`
   * when the element is connected, unless set before.
   */
  get context(): SamtyckeContext | null | undefined {
    return this.#context;
  }

  set context(context: SamtyckeContext | null | undefined) {
    this.#context = context;
    if (context) {
      const {config} = context.manager;
      const texts = createCenterTranslator(context.translator, context.json, config.defaultLanguage);
      const rights = readRightsConfig(context.json, {languages: config.languages, services: config.services});
      reportProblems(console, context.source, [...texts.problems, ...rights.problems]);
      this.#rights = rights.config;
      this.manager = context.manager;
      this.translator = texts.translator;
      this.#scheme.apply(config);
    }
    this.#receipts.context = context ?? null;
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#context === undefined) {
      void whenContext(window).then((context) => {
        if (this.#context === undefined) this.context = context;
      });
    }
  }

  /** Also waits for what the visitor pressed to finish and for the history to be read. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const first = await super.getUpdateComplete();
    await Promise.all(this.#pending);
    await this.#receipts.settled;
    return (await super.getUpdateComplete()) && first;
  }

  /** Runs an action the visitor started; `updateComplete` waits for it. */
  #run(action: () => Promise<void>): void {
    const running = action().finally(() => this.#pending.delete(running));
    this.#pending.add(running);
  }

  async #withdraw(): Promise<void> {
    const {t} = this.translator!;
    this.choicesStatus = '';
    try {
      await this.manager!.withdraw({source: 'privacy-center'});
      this.choicesStatus = t('center.choices.withdrawn');
    } catch {
      this.choicesStatus = t('center.choices.withdrawFailed');
    }
  }

  async #download(): Promise<void> {
    const {t} = this.translator!;
    this.dataStatus = '';
    try {
      const data = await this.#context!.exportData();
      const name = `samtycke-data-${localDate(new Date())}.json`;
      saveFile(this.renderRoot, `${JSON.stringify(data, null, 2)}\n`, 'application/json', name);
      this.dataStatus = t('center.data.downloaded', {file: name});
    } catch {
      this.dataStatus = t('center.data.downloadFailed');
    }
  }

  get #dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  #askToForget(): void {
    this.dataStatus = '';
    this.#dialog.showModal();
  }

  async #forget(): Promise<void> {
    this.#closeDialog();
    const context = this.#context!;
    const {t, plural} = this.translator!;
    const receipts = (await context.receipts.list().catch(() => [])).length;
    const services = context.manager.config.services.filter((s) => s.cookies?.length || s.storage?.length).length;
    const choice = t(context.manager.state.record ? 'center.forget.choice' : 'center.forget.noChoice');
    try {
      await context.forgetDevice();
      this.dataStatus = `${t('center.forget.done', {
        choice, receipts: plural('center.forget.receipts', receipts), services: plural('center.forget.services', services),
      })} ${t('center.forget.thirdParty')}`;
    } catch {
      this.dataStatus = t('center.forget.failed');
    }
    await this.#receipts.refresh();
  }

  /** Closes the dialog; focus goes back to "Forget this device" (also after Escape, through `close`). */
  #closeDialog(): void {
    this.#dialog.close();
    this.#dialogClosed();
  }

  #dialogClosed(): void {
    this.renderRoot.querySelector<HTMLElement>('#forget')?.focus();
  }

  override render() {
    const {manager, translator: i18n} = this;
    const context = this.#context;
    if (!context || !manager || !i18n) {
      // Before the widget's texts arrive the page's language decides, and says so in lang.
      const texts = (this.#pageTexts ??= pageTranslator(document));
      return html`<p class="card" role="status" lang=${texts.language}>${texts.t(context === null ? 'center.unavailable' : 'center.loading')}</p>`;
    }
    const {t} = i18n;
    const level = headingLevelOf(this.headingLevel);
    return html`<div class="document" part="document">
      ${choicesSection(manager, i18n, this.choicesStatus, {
        change: (opener) => context.showPreferences(opener),
        withdraw: () => this.#run(() => this.#withdraw()),
      }, level)}
      ${historySection(this.#receipts.receipts, manager, i18n, level)}
      <section class="card" aria-labelledby="data-title" part="section">
        ${heading(level, 'data-title', t('center.data.title'))}
        <p>${t('center.data.intro')}</p>
        <div class="actions">
          <button type="button" class="button" part="button" @click=${() => this.#run(() => this.#download())}>${t('center.data.download')}</button>
          <button type="button" class="button" part="button" id="forget" aria-haspopup="dialog" @click=${this.#askToForget}>${t('center.forget.button')}</button>
        </div>
        <p class="result" role="status">${this.dataStatus}</p>
        <dialog part="dialog" aria-labelledby="forget-title" aria-describedby="forget-explain" @close=${this.#dialogClosed}>
          ${heading(below(level), 'forget-title', t('center.forget.title'))}
          <p id="forget-explain">${t('center.forget.explain')}</p>
          <p>${t('center.forget.kept')}</p>
          <div class="actions">
            <button type="button" class="button secondary" part="button" autofocus @click=${this.#closeDialog}>${t('center.forget.cancel')}</button>
            <button type="button" class="button" part="button" @click=${() => this.#run(() => this.#forget())}>${t('center.forget.confirm')}</button>
          </div>
        </dialog>
      </section>
      <samtycke-rights-request part="rights" exportparts="section, heading, button, form, field" scheme=${this.#scheme.value ?? nothing}
        .headingLevel=${level} .translator=${i18n} .settings=${this.#rights}></samtycke-rights-request>
    </div>`;
  }
}

if (!customElements.get('samtycke-privacy-center')) customElements.define('samtycke-privacy-center', SamtyckePrivacyCenter);

declare global {
  interface HTMLElementTagNameMap {
    'samtycke-privacy-center': SamtyckePrivacyCenter;
  }
}
