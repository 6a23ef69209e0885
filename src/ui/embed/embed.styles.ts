import {css} from 'lit';

export const embedStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    overflow: auto;
    background: var(--samtycke-embed-background, #eef0f3);
    border: 0 solid var(--_border);
    container-type: inline-size;
  }
  .placeholder {
    box-sizing: border-box;
    min-height: 100%;
    max-width: 40rem;
    margin: 0 auto;
    padding: clamp(0.5rem, 4cqi, 1.5rem);
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
  .secondary {
    background: var(--_bg);
    color: var(--_accent);
  }
  @container (max-width: 26rem) {
    .placeholder {
      font-size: 0.875rem;
      justify-content: flex-start;
    }
    .button {
      flex: 1 1 auto;
      padding-inline: 0.75em;
    }
  }
`;
