import type {Translator} from '../i18n/translator.js';
import {formatCalendarDate, localDate} from './due-date.js';
import type {RightsRequest} from './rights-request.js';

/** An e-mail to write: recipient, subject and plain-text body. */
export interface MailDraft {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
}

/**
 * An address a `mailto:` link can carry: one mailbox, no spaces, and none of the characters
 * that would start another header or recipient (`? & # , ;`).
 */
const ADDRESS = /^[^\s@?&#,;<>"()[\]\\]+@[^\s@?&#,;<>"()[\]\\/]+\.[^\s@?&#,;<>"()[\]\\/]+$/;

/** Whether `address` is a single e-mail address that fits in a `mailto:` link. */
export const isMailAddress = (address: unknown): address is string => typeof address === 'string' && ADDRESS.test(address);

/**
 * A `mailto:` URL (RFC 6068) that opens the visitor's e-mail program with the draft filled in.
 * Subject and body are percent-encoded as UTF-8, line breaks as `%0D%0A`, so every language and
 * every character the visitor typed (`&`, `?`, `#`, `+`, `%`) arrives as written. Throws
 * `RangeError` when `to` is not a single e-mail address.
 */
export function mailtoUrl({to, subject, body}: MailDraft): string {
  if (!isMailAddress(to)) throw new RangeError(`mailtoUrl: "${to}" is not a single e-mail address`);
  const [local, domain] = to.split('@') as [string, string];
  const encode = (text: string) => encodeURIComponent(text.replace(/\r\n?|\n/g, '\r\n'));
  return `mailto:${encode(local)}@${encode(domain)}?subject=${encode(subject)}&body=${encode(body)}`;
}

/** What `requestMail` needs besides the request. */
export interface RequestMailTexts {
  /** Texts in the request's language (`rights.mail.*`, `rights.field.*`). */
  readonly t: Translator['t'];
  /** The request type's title in that language ("Erasure", "Delete my uploaded files"). */
  readonly typeTitle: string;
  /** A note to add, such as what the shop must keep after an erasure. Default: none. */
  readonly note?: string;
}

/**
 * The request as an e-mail to the shop, in the visitor's language and readable without any
 * tool: the type, who asks, how to reach them, their message, the dates and the request id.
 */
export function requestMail(request: RightsRequest, to: string, {t, typeTitle, note}: RequestMailTexts): MailDraft {
  const date = (value: string) => formatCalendarDate(value, request.language);
  const lines = [
    t('rights.mail.greeting'),
    '',
    t('rights.mail.intro', {type: typeTitle}),
    '',
    `${t('rights.field.name')}: ${request.name}`,
    `${t('rights.field.email')}: ${request.email}`,
    ...(request.orderNumber ? [`${t('rights.field.orderNumber')}: ${request.orderNumber}`] : []),
    ...(request.message ? ['', `${t('rights.field.message')}:`, request.message] : []),
    '',
    `${t('rights.receipt.submitted')}: ${date(localDate(new Date(request.submittedAt)))}`,
    t('rights.mail.due', {date: date(request.dueDate)}),
    ...(note ? ['', note] : []),
    '',
    `${t('rights.receipt.requestId')}: ${request.requestId}`,
  ];
  return {to, subject: t('rights.mail.subject', {type: typeTitle}), body: lines.join('\n')};
}
