import type {HeadingLevel} from '../../core/index.js';

/** A `heading-level` attribute as a level: 2 under the page's own `<h1>`, clamped to 2–6. */
export const headingLevelOf = (value: number | undefined): HeadingLevel =>
  Math.min(6, Math.max(2, Math.round(Number.isFinite(value) ? value! : 2))) as HeadingLevel;
