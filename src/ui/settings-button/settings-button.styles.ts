import {css} from 'lit';

export const settingsButtonStyles = css`
  :host {
    position: fixed;
    z-index: var(--samtycke-z-index, 2147483000);
    inset: auto auto var(--samtycke-settings-offset, 1rem) var(--samtycke-settings-offset, 1rem);
  }
  button {
    display: grid;
    place-items: center;
    width: 44px;
    height: 44px;
    padding: 0;
    border: 2px solid var(--_bg);
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_on-accent);
    box-shadow: 0 2px 10px rgb(0 0 0 / 25%);
    cursor: pointer;
  }
  svg {
    width: 24px;
    height: 24px;
  }
`;
