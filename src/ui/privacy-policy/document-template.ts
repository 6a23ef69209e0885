import {html, nothing, type TemplateResult} from 'lit';
import type {Block, Fact, HeadingLevel, Inline} from '../../core/index.js';

type Content = TemplateResult | typeof nothing;

/** The parts of a document that only a live page has: the embedded declaration, choices, the settings button. */
export interface LiveParts {
  declaration(level: HeadingLevel): Content;
  choice(category: string, service?: string): Content;
  changeSettings(label: string, fallback: string): Content;
}

const inline = (part: Inline): Content | string => {
  if (typeof part === 'string') return part;
  if (part.type === 'code') return html`<code>${part.text}</code>`;
  return html`<a href=${part.href} rel=${part.external ? 'noopener' : nothing}>${part.text}</a>`;
};
const inlines = (content: readonly Inline[]) => content.map(inline);

/** Lit needs the tag in the template: one template per heading level. */
function heading(level: HeadingLevel, id: string, text: string): TemplateResult {
  switch (level) {
    case 2: return html`<h2 id=${id} tabindex="-1">${text}</h2>`;
    case 3: return html`<h3 id=${id} tabindex="-1">${text}</h3>`;
    case 4: return html`<h4 id=${id} tabindex="-1">${text}</h4>`;
    case 5: return html`<h5 id=${id} tabindex="-1">${text}</h5>`;
    default: return html`<h6 id=${id} tabindex="-1">${text}</h6>`;
  }
}

const fact = ({term, content, list}: Fact) => html`<div>
  <dt>${term}</dt>
  <dd>${content.length ? inlines(content) : nothing}${list ? html`<ul>${list.map((item) => html`<li>${inlines(item)}</li>`)}</ul>` : nothing}</dd>
</div>`;

/**
 * Fragment links inside a shadow root: the browser looks for the id in the document, not in the
 * shadow tree, so the contents scroll to (and focus) their heading here.
 */
function follow(event: Event): void {
  const link = event.currentTarget as HTMLAnchorElement;
  const target = (link.getRootNode() as ShadowRoot).getElementById(link.hash.slice(1));
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({block: 'start'});
  target.focus({preventScroll: true});
}

/**
 * Renders a document model as Lit templates. Every string is bound as text; tables carry
 * explicit roles so they stay tables for screen readers when narrow containers reflow them.
 */
export function renderBlocks(blocks: readonly Block[], live: LiveParts): Content[] {
  return blocks.map((block): Content => {
    switch (block.type) {
      case 'section':
        return html`<section class="section">${heading(block.level, block.id, block.heading)}${renderBlocks(block.blocks, live)}</section>`;
      case 'paragraph':
        return html`<p>${inlines(block.content)}</p>`;
      case 'list':
        return html`<ul>${block.items.map((item) => html`<li>${inlines(item)}</li>`)}</ul>`;
      case 'facts':
        return html`<dl class="facts">${block.items.map(fact)}</dl>`;
      case 'table':
        return html`<div class="table-box">
          <table role="table">
            <caption>${block.caption}</caption>
            <thead role="rowgroup"><tr role="row">${block.head.map((h) => html`<th role="columnheader" scope="col">${h}</th>`)}</tr></thead>
            <tbody role="rowgroup">${block.rows.map((row) => html`<tr role="row">${row.map((cell, i) => block.rowHeaders && i === 0
              ? html`<th role="rowheader" scope="row" data-label=${block.head[i]}>${inlines(cell)}</th>`
              : html`<td role="cell" data-label=${block.head[i]}>${inlines(cell)}</td>`)}</tr>`)}</tbody>
          </table>
        </div>`;
      case 'contents':
        return html`<nav class="contents" aria-label=${block.label}>
          <p class="contents-label" aria-hidden="true">${block.label}</p>
          <ul>${block.items.map((item) => html`<li><a href=${`#${item.id}`} @click=${follow}>${item.text}</a></li>`)}</ul>
        </nav>`;
      case 'cookie-declaration':
        return live.declaration(block.level);
      case 'choice':
        return live.choice(block.category, block.service);
      case 'change-settings':
        return live.changeSettings(block.label, block.fallback);
    }
  });
}
