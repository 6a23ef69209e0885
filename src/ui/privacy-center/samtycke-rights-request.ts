import {html, nothing} from 'lit';
import {
  buildRequest, localDate, mailtoUrl, requestMail, RightsRequestType, sameRequest, submitRequest,
  type HeadingLevel, type RightsConfig, type RightsRequest, type SubmitFailure,
} from '../../core/index.js';
import {accessibilityStyles} from '../privacy-policy/document.styles.js';
import {below, heading, headingLevelOf} from '../privacy-policy/heading-level.js';
import {SamtyckeElement} from '../samtycke-element.js';
import {followLink, saveFile} from './follow-link.js';
import {receiptText, receiptView, type SentRequest} from './rights-receipt.js';
import {rightsRequestStyles} from './rights-request.styles.js';

type Field = 'type' | 'name' | 'email' | 'orderNumber' | 'message';
type TextField = Exclude<Field, 'type'>;
type Errors = Partial<Record<Field, string>>;

/** Fields in the order they are checked and focused. */
const FIELDS: readonly Field[] = ['type', 'name', 'email', 'orderNumber', 'message'];
const MAX_LENGTH: Readonly<Record<TextField, number>> = {name: 200, email: 254, orderNumber: 100, message: 5000};

/** A failed send: why, and the e-mail that would carry the same request instead. */
interface Failure {
  readonly result: SubmitFailure;
  readonly mailto: string | null;
}

/**
 * The rights-request form of the privacy center: the request type (the GDPR's rights and the
 * shop's own types, each explained in one line), name, e-mail, an optional order number and a
 * message, nothing more. Sent as JSON to `privacy.rightsRequests.endpoint`, or, by default, as
 * a prefilled e-mail to the privacy address. Shows a receipt with the due date; a failed send
 * keeps everything typed and offers to try again or send by e-mail. Nothing typed is stored in
 * the browser.
 *
 * For screen readers and keyboards: a field with a problem has `aria-invalid` and its message as
 * description, and the first such field takes focus; sending is told in a status region, a
 * failure in an alert region, and focus moves to the receipt's heading once sent.
 *
 * @summary Rights-request form.
 * @attr heading-level - Level of the form's heading, 2–6; the receipt's and the failure's are one deeper. Default 2.
 * @attr scheme - `light` or `dark`; absent: follow `prefers-color-scheme`. The privacy center passes its own.
 * @csspart section - The form's box.
 * @csspart heading - The headings.
 * @csspart form - The `<form>`.
 * @csspart field - Each text field.
 * @csspart button - Each button.
 * @cssprop --samtycke-color-error - Error messages and invalid fields. Default `#b3261e` (dark `#ffb4ab`, `--samtycke-dark-color-error`).
 */
export class SamtyckeRightsRequest extends SamtyckeElement {
  static override styles = [...SamtyckeElement.styles, ...rightsRequestStyles, accessibilityStyles];
  static override properties = {
    headingLevel: {type: Number, attribute: 'heading-level'},
    settings: {attribute: false}, selected: {state: true}, errors: {state: true}, sending: {state: true}, failure: {state: true}, sent: {state: true},
  };

  /** Level of the form's heading, 2–6. Default 2. */
  declare headingLevel: number;
  /** Where requests go (`readRightsConfig`); `null`: nowhere, and the form says whom to contact. */
  declare settings: RightsConfig | null;
  declare selected: string;
  declare errors: Errors;
  declare sending: boolean;
  declare failure: Failure | null;
  declare sent: SentRequest | null;
  /** The request that failed: sent again unchanged, it keeps its id, so the shop sees it once. */
  #failed: RightsRequest | null = null;
  /** After the first attempt, errors follow what the visitor types. */
  #checked = false;
  /** The send in progress; `updateComplete` waits for it. */
  #submitting: Promise<void> = Promise.resolve();

  constructor() {
    super();
    this.headingLevel = 2;
    this.settings = null;
    this.selected = '';
    this.errors = {};
    this.sending = false;
    this.failure = null;
    this.sent = null;
  }

  /** Also waits for a send in progress and what it shows afterwards. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const first = await super.getUpdateComplete();
    await this.#submitting;
    return (await super.getUpdateComplete()) && first;
  }

  /** The next render, without waiting for the send (which itself waits for renders). */
  #rendered(): Promise<boolean> {
    return super.getUpdateComplete();
  }

  #typeTitle(id: string): string {
    const {t, localized} = this.translator!;
    const own = this.settings?.types.find((type) => type.id === id);
    return own ? localized(own.title) : t(`rights.type.${id}.title`);
  }

  /** Native constraint validation, told in the visitor's language. */
  #validate(form: HTMLFormElement): Errors {
    const {t, language} = this.translator!;
    const errors: Errors = {};
    if (!this.selected) errors.type = t('rights.error.type');
    for (const field of FIELDS.slice(1) as TextField[]) {
      const control = form.elements.namedItem(field) as HTMLInputElement | HTMLTextAreaElement;
      const label = t(`rights.field.${field}`).toLocaleLowerCase(language);
      if (control.validity.valueMissing || (control.required && !control.value.trim())) errors[field] = t('rights.error.required', {field: label});
      else if (control.validity.typeMismatch) errors[field] = t('rights.error.email');
      else if (control.value.length > MAX_LENGTH[field]) errors[field] = t('rights.error.tooLong', {field: label, max: MAX_LENGTH[field]});
    }
    return errors;
  }

  #focus(field: Field): void {
    const root = this.renderRoot;
    const target = field === 'type'
      ? root.querySelector<HTMLInputElement>('input[name="type"]:checked') ?? root.querySelector<HTMLInputElement>('input[name="type"]')
      : root.querySelector<HTMLElement>(`#${field}`);
    target?.focus();
  }

  #edited(event: Event): void {
    const target = event.target as HTMLInputElement;
    if (target.name === 'type') this.selected = target.value;
    if (this.#checked) void this.updateComplete.then(() => (this.errors = this.#validate(target.form!)));
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const settings = this.settings;
    if (this.sending || !settings) return;
    const form = event.currentTarget as HTMLFormElement;
    this.#checked = true;
    this.errors = this.#validate(form);
    const invalid = FIELDS.find((field) => this.errors[field]);
    if (invalid) {
      await this.#rendered();
      this.#focus(invalid);
      return;
    }
    const {t, language} = this.translator!;
    const value = (field: TextField) => (form.elements.namedItem(field) as HTMLInputElement).value;
    const input = {type: this.selected, name: value('name'), email: value('email'), orderNumber: value('orderNumber'), message: value('message'), language, page: location.href};
    let request = buildRequest(input, this.#failed ? {requestId: this.#failed.requestId} : {});
    if (this.#failed && !sameRequest(this.#failed, request)) request = buildRequest(input);
    const typeTitle = this.#typeTitle(request.type);
    const note = request.type === RightsRequestType.Erasure ? t('rights.erasure.keep') : undefined;
    const mail = settings.email ? requestMail(request, settings.email, {t, typeTitle, note}) : null;
    if (!settings.endpoint) {
      followLink(this.renderRoot, mailtoUrl(mail!));
      return this.#done({request, typeTitle, mail});
    }
    this.sending = true;
    this.failure = null;
    const result = await submitRequest(settings.endpoint, request);
    this.sending = false;
    if (result.ok) return this.#done({request, typeTitle, mail: null});
    this.#failed = request;
    this.failure = {result, mailto: mail ? mailtoUrl(mail) : null};
    // The endpoint's reasons for a field are shown at that field too.
    const reasons: Errors = {};
    for (const error of result.errors) {
      // The reference receiver names fields as JSON paths ("$.email").
      const field = error.path.replace(/^\$\./, '');
      if ((FIELDS as readonly string[]).includes(field)) reasons[field as Field] ??= error.message;
    }
    this.errors = reasons;
  }

  async #done(sent: SentRequest): Promise<void> {
    // The form, with everything typed, goes away; only this receipt in memory remains.
    this.#failed = null;
    this.#checked = false;
    this.failure = null;
    this.errors = {};
    this.selected = '';
    this.sent = sent;
    await this.#rendered();
    this.renderRoot.querySelector<HTMLElement>('#receipt-title')?.focus();
  }

  async #startOver(): Promise<void> {
    this.sent = null;
    await this.#rendered();
    this.renderRoot.querySelector<HTMLElement>('#rights-title')?.focus();
  }

  override render() {
    const i18n = this.translator;
    if (!i18n) return nothing;
    const {t} = i18n;
    const {sent} = this;
    const level = headingLevelOf(this.headingLevel);
    // One status region for the whole section: it outlives the form, so "sent" is announced
    // although the form it was pressed in is gone. The receipt shows the same words on screen.
    const status = this.sending ? t('rights.sending') : sent ? t(sent.mail ? 'rights.receipt.mailTitle' : 'rights.receipt.title') : '';
    return html`
      <section class="card" part="section" aria-labelledby="rights-title">
        ${heading(level, 'rights-title', t('rights.title'))}
        <p id="rights-intro">${t('rights.intro')}</p>
        ${!this.settings ? html`<p class="note">${t('rights.unavailable')}</p>` : sent ? receiptView(sent, i18n, sent.mail ? mailtoUrl(sent.mail) : null, {
          print: () => window.print(),
          save: () => saveFile(this.renderRoot, receiptText(sent, i18n), 'text/plain;charset=utf-8', `rights-request-${localDate(new Date(sent.request.submittedAt))}.txt`),
          another: () => void this.#startOver(),
        }, below(level)) : this.#form(this.settings, level)}
        <p class=${sent ? 'visually-hidden' : 'result'} role="status">${status}</p>
      </section>
    `;
  }

  #form(settings: RightsConfig, level: HeadingLevel) {
    const {t, localized} = this.translator!;
    const {errors} = this;
    const types = [
      ...Object.values(RightsRequestType).map((id) => ({id: id as string, title: t(`rights.type.${id}.title`), description: t(`rights.type.${id}.description`)})),
      ...settings.types.map((type) => ({id: type.id, title: localized(type.title), description: localized(type.description)})),
    ];
    const rectification = this.selected === RightsRequestType.Rectification;
    return html`
      <form part="form" novalidate @submit=${(e: SubmitEvent) => void (this.#submitting = Promise.all([this.#submitting, this.#submit(e)]).then(() => undefined))} @input=${this.#edited} @change=${this.#edited}>
        <fieldset role="radiogroup" aria-labelledby="type-legend" aria-required="true"
          aria-invalid=${errors.type ? 'true' : 'false'} aria-describedby=${errors.type ? 'type-error' : nothing}>
          <legend id="type-legend">${t('rights.type.legend')}</legend>
          ${errors.type ? html`<p class="error" id="type-error">${errors.type}</p>` : nothing}
          ${types.map((type) => {
            // The group's error is also each option's description: screen readers do not all read a group's description when focus lands on an option.
            const described = [errors.type && 'type-error', type.description && `type-${type.id}-description`, type.id === RightsRequestType.Erasure && 'erasure-note']
              .filter(Boolean).join(' ');
            return html`<div class="option">
              <input type="radio" name="type" id=${`type-${type.id}`} .value=${type.id} .checked=${this.selected === type.id} required
                aria-describedby=${described || nothing}>
              <label for=${`type-${type.id}`}>${type.title}</label>
              ${type.description ? html`<p class="hint" id=${`type-${type.id}-description`}>${type.description}</p>` : nothing}
              ${type.id === RightsRequestType.Erasure ? html`<p class="note" id="erasure-note" ?hidden=${this.selected !== type.id}>${t('rights.erasure.keep')}</p>` : nothing}
            </div>`;
          })}
        </fieldset>
        <p class="hint" id="identity-hint">${t('rights.hint.identity')}</p>
        ${this.#field('name', {autocomplete: 'name', required: true})}
        ${this.#field('email', {type: 'email', autocomplete: 'email', required: true})}
        ${this.#field('orderNumber', {hint: t('rights.hint.orderNumber')})}
        ${this.#field('message', {multiline: true, required: rectification, hint: t(rectification ? 'rights.hint.messageRectification' : 'rights.hint.message')})}
        <div class="actions">
          <button type="submit" class="button" part="button submit">${t(settings.endpoint ? 'rights.submit.endpoint' : 'rights.submit.mail')}</button>
        </div>
        ${settings.endpoint ? nothing : html`<p class="hint">${t('rights.submit.mailNote', {email: settings.email ?? ''})}</p>`}
        <div role="alert">${this.failure ? this.#failureView(this.failure, settings, below(level)) : nothing}</div>
      </form>
    `;
  }

  #field(id: TextField, {type = 'text', autocomplete = 'off', required = false, multiline = false, hint}: {
    type?: string; autocomplete?: string; required?: boolean; multiline?: boolean; hint?: string;
  }) {
    const {t} = this.translator!;
    const error = this.errors[id];
    // The problem first: it is what the visitor came back to the field for.
    const described = [error && `${id}-error`, hint && `${id}-hint`, (id === 'name' || id === 'email') && 'identity-hint'].filter(Boolean).join(' ');
    const invalid = error ? 'true' : 'false';
    return html`
      <div class="field">
        <label for=${id}>${t(`rights.field.${id}`)}${required ? nothing : html` <span class="optional">(${t('rights.field.optional')})</span>`}</label>
        ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
        ${multiline
          ? html`<textarea id=${id} name=${id} part="field" rows="5" maxlength=${MAX_LENGTH[id]} ?required=${required} autocomplete=${autocomplete}
              aria-invalid=${invalid} aria-describedby=${described || nothing}></textarea>`
          : html`<input id=${id} name=${id} part="field" type=${type} maxlength=${MAX_LENGTH[id]} ?required=${required} autocomplete=${autocomplete}
              aria-invalid=${invalid} aria-describedby=${described || nothing}>`}
        ${error ? html`<p class="error" id=${`${id}-error`}>${error}</p>` : nothing}
      </div>
    `;
  }

  #failureView({result, mailto}: Failure, settings: RightsConfig, level: HeadingLevel) {
    const {t} = this.translator!;
    const reason = result.reason === 'network' ? t('rights.failed.network')
      : result.reason === 'rejected' ? t('rights.failed.rejected') : t('rights.failed.server', {status: result.status ?? ''});
    return html`
      <div class="failure">
        ${heading(level, 'failure-title', t('rights.failed.title'))}
        <p>${reason}</p>
        ${result.errors.length ? html`<ul>${result.errors.map((e) => html`<li>${e.message}</li>`)}</ul>` : nothing}
        <p>${t('rights.failed.kept')}</p>
        <div class="actions">
          <button type="submit" class="button" part="button">${t('rights.failed.retry')}</button>
          ${mailto ? html`<a class="button secondary" part="button" href=${mailto}>${t('rights.failed.mail', {email: settings.email ?? ''})}</a>` : nothing}
        </div>
        ${mailto ? nothing : html`<p>${t('rights.failed.noMail')}</p>`}
      </div>
    `;
  }
}

if (!customElements.get('samtycke-rights-request')) customElements.define('samtycke-rights-request', SamtyckeRightsRequest);

declare global {
  interface HTMLElementTagNameMap {
    'samtycke-rights-request': SamtyckeRightsRequest;
  }
}
