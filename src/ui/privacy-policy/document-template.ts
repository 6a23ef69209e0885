import {html, nothing, type TemplateResult} from 'lit';
import type {Block, Fact, HeadingLevel, Inline} from '../../core/index.js';
import {heading} from './heading-level.js';

type Content = TemplateResult | typeof nothing;

/** The parts of a document that only a live page has: the embedded declaration, choices, the settings button. */
export interface LiveParts {
  declaration(level: HeadingLevel): Content;
  choice(category: string, service?: string): Content;
  changeSettings(label: string, fallback: string): Content;
}

const inline = (part: Inline, alone = false): Content | string => {
  if (typeof part === 'string') return part;
  if (part.type === 'code') return html`<code>${part.text}</code>`;
  // A link that reads as an address (URL, e-mail, phone: no spaces) may break anywhere; a name breaks between words.
  const classes = [alone && 'alone', !/\s/.test(part.text) && 'address'].filter(Boolean).join(' ');
  return html`<a href=${part.href} class=${classes || nothing} rel=${part.external ? 'noopener' : nothing}>${part.text}</a>`;
};
/** A link that is all of its cell or description is not "in a sentence": it gets a 24 px target (WCAG 2.5.8). */
const inlines = (content: readonly Inline[]) => content.map((part) => inline(part, content.length === 1));

const fact = ({term, content, list}: Fact) => html`<div>
  <dt>${term}</dt>
  <dd>${content.length ? inlines(content) : nothing}${list ? html`<ul>${list.map((item) => html`<li>${inlines(item)}</li>`)}</ul>` : nothing}</dd>
</div>`;

/** A jump, not a glide, for visitors who asked for less motion (the page may set smooth scrolling). */
export const scrollBehavior = (): ScrollBehavior =>
  (matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'auto');

/**
 * Fragment links inside a shadow root: the browser looks for the id in the document, not in the
 * shadow tree, so the contents scroll to (and focus) their heading here.
 */
function follow(event: Event): void {
  const link = event.currentTarget as HTMLAnchorElement;
  const target = (link.getRootNode() as ShadowRoot).getElementById(link.hash.slice(1));
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({block: 'start', behavior: scrollBehavior()});
  target.focus({preventScroll: true});
}

/**
 * Renders a document model as Lit templates. Every string is bound as text; tables carry
 * explicit roles so they stay tables for screen readers when narrow containers reflow them into
 * cards (Chromium drops the table semantics of a `display: block` table).
 */
export function renderBlocks(blocks: readonly Block[], live: LiveParts): Content[] {
  return blocks.map((block): Content => {
    switch (block.type) {
      case 'section':
        return html`<section class="section" part="section">${heading(block.level, block.id, block.heading)}${renderBlocks(block.blocks, live)}</section>`;
      case 'paragraph':
        return html`<p>${inlines(block.content)}</p>`;
      case 'list':
        return html`<ul>${block.items.map((item) => html`<li>${inlines(item)}</li>`)}</ul>`;
      case 'facts':
        return html`<dl class="facts">${block.items.map(fact)}</dl>`;
      case 'table':
        return html`<div class="table-box">
          <table role="table" part="table">
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
