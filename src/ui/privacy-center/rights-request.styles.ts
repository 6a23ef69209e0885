import {css} from 'lit';
import {sectionStyles} from './privacy-center.styles.js';

export const rightsRequestStyles = [sectionStyles, css`
  :host {
    --_error: var(--samtycke-color-error, #b3261e);
  }
  fieldset {
    margin: 0 0 var(--_space);
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 0.5em;
    font-weight: 600;
    font-size: 1.05em;
  }
  .option {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: 0.6em;
    padding: 0.4em 0;
  }
  .option input {
    width: 1.25em;
    height: 1.25em;
    margin: 0.15em 0 0;
    accent-color: var(--_accent);
  }
  .option label {
    font-weight: 600;
    cursor: pointer;
  }
  .option .hint,
  .option .note {
    grid-column: 2;
  }
  .hint,
  .optional {
    color: var(--_muted);
  }
  .hint {
    margin: 0.1em 0 0.4em;
    font-size: 0.95em;
  }
  .optional {
    font-weight: 400;
  }
  #identity-hint {
    margin-bottom: 0.75em;
  }
  .note {
    margin: 0.4em 0;
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_accent);
    background: color-mix(in srgb, var(--_accent) 8%, var(--_bg));
  }
  .field {
    margin: 0 0 var(--_space);
  }
  .field label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.2em;
  }
  input:not([type='radio']),
  textarea {
    box-sizing: border-box;
    width: 100%;
    max-width: 36rem;
    min-height: 44px;
    padding: 0.5em 0.6em;
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
  }
  textarea {
    resize: vertical;
  }
  [aria-invalid='true']:not(fieldset) {
    border: 2px solid var(--_error);
  }
  .error {
    margin: 0.3em 0 0;
    color: var(--_error);
    font-weight: 600;
  }
  .error::before {
    content: '⚠ ';
  }
  .failure {
    margin-top: var(--_space);
    padding: var(--_space);
    border: 2px solid var(--_error);
    border-radius: var(--_radius);
  }
  .receipt {
    padding: var(--_space);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
  }
  .receipt textarea {
    max-width: none;
    font-family: ui-monospace, monospace;
    font-size: 0.9em;
  }
  .failure h3 {
    color: var(--_error);
  }
  a.button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    box-sizing: border-box;
    text-decoration: none;
    text-align: center;
  }
  .receipt h3:focus,
  h2:focus {
    outline: none;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25em 1em;
    margin: 0 0 var(--_space);
  }
  dl > div {
    display: contents;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  @media (max-width: 30rem) {
    dl {
      grid-template-columns: 1fr;
      gap: 0;
    }
    dd {
      margin-bottom: 0.4em;
    }
  }
`];
