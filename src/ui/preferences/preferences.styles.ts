import {css} from 'lit';

export const preferencesStyles = css`
  dialog {
    box-sizing: border-box;
    width: min(44em, 100% - 1em);
    max-width: none;
    max-height: min(48em, 100dvh - 1em);
    padding: 0;
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    box-shadow: var(--_shadow);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 50%);
  }
  form {
    position: relative;
    container-type: inline-size;
    display: flex;
    flex-direction: column;
    max-height: inherit;
  }
  /* The title and the categories scroll together; the buttons below stay in view. */
  .scroll {
    flex: 1 1 auto;
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  header {
    /* Room for the close button in the corner. */
    padding: var(--_space) calc(var(--_space) + 48px) calc(var(--_space) / 2) var(--_space);
    background: var(--_bg);
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
    font-weight: 700;
  }
  h2:focus {
    outline: none;
  }
  .body {
    padding: 0 var(--_space);
  }
  .intro {
    margin: 0 0 0.5em;
    color: var(--_muted);
  }
  /* Each link a target of at least 24 × 24 px (WCAG 2.5.8), even inside a sentence. */
  a {
    display: inline-block;
    min-height: 24px;
  }
  footer.actions {
    flex: none;
    display: grid;
    grid-template-columns: repeat(3, minmax(0, 1fr));
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-top: 1px solid var(--_border);
  }
  footer .button {
    margin: 0;
  }
  /* Narrow: Reject and Accept side by side at the same width, Save below. */
  @container (max-width: 30em) {
    footer.actions {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
    footer .button {
      padding-inline: 0.5em;
    }
    footer .button:last-child {
      grid-column: 1 / -1;
    }
  }
  .close {
    position: absolute;
    z-index: 2;
    top: calc(var(--_space) / 2);
    right: calc(var(--_space) / 2);
    display: grid;
    place-items: center;
    width: 44px;
    height: 44px;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    cursor: pointer;
  }
  .close svg {
    width: 22px;
    height: 22px;
  }
  .close:hover {
    background: var(--_surface);
  }
  .category {
    border-top: 1px solid var(--_border);
    padding: calc(var(--_space) * 0.6) 0;
  }
  .row {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) / 2) var(--_space);
    flex-wrap: wrap;
  }
  .row label {
    font-weight: 700;
    min-height: 24px;
    padding-block: 0.25em;
  }
  /* "Always on" sits right beside the switch it explains. */
  .control {
    display: inline-flex;
    align-items: center;
    gap: 0.6em;
    margin-inline-start: auto;
  }
  .always {
    color: var(--_fg);
    font-size: 0.9em;
    font-weight: 600;
    white-space: nowrap;
  }
  .description,
  .meta {
    margin: 0.15em 0 0.4em;
    color: var(--_muted);
  }
  details {
    margin-top: 0.2em;
  }
  summary {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 32px;
    padding-inline-end: 0.4em;
    list-style: none;
    color: var(--_accent);
    cursor: pointer;
    border-radius: calc(var(--_radius) / 2);
  }
  summary::-webkit-details-marker {
    display: none;
  }
  summary::before {
    content: '';
    width: 0.45em;
    height: 0.45em;
    margin-inline: 0.2em 0.1em;
    border: solid currentcolor;
    border-width: 0 2px 2px 0;
    transform: rotate(-45deg);
    transition: transform 0.15s;
  }
  details[open] > summary::before {
    transform: rotate(45deg);
  }
  .service {
    margin: 0.4em 0 0.6em;
    padding: 0.5em 0.75em;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
  }
  .service a,
  .service .meta {
    color: var(--_accent);
  }
  .service .row label {
    font-weight: 600;
  }
  .service input[role='switch'] {
    background: var(--_surface);
  }
  .service input[role='switch']:checked {
    background: var(--_accent);
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.15em 0.75em;
    margin: 0.25em 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  .table {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    font-size: 0.9em;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.25em 0.5em 0.25em 0;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    overflow-wrap: anywhere;
  }
  /* On a phone each cookie is a small card: name and purpose, then duration and type labelled,
     so nothing is cut off or scrolls sideways. Roles keep the table semantics. */
  @container (max-width: 30em) {
    table, tbody, tr, td {
      display: block;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    tr {
      padding: 0.4em 0;
      border-bottom: 1px solid var(--_border);
    }
    td {
      border: 0;
      padding: 0.1em 0;
    }
    td[data-label]::before {
      content: attr(data-label) ': ' / '';
      font-weight: 600;
    }
  }
  /* Tall enough: the title stays at the top while the categories scroll under it. */
  @media (min-height: 40em) and (min-width: 40em) {
    header {
      position: sticky;
      top: 0;
      z-index: 1;
    }
  }
  @media (max-width: 30em) {
    dialog {
      width: calc(100% - 0.5em);
      max-height: calc(100dvh - 0.5em);
    }
    header {
      padding-top: calc(var(--_space) * 0.75);
    }
  }
  @media (forced-colors: active) {
    .category {
      border-top-color: CanvasText;
    }
  }
`;
