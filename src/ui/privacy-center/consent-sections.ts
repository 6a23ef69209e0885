import {html, nothing} from 'lit';
import type {Category, ConsentManager, ConsentReceipt, HeadingLevel, Translator} from '../../core/index.js';
import {heading} from '../privacy-policy/heading-level.js';

/** A date and time in the visitor's language: "22 november 2026 14:05". */
export const dateTime = (iso: string, language: string): string => {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Intl.DateTimeFormat(language, {dateStyle: 'long', timeStyle: 'short'}).format(time);
};

const categoryTitle = (category: Category | undefined, id: string, i18n: Translator): string =>
  (category && i18n.localized(category.title)) || i18n.t(`category.${id}.title`);

/** A receipt id that may wrap after its hyphens, not inside its hex groups. */
const breakable = (id: string) => id.split('-').map((part, i, all) => html`${part}${i < all.length - 1 ? html`-<wbr>` : nothing}`);

/** An allowed / not allowed badge: a symbol for the eye and the word for everyone. */
const badge = (on: boolean, label: string) =>
  html`<span class="state ${on ? 'on' : 'off'}"><span aria-hidden="true">${on ? '✓' : '✕'}</span> ${label}</span>`;

/**
 * Whether anything beyond the necessary is allowed now (a category, or a service on its own):
 * only then is there a consent to withdraw.
 */
export function optionalAllowed(manager: ConsentManager): boolean {
  const {config, state} = manager;
  const required = new Set(config.categories.filter((c) => c.required).map((c) => c.id));
  return config.categories.some((c) => !c.required && state.categories[c.id] === true)
    || config.services.some((s) => !required.has(s.category) && state.services[s.id] === true);
}

/** Callbacks of the choices section. */
export interface ChoicesActions {
  readonly change: (opener: HTMLElement) => void;
  readonly withdraw: () => void;
}

/**
 * The consent in force, in words: each category and its services allowed or not, when it was
 * decided and until when; "Change choices" and "Withdraw all consent". With nothing optional
 * allowed, "Withdraw all consent" stays in its place and in the tab order but does nothing
 * (`aria-disabled`), and says why, on screen and as its description.
 */
export function choicesSection(manager: ConsentManager, i18n: Translator, status: string, actions: ChoicesActions, level: HeadingLevel) {
  const {t} = i18n;
  const state = manager.state;
  const record = state.record;
  const summary = state.status === 'unavailable' ? t('center.choices.broken')
    : record && state.status === 'decided'
      ? t('center.choices.decided', {date: dateTime(record.timestamp, i18n.language), until: dateTime(record.expires, i18n.language)})
      : t('center.choices.undecided');
  const withdrawable = optionalAllowed(manager);
  return html`
    <section class="card" aria-labelledby="choices-title" part="section">
      ${heading(level, 'choices-title', t('center.choices.title'))}
      <p>${summary}${state.persisted || state.status !== 'decided' ? nothing : html` ${t('center.choices.notPersisted')}`}</p>
      ${state.status === 'unavailable' ? nothing : html`
        <ul class="choices">
          ${manager.config.categories.map((category) => {
            const title = categoryTitle(category, category.id, i18n);
            const word = (on: boolean) => (category.required ? t('center.choices.alwaysOn') : t(on ? 'center.choices.on' : 'center.choices.off'));
            return html`<li>
              <div class="row"><span class="name">${title}<span class="visually-hidden">: </span></span>${badge(category.required || state.categories[category.id] === true, word(state.categories[category.id] === true))}</div>
              ${category.services.length ? html`
                <ul class="services" aria-label=${t('center.choices.services', {category: title})}>
                  ${category.services.map((service) => html`<li class="row">
                    <span>${service.name}<span class="visually-hidden">: </span></span>${badge(category.required || state.services[service.id] === true, word(state.services[service.id] === true))}
                  </li>`)}
                </ul>` : nothing}
            </li>`;
          })}
        </ul>
        <div class="actions">
          <button type="button" class="button" part="button" @click=${(e: Event) => actions.change(e.currentTarget as HTMLElement)}>${t('center.choices.change')}</button>
          <button type="button" class="button" part="button" id="withdraw" aria-disabled=${withdrawable ? nothing : 'true'}
            aria-describedby=${withdrawable ? nothing : 'withdraw-none'} @click=${() => withdrawable && actions.withdraw()}>${t('center.choices.withdraw')}</button>
        </div>
        ${withdrawable ? nothing : html`<p class="hint" id="withdraw-none">${t('center.choices.nothingToWithdraw')}</p>`}`}
      <p class="result" role="status">${status}</p>
    </section>
  `;
}

/** What a receipt allowed, in words: the optional categories, with the services that differ from them. */
function allowedText(receipt: ConsentReceipt, manager: ConsentManager, i18n: Translator): string {
  const list = new Intl.ListFormat(i18n.language, {type: 'conjunction'});
  const categories = manager.config.categories;
  const serviceName = (id: string) => manager.config.services.find((s) => s.id === id)?.name ?? id;
  const parts: string[] = [];
  for (const [id, allowed] of Object.entries(receipt.categories)) {
    const category = categories.find((c) => c.id === id);
    if (!allowed || category?.required || id === 'necessary') continue;
    const refused = category?.services.filter((s) => receipt.services[s.id] === false).map((s) => s.name) ?? [];
    const title = categoryTitle(category, id, i18n);
    parts.push(refused.length ? `${title} (${i18n.t('center.history.except', {services: list.format(refused)})})` : title);
  }
  for (const [id, allowed] of Object.entries(receipt.services)) {
    const category = manager.config.services.find((s) => s.id === id)?.category;
    if (allowed && category && !receipt.categories[category] && !categories.find((c) => c.id === category)?.required) parts.push(serviceName(id));
  }
  return parts.length ? list.format(parts) : i18n.t('center.history.nothing');
}

/** The receipts of this device as a table, newest first; narrow, each receipt a card labelled by the columns. */
export function historySection(receipts: readonly ConsentReceipt[] | null | undefined, manager: ConsentManager, i18n: Translator, level: HeadingLevel) {
  const {t} = i18n;
  const columns = [t('center.history.when'), t('center.history.decision'), t('center.history.allowed'), t('center.history.where'), t('center.history.receipt')];
  let body;
  if (receipts === null) body = html`<p>${t('center.history.failed')}</p>`;
  else if (receipts === undefined) body = html`<p>${t('center.loading')}</p>`;
  else if (!receipts.length) body = html`<p>${t('center.history.empty')}</p>`;
  else {
    body = html`
      <div class="table">
        <table role="table" part="table">
          <caption class="visually-hidden">${t('center.history.caption')}</caption>
          <thead role="rowgroup"><tr role="row">${columns.map((c) => html`<th scope="col" role="columnheader">${c}</th>`)}</tr></thead>
          <tbody role="rowgroup">
            ${receipts.map((r) => {
              const cells = [dateTime(r.timestamp, i18n.language), t(`center.method.${r.method}`), allowedText(r, manager, i18n), t(`center.source.${r.source}`)];
              return html`<tr role="row">
                ${cells.map((text, i) => html`<td role="cell" data-label=${columns[i]}>${text}</td>`)}
                <td role="cell" data-label=${columns[4]}><code>${breakable(r.receiptId)}</code></td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>`;
  }
  return html`
    <section class="card" aria-labelledby="history-title" part="section">
      ${heading(level, 'history-title', t('center.history.title'))}
      <p>${t('center.history.intro')}</p>
      ${body}
    </section>
  `;
}
