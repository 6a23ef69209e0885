import {css} from 'lit';

/**
 * Layout shared by the privacy center and its rights-request form: boxes, rows, buttons, status
 * lines. The boxes paint the theme (surface and text), so their contrast holds on any page; the
 * scheme (themeStyles) follows `scheme`, or the visitor's setting without it.
 */
export const sectionStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    /* Words break only when a line cannot hold them; addresses and ids (below) anywhere. */
    overflow-wrap: break-word;
  }
  /* Long e-mail addresses, receipt ids and URLs wrap instead of widening the page. */
  code,
  a {
    overflow-wrap: anywhere;
  }
  .card {
    box-sizing: border-box;
    margin: 0 0 calc(var(--_space) * 1.5);
    padding: var(--_space) calc(var(--_space) * 1.25);
    background: var(--_surface, var(--_bg));
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  :is(.card, dialog) > :is(h2, h3, h4, h5, h6):first-child {
    margin: 0 0 0.5em;
    font-size: 1.3em;
    line-height: 1.3;
  }
  :is(h2, h3, h4, h5, h6) {
    margin: 0 0 0.5em;
    font-size: 1.1em;
    line-height: 1.3;
  }
  :is(h2, h3, h4, h5, h6):focus:not(:focus-visible) {
    outline: none;
  }
  p {
    margin: 0 0 0.75em;
    max-width: 70ch;
  }
  .button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  /* Stays in the tab order and says why it does nothing (its description); not greyed to illegibility. */
  .button[aria-disabled='true'] {
    background: transparent;
    color: var(--_muted);
    border-color: var(--_border);
    border-style: dashed;
    cursor: not-allowed;
    filter: none;
  }
  .actions .button {
    flex: 0 1 auto;
  }
  .hint {
    color: var(--_muted);
    margin: 0.4em 0 0;
    font-size: 0.95em;
  }
  /* The status region is always there (a live region must exist before its message); empty, it takes no room. */
  .result:empty {
    margin: 0;
    padding: 0;
    border: 0;
  }
  .result {
    margin: 0.75em 0 0;
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_accent);
    font-weight: 600;
  }
  code {
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  dialog {
    box-sizing: border-box;
    width: min(34rem, 100vw - 1rem);
    max-height: calc(100dvh - 1rem);
    overflow-y: auto;
    padding: calc(var(--_space) * 1.25);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 45%);
  }
  @container (max-width: 30rem) {
    .card {
      padding: calc(var(--_space) * 0.75);
    }
    .actions .button {
      flex: 1 1 100%;
    }
  }
  @media print {
    .actions,
    dialog {
      display: none;
    }
  }
`;

export const privacyCenterStyles = [sectionStyles, css`
  ul.choices,
  ul.services {
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
  }
  ul.choices > li {
    padding: 0.5em 0;
    border-bottom: 1px solid var(--_border);
  }
  ul.services {
    margin: 0.25em 0 0 0.75em;
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_border);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.25em var(--_space);
  }
  .name {
    font-weight: 600;
  }
  .state {
    white-space: nowrap;
  }
  .state.on {
    font-weight: 600;
  }
  .state.off {
    color: var(--_muted);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.95em;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.4em 0.75em 0.4em 0;
    border-bottom: 1px solid var(--_border);
  }
  td code {
    display: inline-block;
    max-width: 19ch;
    overflow-wrap: normal;
  }
  /* Narrow (phones, 200 % zoom): each receipt becomes a small card labelled by the columns; the
     roles keep the table for screen readers, which read the real headers, not the labels. */
  @container (max-width: 40rem) {
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    table,
    tbody,
    tr,
    td {
      display: block;
    }
    tr {
      padding: 0.5em 0;
      border-bottom: 1px solid var(--_border);
    }
    td {
      display: grid;
      grid-template-columns: minmax(7em, 35%) 1fr;
      gap: 0.75em;
      padding: 0.15em 0;
      border: 0;
    }
    td::before {
      content: attr(data-label) / '';
      font-weight: 600;
    }
    td code {
      max-width: none;
    }
  }
`];
