import {css} from 'lit';

/** Layout shared by the privacy center and its rights-request form: boxes, rows, buttons, status lines. */
export const sectionStyles = css`
  :host {
    display: block;
  }
  .card {
    box-sizing: border-box;
    margin: 0 0 calc(var(--_space) * 1.5);
    padding: var(--_space) calc(var(--_space) * 1.25);
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  h2 {
    margin: 0 0 0.5em;
    font-size: 1.3em;
    line-height: 1.3;
  }
  h3 {
    margin: 0 0 0.5em;
    font-size: 1.1em;
  }
  p {
    margin: 0 0 0.75em;
    max-width: 70ch;
  }
  .button.secondary {
    background: var(--_bg);
    color: var(--_accent);
  }
  .actions .button {
    flex: 0 1 auto;
  }
  .result:empty {
    display: none;
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
    padding: calc(var(--_space) * 1.25);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 45%);
  }
  @media (max-width: 30rem) {
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
  .table {
    overflow-x: auto;
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
  /* Phones: each receipt becomes a small card with its own labels. */
  @media (max-width: 40rem) {
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
      content: attr(data-label);
      font-weight: 600;
    }
    td code {
      max-width: none;
    }
  }
`];
