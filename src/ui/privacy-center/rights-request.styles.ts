import {css} from 'lit';
import {sectionStyles} from './privacy-center.styles.js';

export const rightsRequestStyles = [sectionStyles, css`
  :host {
    --_error: light-dark(var(--samtycke-color-error, #b3261e), var(--samtycke-dark-color-error, #ffb4ab));
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
    align-items: start;
    column-gap: 0.6em;
    padding: 0.2em 0;
  }
  /* The radio itself is at least 24 px (WCAG 2.5.8); its label makes the row a 44 px target. */
  .option input {
    width: max(24px, 1.25em);
    height: max(24px, 1.25em);
    margin: 8px 0 0;
    accent-color: var(--_accent);
  }
  .option label {
    font-weight: 600;
    cursor: pointer;
    min-height: 44px;
    box-sizing: border-box;
    padding: 0.5em 0;
  }
  .option .hint,
  .option .note {
    grid-column: 2;
  }
  .optional {
    color: var(--_muted);
  }
  .hint {
    margin: 0.1em 0 0.4em;
  }
  .option .hint {
    margin-top: -0.3em;
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
  .failure > :first-child {
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
  dl {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
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
  @media (forced-colors: active) {
    [aria-invalid='true']:not(fieldset),
    .failure {
      border-color: CanvasText;
    }
  }
  @container (max-width: 30rem) {
    dl {
      grid-template-columns: 1fr;
      gap: 0;
    }
    dd {
      margin-bottom: 0.4em;
    }
  }
`];
