import {html, nothing} from 'lit';
import {dueDate, formatCalendarDate, localDate, type HeadingLevel, type MailDraft, type RightsRequest, type Translator} from '../../core/index.js';
import {heading} from '../privacy-policy/heading-level.js';

/** A request that was sent, or handed to the visitor's e-mail program, as the receipt shows it. */
export interface SentRequest {
  readonly request: RightsRequest;
  /** The type's title in the visitor's language. */
  readonly typeTitle: string;
  /** The e-mail, when the request went by e-mail; `null` when the endpoint took it. */
  readonly mail: MailDraft | null;
}

/** Callbacks of the receipt's buttons. */
export interface ReceiptActions {
  readonly print: () => void;
  readonly save: () => void;
  readonly another: () => void;
}

/** The facts of the receipt, as label and value, in the visitor's language. */
function facts(sent: SentRequest, i18n: Translator): [string, string][] {
  const {request} = sent;
  const submitted = new Date(request.submittedAt);
  return [
    [i18n.t('rights.receipt.type'), sent.typeTitle],
    [i18n.t('rights.receipt.submitted'), formatCalendarDate(localDate(submitted), i18n.language)],
    [i18n.t('rights.receipt.due'), formatCalendarDate(request.dueDate, i18n.language)],
    [i18n.t('rights.receipt.requestId'), request.requestId],
  ];
}

/** "We must answer within one month … at the latest {extended}". */
const dueNote = (sent: SentRequest, i18n: Translator): string =>
  i18n.t('rights.receipt.dueNote', {extended: formatCalendarDate(dueDate(new Date(sent.request.submittedAt), {months: 3}), i18n.language)});

/** The receipt as plain text, for "Save receipt as a text file". */
export function receiptText(sent: SentRequest, i18n: Translator): string {
  const {t} = i18n;
  return [
    t(sent.mail ? 'rights.receipt.mailTitle' : 'rights.receipt.title'),
    '',
    ...facts(sent, i18n).map(([label, value]) => `${label}: ${value}`),
    '',
    dueNote(sent, i18n),
    ...(sent.request.type === 'erasure' ? ['', t('rights.erasure.keep')] : []),
    ...(sent.mail ? ['', `${t('rights.receipt.mailText')} (${sent.mail.to}):`, '', `${sent.mail.subject}`, '', sent.mail.body] : []),
    '',
  ].join('\n');
}

/** The receipt on screen: type, dates, id, the answer time and its extension; print, save, start over. */
export function receiptView(sent: SentRequest, i18n: Translator, mailto: string | null, actions: ReceiptActions, level: HeadingLevel) {
  const {t} = i18n;
  return html`
    <section class="receipt" aria-labelledby="receipt-title">
      ${heading(level, 'receipt-title', t(sent.mail ? 'rights.receipt.mailTitle' : 'rights.receipt.title'))}
      ${sent.mail ? html`<p>${t('rights.receipt.mailIntro', {email: sent.mail.to})}</p>` : nothing}
      <dl>
        ${facts(sent, i18n).map(([label, value], i) => html`<div><dt>${label}</dt><dd>${i === 3 ? html`<code>${value}</code>` : value}</dd></div>`)}
      </dl>
      <p>${dueNote(sent, i18n)}</p>
      ${sent.request.type === 'erasure' ? html`<p class="note">${t('rights.erasure.keep')}</p>` : nothing}
      ${sent.mail ? html`
        <label for="mail-text">${t('rights.receipt.mailText')}</label>
        <textarea id="mail-text" part="field" readonly rows="10" .value=${`${sent.mail.subject}\n\n${sent.mail.body}`}></textarea>
        ${mailto ? html`<p><a href=${mailto}>${t('rights.receipt.openMail')}</a></p>` : nothing}` : nothing}
      <div class="actions">
        <button type="button" class="button" part="button" @click=${actions.print}>${t('rights.receipt.print')}</button>
        <button type="button" class="button" part="button" @click=${actions.save}>${t('rights.receipt.save')}</button>
        <button type="button" class="button secondary" part="button" @click=${actions.another}>${t('rights.receipt.another')}</button>
      </div>
    </section>
  `;
}
