// Shared by the privacy core and component tests: a complete `privacy` section, the translator
// the privacy bundle uses, and readers of the document model.
import type {SamtyckeContext} from '../../src/context.js';
import {createMemoryReceiptLog, createTranslator, type ConsentManager, type ResolvedConfig, type Translator} from '../../src/core/index.js';
import type {Block, Inline} from '../../src/core/privacy/document.js';
import {createPrivacyTranslator} from '../../src/core/privacy/privacy-translator.js';
import en from '../../locales/en.json';
import sv from '../../locales/sv.json';
import privacyEn from '../../locales/privacy/en.json';
import privacySv from '../../locales/privacy/sv.json';

/** A complete `privacy` section with a recipient outside the EU/EEA; `overrides` replace top-level keys. */
export function privacySection(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    controller: {name: 'Provtryck AB', organisationNumber: '559000-0001', address: 'Testgatan 1, 111 11 Teststad', email: 'privacy@provtryck.example'},
    version: '2.1',
    lastUpdated: '2025-03-01',
    activities: [
      {template: 'orders', recipients: ['stripe', 'postnord']},
      {template: 'uploads', retention: {period: '90 days', after: 'delivered'}},
      {template: 'bookkeeping'},
      {template: 'customer-service'},
      {template: 'analytics-cookies'},
    ],
    recipients: [
      {id: 'stripe', name: 'Stripe Payments Europe, Limited', role: 'controller', purpose: {en: 'Card payments', sv: 'Kortbetalningar'}, country: 'IE',
        transfers: [{country: 'US', safeguard: 'dpf'}]},
      {id: 'postnord', name: 'PostNord Sverige AB', role: 'controller', purpose: {en: 'Delivery', sv: 'Leverans'}, country: 'SE'},
      {id: 'host', name: 'Serverhallen AB', role: 'processor', purpose: {en: 'Hosting', sv: 'Drift'}, country: 'SE'},
    ],
    ...overrides,
  };
}

/** The whole config file with `privacy` (and the widget part of `rawConfig`). */
export const configFile = (widget: object, privacy: unknown = privacySection()) => ({...widget, privacy});

/** The privacy bundle's translator over the widget's, as the elements build it. */
export function privacyTexts(language: string, resolved?: ResolvedConfig): Translator {
  const widget = createTranslator({language, locales: {en, sv}, overrides: resolved?.texts, defaultLanguage: resolved?.defaultLanguage});
  return createPrivacyTranslator(widget, {locales: {en: privacyEn, sv: privacySv}, overrides: resolved?.texts, defaultLanguage: resolved?.defaultLanguage});
}

const inlineText = (parts: readonly Inline[]): string => parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');

/** Every text of a block and its children, in reading order, one string per piece. */
export function texts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.type) {
      case 'section': return [block.heading, ...texts(block.blocks)];
      case 'paragraph': return [inlineText(block.content)];
      case 'list': return block.items.map(inlineText);
      case 'facts': return block.items.flatMap((f) => [f.term, inlineText(f.content), ...(f.list ?? []).map(inlineText)]);
      case 'table': return [block.caption, ...block.head, ...block.rows.flatMap((row) => row.map(inlineText))];
      case 'contents': return [block.label, ...block.items.map((i) => i.text)];
      case 'change-settings': return [block.label, block.fallback];
      default: return [];
    }
  });
}

/** The section with `id`, at any depth. */
export function section(blocks: readonly Block[], id: string): Extract<Block, {type: 'section'}> | undefined {
  for (const block of blocks) {
    if (block.type !== 'section') continue;
    if (block.id === id) return block;
    const inner = section(block.blocks, id);
    if (inner) return inner;
  }
  return undefined;
}

/** The description of the term `term` in the section's facts. */
export function fact(block: Block | undefined, term: string): string | undefined {
  if (!block || block.type !== 'section') return undefined;
  for (const b of block.blocks) {
    if (b.type !== 'facts') continue;
    const found = b.items.find((f) => f.term === term);
    if (found) return [inlineText(found.content), ...(found.list ?? []).map(inlineText)].filter(Boolean).join(' | ');
  }
  return undefined;
}

/** The rows of the first table in a section, as text. */
export function tableRows(block: Block | undefined): string[][] {
  if (!block || block.type !== 'section') return [];
  const table = block.blocks.find((b) => b.type === 'table');
  return table?.type === 'table' ? table.rows.map((row) => row.map(inlineText)) : [];
}

/** A context as the running widget hands it over, with the config file `json`. */
export function fakeContext(m: ConsentManager, json: unknown, language = 'en'): SamtyckeContext & {opened: (Element | null | undefined)[]} {
  const opened: (Element | null | undefined)[] = [];
  return {
    manager: m,
    translator: createTranslator({language, locales: {en, sv}, overrides: m.config.texts, defaultLanguage: m.config.defaultLanguage}),
    json,
    source: '/samtycke.config.json',
    receipts: createMemoryReceiptLog(),
    forgetDevice: async () => undefined,
    exportData: async () => ({}),
    showPreferences: (opener) => void opened.push(opener),
    opened,
  };
}
