/**
 * The static HTML export (`dist/samtycke-render.mjs`, behind `npx samtycke render`): the privacy
 * policy and the cookie declaration as plain HTML pages that need no JavaScript, from the same
 * config file and the same document model as `<samtycke-privacy-policy>` and
 * `<samtycke-cookie-declaration>`. Every text is escaped; nothing from the config becomes markup.
 */
import en from '../locales/en.json';
import sv from '../locales/sv.json';
import privacyEn from '../locales/privacy/en.json';
import privacySv from '../locales/privacy/sv.json';
import {createTranslator, validateConfig, type Problem} from './core/index.js';
import {resolveCatalogue, type CatalogueLoader} from './core/catalogue/resolve-services.js';
import {buildCookieDeclaration} from './core/privacy/declaration-document.js';
import type {Block, Fact, HeadingLevel, Inline} from './core/privacy/document.js';
import {buildPrivacyPolicy} from './core/privacy/policy-document.js';
import {createPrivacyTranslator} from './core/privacy/privacy-translator.js';
import {validatePrivacy} from './core/privacy/validate-privacy.js';

/** What to render. */
export type RenderKind = 'privacy' | 'cookies';

export interface RenderOptions {
  /** One of the config's `languages`. Default: its `defaultLanguage`, else the first language. */
  readonly language?: string;
  /** Reads a catalogue entry (`catalogue/<id>.json`); without it, services must be written out in full. */
  readonly load?: CatalogueLoader;
  /** Only the document, for pasting into a page of your own; default: a whole HTML page. */
  readonly fragment?: boolean;
  /** Link this stylesheet instead of the built-in `<style>`. */
  readonly stylesheet?: string;
  /** The config file's name, for advice in problems. */
  readonly source?: string;
}

export interface RenderResult {
  /** The HTML, or `null` when there are problems. */
  readonly html: string | null;
  readonly problems: readonly Problem[];
  /** The language rendered. */
  readonly language: string;
}

const ESCAPES: Readonly<Record<string, string>> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};
/** Escapes text for HTML content and quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const inline = (part: Inline): string => {
  if (typeof part === 'string') return escapeHtml(part);
  if (part.type === 'code') return `<code>${escapeHtml(part.text)}</code>`;
  return `<a href="${escapeHtml(part.href)}"${part.external ? ' rel="noopener"' : ''}>${escapeHtml(part.text)}</a>`;
};
const inlines = (content: readonly Inline[]): string => content.map(inline).join('');
const fact = ({term, content, list}: Fact): string =>
  `<div><dt>${escapeHtml(term)}</dt><dd>${inlines(content)}${list ? `<ul>${list.map((item) => `<li>${inlines(item)}</li>`).join('')}</ul>` : ''}</dd></div>`;

/**
 * Renders a document model to HTML. The live-only parts are replaced: `choice` by nothing (a
 * static page cannot know the visitor's choice), `change-settings` by its fallback sentence,
 * `cookie-declaration` by `declaration(level)`.
 */
export function blocksToHtml(blocks: readonly Block[], declaration: (level: HeadingLevel) => string = () => ''): string {
  return blocks.map((block): string => {
    switch (block.type) {
      case 'section': {
        const h = `h${Math.min(block.level, 6)}`;
        return `<section>\n<${h} id="${escapeHtml(block.id)}">${escapeHtml(block.heading)}</${h}>\n${blocksToHtml(block.blocks, declaration)}</section>\n`;
      }
      case 'paragraph':
        return `<p>${inlines(block.content)}</p>\n`;
      case 'list':
        return `<ul>\n${block.items.map((item) => `<li>${inlines(item)}</li>\n`).join('')}</ul>\n`;
      case 'facts':
        return `<dl class="facts">\n${block.items.map(fact).join('\n')}\n</dl>\n`;
      case 'table': {
        const head = block.head.map((h) => `<th role="columnheader" scope="col">${escapeHtml(h)}</th>`).join('');
        const rows = block.rows.map((row) => `<tr role="row">${row.map((cell, i) => block.rowHeaders && i === 0
          ? `<th role="rowheader" scope="row">${inlines(cell)}</th>`
          : `<td role="cell" data-label="${escapeHtml(block.head[i] ?? '')}">${inlines(cell)}</td>`).join('')}</tr>`).join('\n');
        return `<div class="table-box">\n<table role="table">\n<caption>${escapeHtml(block.caption)}</caption>\n<thead role="rowgroup"><tr role="row">${head}</tr></thead>\n<tbody role="rowgroup">\n${rows}\n</tbody>\n</table>\n</div>\n`;
      }
      case 'contents':
        return `<nav class="contents" aria-label="${escapeHtml(block.label)}">\n<p class="contents-label" aria-hidden="true">${escapeHtml(block.label)}</p>\n<ul>\n${block.items.map((item) => `<li><a href="#${escapeHtml(item.id)}">${escapeHtml(item.text)}</a></li>\n`).join('')}</ul>\n</nav>\n`;
      case 'cookie-declaration':
        return declaration(block.level);
      case 'choice':
        return '';
      case 'change-settings':
        return `<p>${escapeHtml(block.fallback)}</p>\n`;
    }
  }).join('');
}

/** The built-in stylesheet of an exported page: readable, light and dark, tables reflow on phones. */
export const PAGE_STYLE = `
:root { color-scheme: light dark; --accent: #1d4e89; --border: #8a8a90; }
@media (prefers-color-scheme: dark) { :root { --accent: #9cc3ff; } }
body { margin: 0; font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; container-type: inline-size; overflow-wrap: break-word; }
a { color: var(--accent); text-underline-offset: 0.15em; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.6em 0 0.5em; }
h1 { margin-top: 0.5em; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.92em; }
th code { white-space: nowrap; }
.contents { border-inline-start: 4px solid var(--accent); padding: 0.2em 0 0.2em 1em; margin: 1.2em 0 1.5em; }
.contents-label { font-weight: 700; margin: 0 0 0.4em; }
.facts { display: grid; gap: 0.6em; }
.facts > div { display: grid; grid-template-columns: minmax(10em, 14em) 1fr; gap: 0 1em; }
dt { font-weight: 700; } dd { margin: 0; } dd ul { margin: 0; }
table { width: 100%; border-collapse: collapse; font-size: 0.95em; }
caption { text-align: start; font-weight: 700; padding-bottom: 0.4em; }
th, td { text-align: start; vertical-align: top; padding: 0.5em 0.6em; border-bottom: 1px solid var(--border); }
.table-box { margin: 0 0 1.2em; }
@container (max-width: 36rem) {
  .facts > div { grid-template-columns: 1fr; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table, caption, tbody, tr, th, td { display: block; }
  tr { border: 1px solid var(--border); border-radius: 10px; padding: 0.3em 0; margin-bottom: 0.75em; }
  th, td { border: 0; padding: 0.3em 0.8em; }
  th code { white-space: normal; overflow-wrap: anywhere; }
  td::before { content: attr(data-label); display: block; font-size: 0.85em; font-weight: 700; }
}
`;

/**
 * Renders the privacy policy (`privacy`) or the cookie declaration (`cookies`) of a config file.
 * Catalogue services are resolved through `load`. Never throws: every problem of the config,
 * its `privacy` section (for the policy) or the language is returned, and `html` is then `null`.
 */
export async function renderDocument(kind: RenderKind, json: unknown, {language, load, fragment = false, stylesheet, source}: RenderOptions = {}): Promise<RenderResult> {
  const resolution = load ? await resolveCatalogue(json, load) : {json, problems: [], catalogue: new Set<string>()};
  const {config, problems} = validateConfig(resolution.json, {referenceTexts: en});
  const wanted = language ?? config?.defaultLanguage ?? 'en';
  if (resolution.problems.length || !config) return {html: null, problems: [...resolution.problems, ...problems], language: wanted};
  if (!config.languages.includes(wanted)) {
    return {html: null, language: wanted, problems: [{path: '--lang', message: `"${wanted}" is not one of languages (${config.languages.join(', ')})`, fix: `use one of ${config.languages.join(', ')}`}]};
  }
  const widget = createTranslator({language: wanted, locales: {en, sv}, overrides: config.texts, defaultLanguage: config.defaultLanguage});
  const t = createPrivacyTranslator(widget, {locales: {en: privacyEn, sv: privacySv}, overrides: config.texts, defaultLanguage: config.defaultLanguage});

  let title = t.t('privacy.declaration.title');
  let body: string;
  if (kind === 'privacy') {
    const {privacy, problems: found} = validatePrivacy(resolution.json, {languages: config.languages, services: config.services, referenceTexts: privacyEn, source});
    if (!privacy) return {html: null, problems: found, language: t.language};
    const declaration = (level: HeadingLevel) => blocksToHtml(buildCookieDeclaration(config, t, {headingLevel: level, standalone: false}));
    body = blocksToHtml(buildPrivacyPolicy(privacy, config, t), declaration);
    title = `${t.t('privacy.policy.title')} – ${privacy.controller.name}`;
  } else {
    body = blocksToHtml(buildCookieDeclaration(config, t));
  }
  const heading = escapeHtml(kind === 'privacy' ? t.t('privacy.policy.title') : title);
  if (fragment) return {html: `<div class="samtycke-document" lang="${escapeHtml(t.language)}">\n${body}</div>\n`, problems: [], language: t.language};
  const style = stylesheet ? `<link rel="stylesheet" href="${escapeHtml(stylesheet)}">` : `<style>${PAGE_STYLE}</style>`;
  const html = `<!doctype html>
<html lang="${escapeHtml(t.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${style}
</head>
<body>
<main>
<h1>${heading}</h1>
${body}</main>
</body>
</html>
`;
  return {html, problems: [], language: t.language};
}

/**
 * The config with every catalogue id written out (`npx samtycke resolve`): the widget then fetches
 * no catalogue entry, which saves a round trip before the banner. Null with the problems when the
 * config (or a catalogue id in it) is wrong.
 */
export async function resolveConfig(json: unknown, load: CatalogueLoader): Promise<{json: unknown; problems: readonly Problem[]}> {
  const resolution = await resolveCatalogue(json, load);
  if (resolution.problems.length) return {json: null, problems: resolution.problems};
  const {problems} = validateConfig(resolution.json, {referenceTexts: en});
  return problems.length ? {json: null, problems} : {json: resolution.json, problems: []};
}
