import {html, type TemplateResult} from 'lit';
import type {HeadingLevel} from '../../core/index.js';

/** A `heading-level` attribute as a level: 2 under the page's own `<h1>`, clamped to 2–6. */
export const headingLevelOf = (value: number | undefined): HeadingLevel =>
  Math.min(6, Math.max(2, Math.round(Number.isFinite(value) ? value! : 2))) as HeadingLevel;

/** One level deeper, clamped to 6. */
export const below = (level: HeadingLevel): HeadingLevel => Math.min(6, level + 1) as HeadingLevel;

/**
 * A real `<h2>`–`<h6>` (Lit needs the tag in the template: one template per level). It can take
 * focus from script (`tabindex="-1"`), so a link or a finished step can move reading there.
 */
export function heading(level: HeadingLevel, id: string, content: unknown): TemplateResult {
  switch (level) {
    case 2: return html`<h2 id=${id} tabindex="-1" part="heading">${content}</h2>`;
    case 3: return html`<h3 id=${id} tabindex="-1" part="heading">${content}</h3>`;
    case 4: return html`<h4 id=${id} tabindex="-1" part="heading">${content}</h4>`;
    case 5: return html`<h5 id=${id} tabindex="-1" part="heading">${content}</h5>`;
    default: return html`<h6 id=${id} tabindex="-1" part="heading">${content}</h6>`;
  }
}
