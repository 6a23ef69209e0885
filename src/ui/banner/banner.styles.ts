import {css} from 'lit';

/**
 * A narrow box (phones, the corner box) or a short screen (landscape phones, 200 % zoom): the
 * categories named on one line, their descriptions left to the preferences.
 */
const compact = css`
  .content {
    padding-bottom: calc(var(--_space) / 2);
  }
  h2 {
    font-size: 1.05em;
  }
  p,
  .purposes {
    margin-bottom: 0.4em;
  }
  /* The intro runs on into the names of the categories: "… we also use these: Functional,
     Analytics, Marketing". */
  .intro,
  .purposes,
  .purposes li {
    display: inline;
  }
  .purposes {
    padding: 0;
  }
  .purposes::after {
    content: '';
    display: block;
    margin-bottom: 0.4em;
  }
  .purposes li:not(:last-child)::after {
    content: ',' / '';
  }
  .purposes .description {
    display: none;
  }
`;

/** A narrow box: Accept and Reject side by side at the same width, Customize below. */
const twoRows = css`
  .actions {
    grid-template-columns: repeat(2, minmax(0, 1fr));
  }
  .actions .button {
    padding-inline: 0.5em;
  }
  .customize {
    grid-column: 1 / -1;
    min-height: 40px;
  }
`;

export const bannerStyles = css`
  :host {
    position: fixed !important;
    z-index: var(--_z);
    inset: auto 0 0 0;
    box-sizing: border-box;
    display: flex;
    justify-content: center;
    align-items: flex-end;
    pointer-events: none;
  }
  .banner {
    pointer-events: auto;
    box-sizing: border-box;
    container-type: inline-size;
    display: flex;
    flex-direction: column;
    width: 100%;
    max-width: 60em;
    max-height: 100dvh;
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-bottom: 0;
    border-radius: var(--_radius) var(--_radius) 0 0;
    box-shadow: var(--_shadow);
  }
  /* The text scrolls when the screen is too short for it; the buttons never do. */
  .content {
    flex: 0 1 auto;
    min-height: 2.5em;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: var(--_space) var(--_space) calc(var(--_space) * 0.75);
  }
  h2 {
    margin: 0 0 0.3em;
    font-size: 1.15em;
    line-height: 1.3;
    font-weight: 700;
  }
  p,
  ul {
    margin: 0 0 0.6em;
  }
  .content > :last-child {
    margin-bottom: 0;
  }
  ul {
    padding-inline-start: 1.2em;
  }
  strong {
    font-weight: 700;
  }
  /* Each link a target of at least 24 × 24 px (WCAG 2.5.8), even inside a sentence. */
  a {
    display: inline-block;
    min-height: 24px;
    min-width: 24px;
  }
  .actions {
    flex: none;
    display: grid;
    grid-template-columns: repeat(3, minmax(0, 1fr));
    gap: calc(var(--_space) / 2);
    padding: 0 var(--_space) var(--_space);
  }
  .actions .button {
    margin: 0;
  }
  @container (max-width: 36em) {
    ${compact}
  }
  @container (max-width: 30em) {
    ${twoRows}
  }
  @media (max-height: 32em) {
    ${compact}
  }
  @media (max-width: 30em) {
    .banner {
      font-size: 0.9375em;
    }
    .content {
      padding: calc(var(--_space) * 0.75) calc(var(--_space) * 0.75) calc(var(--_space) / 2);
    }
    .actions {
      padding: 0 calc(var(--_space) * 0.75) calc(var(--_space) * 0.75);
    }
  }
  /* Wide screens: the bar floats a little above the bottom edge, with rounded corners. */
  @media (min-width: 40em) {
    :host {
      padding: var(--_space);
    }
    .banner {
      border-bottom: 1px solid var(--_border);
      border-radius: var(--_radius);
      max-height: calc(100dvh - 2 * var(--_space));
    }
  }
  /* Focus is on a page element the banner would hide and the page cannot scroll: the banner
     moves to the top edge until focus moves on. */
  :host([yield]) {
    inset: 0 0 auto 0;
    align-items: flex-start;
  }
  :host([layout='box']),
  :host([layout='center']) {
    padding: calc(var(--_space) / 2);
  }
  :host([layout='box']) .banner,
  :host([layout='center']) .banner,
  :host([yield]) .banner {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  :host([layout='box']) {
    justify-content: flex-end;
  }
  :host([layout='box'][corner='left']) {
    justify-content: flex-start;
  }
  :host([layout='box']) .banner {
    max-width: 26em;
    max-height: calc(100dvh - var(--_space));
  }
  :host([layout='center']) {
    inset: 0;
    align-items: center;
  }
  :host([layout='center']) .banner {
    max-width: 36em;
    max-height: 100%;
  }
  :host([layout='center'][yield]) {
    align-items: flex-start;
  }
  @media (min-width: 40em) {
    :host([layout='box']),
    :host([layout='center']) {
      padding: var(--_space);
    }
    :host([layout='box']) .banner {
      max-height: calc(100dvh - 2 * var(--_space));
    }
  }
  /* A short screen keeps as much of the page as it can. */
  @media (max-height: 32em) {
    :host,
    :host([layout]) {
      padding: calc(var(--_space) / 2);
    }
  }
  @media (forced-colors: active) {
    .banner {
      border: 2px solid CanvasText;
    }
  }
`;
