import {css} from 'lit';

export const embedStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    overflow: auto;
    background: var(--samtycke-embed-background, var(--_surface));
    color: var(--_fg);
    border: 0 solid var(--_border);
    container-type: inline-size;
  }
  .placeholder {
    box-sizing: border-box;
    min-height: 100%;
    max-width: 40em;
    margin: 0 auto;
    padding: clamp(0.5em, 4cqi, 1.5em);
    display: flex;
    flex-direction: column;
    justify-content: center;
    gap: 0.5em;
  }
  p {
    margin: 0;
  }
  .title {
    font-weight: 700;
    font-size: 1.1em;
    line-height: 1.3;
  }
  .note {
    font-size: 0.875em;
    color: var(--_muted);
  }
  /* Each link a target of at least 24 × 24 px (WCAG 2.5.8). */
  a {
    display: inline-block;
    min-height: 24px;
  }
  @container (max-width: 26em) {
    .placeholder {
      font-size: 0.875em;
      justify-content: flex-start;
    }
    .button {
      flex: 1 1 auto;
      padding-inline: 0.75em;
    }
  }
`;
