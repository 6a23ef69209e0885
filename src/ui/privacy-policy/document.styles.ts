import {css} from 'lit';

/**
 * What the privacy elements add to themeStyles' motion and forced-colours rules: the modal
 * backdrop does not fade either, and a button that does nothing (`aria-disabled`) looks inactive
 * in Windows high contrast too, where its dashed border and muted text would be replaced.
 */
export const accessibilityStyles = css`
  @media (prefers-reduced-motion: reduce) {
    ::backdrop {
      animation: none !important;
      transition: none !important;
    }
  }
  @media (forced-colors: active) {
    .button[aria-disabled='true'] {
      border-color: GrayText;
      color: GrayText;
    }
  }
`;

/**
 * Styles of a rendered document (policy or declaration). It is page content, not an overlay.
 *
 * Without `scheme` (config "auto") it belongs to the page: transparent, the page's text colour
 * and font, and links and marks follow the page's own `color-scheme` through `light-dark()`, so a
 * page that declares `color-scheme: dark` (or `light dark`, which then follows the visitor) gets
 * the dark accents, and a light page keeps the light ones even when the visitor's system is dark.
 * With `scheme="light"` or `"dark"` it paints the theme's background and text itself, so its
 * contrast holds on any page.
 */
export const documentStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    /* Page content reads at the page's size. */
    font-size: var(--samtycke-font-size, inherit);
    /* Words break only when a line cannot hold them; addresses and cookie names (below) anywhere. */
    overflow-wrap: break-word;
  }
  /* Long URLs, e-mail addresses and cookie names (_hjSessionUser_*) wrap instead of widening the
     page; "anywhere" also lets tables and grids shrink their columns around them. */
  code,
  a.address {
    overflow-wrap: anywhere;
  }
  :host(:not([scheme])) {
    color-scheme: inherit;
    /* themeStyles' defaults, chosen by the page's scheme instead of the visitor's. */
    --_accent: light-dark(var(--samtycke-color-accent, #1d4e89), var(--samtycke-dark-color-accent, #9cc3ff));
    --_focus: light-dark(var(--samtycke-color-focus, #1a5fb4), var(--samtycke-dark-color-focus, #9cc3ff));
    --_on-accent: light-dark(var(--samtycke-color-on-accent, #ffffff), var(--samtycke-dark-color-on-accent, #0b1a2e));
    --_border: light-dark(var(--samtycke-color-border, #767680), var(--samtycke-dark-color-border, #8e8e96));
    color: var(--samtycke-color-text, inherit);
  }
  :host([scheme]:not([embedded])) {
    background: var(--_bg);
    color: var(--_fg);
    padding: var(--_space);
    border-radius: var(--_radius);
  }
  h2, h3, h4, h5, h6 {
    line-height: 1.25;
    margin: 1.6em 0 0.5em;
    scroll-margin-top: 1rem;
  }
  .document > :first-child > :is(h2, h3, h4, h5, h6):first-child {
    margin-top: 0;
  }
  h2 { font-size: 1.45em; }
  h3 { font-size: 1.2em; }
  h4, h5, h6 { font-size: 1.05em; }
  h2:focus-visible, h3:focus-visible, h4:focus-visible, h5:focus-visible, h6:focus-visible {
    outline-offset: 4px;
  }
  [tabindex='-1']:focus:not(:focus-visible) {
    outline: none;
  }
  p, ul, dl {
    margin: 0 0 0.9em;
  }
  ul {
    padding-inline-start: 1.3em;
  }
  li + li {
    margin-top: 0.3em;
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.92em;
  }
  .contents {
    border-inline-start: 4px solid var(--_accent);
    padding: 0.2em 0 0.2em 1em;
    margin: 1.2em 0 1.5em;
  }
  .contents-label {
    font-weight: 700;
    margin: 0 0 0.4em;
  }
  .contents ul {
    margin: 0;
  }
  .contents li + li {
    margin-top: 0;
  }
  /* A list of links, not links in a sentence: each is a target of at least 24 px (WCAG 2.5.8). */
  .contents a {
    display: inline-block;
    padding: 0.3em 0;
  }
  a.alone {
    display: inline-block;
    box-sizing: border-box;
    min-height: 24px;
    padding-block: 0.1em;
  }
  .facts {
    display: grid;
    gap: 0.6em;
  }
  .facts > div {
    display: grid;
    grid-template-columns: minmax(10em, 14em) minmax(0, 1fr);
    gap: 0 1em;
  }
  dt {
    font-weight: 700;
  }
  dd {
    margin: 0;
  }
  dd ul {
    margin: 0;
  }
  .table-box {
    margin: 0 0 1.2em;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.95em;
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding-bottom: 0.4em;
  }
  th, td {
    text-align: start;
    vertical-align: top;
    padding: 0.5em 0.6em;
    border-bottom: 1px solid var(--_border);
  }
  thead th {
    border-bottom-width: 2px;
  }
  .choice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em;
    margin: 0 0 0.9em;
  }
  .state {
    display: inline-block;
    font-weight: 700;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    border: 1px solid currentColor;
  }
  .notice {
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .notice p:last-child {
    margin: 0;
  }
  .change {
    margin: 0 0 1.2em;
  }
  .change .button {
    flex: 0 1 auto;
  }
  /* Narrow containers (phones, sidebars, 200 % zoom): definitions stack, and each table row
     becomes a card whose cells are labelled by their column. The explicit roles keep the table
     for screen readers, which read the real column headers; the visible labels are hidden from
     them (the "/ ''" alternative text) so nothing is read twice. */
  @container (max-width: 36rem) {
    .facts > div {
      grid-template-columns: 1fr;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    table, caption, tbody, tr, th, td {
      display: block;
    }
    tr {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.3em 0;
      margin-bottom: 0.75em;
    }
    th, td {
      border: 0;
      padding: 0.3em 0.8em;
    }
    td::before {
      content: attr(data-label) / '';
      display: block;
      font-size: 0.85em;
      font-weight: 700;
    }
  }
  @media print {
    :host([scheme]:not([embedded])) {
      background: none;
      color: inherit;
      padding: 0;
    }
  }
`;
