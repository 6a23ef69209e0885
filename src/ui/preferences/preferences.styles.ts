import {css} from 'lit';

export const preferencesStyles = css`
  dialog {
    box-sizing: border-box;
    width: min(44rem, 100vw - 1rem);
    max-height: min(48rem, 100dvh - 1rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    box-shadow: 0 8px 40px rgb(0 0 0 / 30%);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 45%);
  }
  form {
    display: flex;
    flex-direction: column;
    max-height: inherit;
  }
  header,
  footer {
    padding: var(--_space);
  }
  header {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
  }
  h2:focus {
    outline: none;
  }
  .body {
    overflow-y: auto;
    padding: 0 var(--_space);
  }
  footer {
    border-top: 1px solid var(--_border);
  }
  .close {
    font: inherit;
    min-width: 44px;
    min-height: 44px;
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_fg);
    font-size: 1.5em;
    line-height: 1;
    cursor: pointer;
  }
  .category {
    border-bottom: 1px solid var(--_border);
    padding: calc(var(--_space) * 0.75) 0;
  }
  .category:last-child {
    border-bottom: 0;
  }
  .row {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }
  .row label {
    font-weight: 600;
  }
  .description,
  .meta {
    margin: 0.25em 0 0.5em;
    color: var(--_muted);
  }
  .always {
    color: var(--_muted);
    font-size: 0.9em;
    white-space: nowrap;
  }
  input[role='switch'] {
    appearance: none;
    flex: none;
    position: relative;
    width: 48px;
    height: 28px;
    margin: 8px 0;
    border-radius: 14px;
    border: 2px solid var(--_border);
    background: var(--_bg);
    cursor: pointer;
  }
  input[role='switch']::before {
    content: '';
    position: absolute;
    top: 2px;
    left: 2px;
    width: 20px;
    height: 20px;
    border-radius: 50%;
    background: var(--_muted);
    transition: transform 0.15s;
  }
  input[role='switch']:checked {
    background: var(--_accent);
    border-color: var(--_accent);
  }
  input[role='switch']:checked::before {
    transform: translateX(20px);
    background: var(--_on-accent);
  }
  input[role='switch']:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  summary {
    cursor: pointer;
    min-height: 24px;
    color: var(--_accent);
  }
  .service {
    margin: 0.5em 0 0.5em 0.75em;
    padding-left: 0.75em;
    border-left: 3px solid var(--_border);
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
    overflow-wrap: anywhere;
  }
  /* On a phone each cookie is a small card: name and purpose, then duration and type labelled,
     so nothing is cut off or scrolls sideways. Roles keep the table semantics. */
  @media (max-width: 30rem) {
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
      content: attr(data-label) ': ';
      font-weight: 600;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    input[role='switch']::before {
      transition: none;
    }
  }
`;
