import {css} from 'lit';

/**
 * Styles of a rendered document (policy or declaration). It is page content, not an overlay:
 * text takes the page's colour and font unless the shop sets `--samtycke-color-text`. Links and
 * marks follow the page's `color-scheme` through `light-dark()`: a shop whose page declares
 * `color-scheme: dark` gets light accents without setting a token; the shop's tokens still win.
 */
export const documentStyles = css`
  :host {
    --_accent: var(--samtycke-color-accent, light-dark(#1d4e89, #9cc3ff));
    --_focus: var(--samtycke-color-focus, light-dark(#1d4e89, #9cc3ff));
    --_on-accent: var(--samtycke-color-on-accent, light-dark(#ffffff, #0b1a2e));
    display: block;
    container-type: inline-size;
    color: var(--samtycke-color-text, inherit);
    overflow-wrap: break-word;
  }
  h2, h3, h4, h5, h6 {
    line-height: 1.25;
    margin: 1.6em 0 0.5em;
    scroll-margin-top: 1rem;
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
  /* A cookie name stays whole where the table has room; cards break it anywhere. */
  th code {
    white-space: nowrap;
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
  .facts {
    display: grid;
    gap: 0.6em;
  }
  .facts > div {
    display: grid;
    grid-template-columns: minmax(10em, 14em) 1fr;
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
  /* Narrow containers (phones, sidebars): definitions stack, and each table row becomes a card
     whose cells are labelled by their column; the explicit roles keep the table semantics. */
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
    th code {
      white-space: normal;
      overflow-wrap: anywhere;
    }
    td::before {
      content: attr(data-label);
      display: block;
      font-size: 0.85em;
      font-weight: 700;
      color: var(--samtycke-color-muted, inherit);
    }
  }
`;
