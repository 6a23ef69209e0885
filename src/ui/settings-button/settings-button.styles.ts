import {css} from 'lit';

export const settingsButtonStyles = css`
  :host {
    --_offset: var(--samtycke-settings-offset, 12px);
    position: fixed !important;
    z-index: var(--_z);
    inset: auto var(--_offset) var(--_offset) auto;
    display: block;
  }
  :host([corner='left']),
  :host([yield]:not([corner='left'])) {
    inset: auto auto var(--_offset) var(--_offset);
  }
  :host([corner='left'][yield]) {
    inset: auto var(--_offset) var(--_offset) auto;
  }
  button {
    display: grid;
    place-items: center;
    box-sizing: border-box;
    width: 40px;
    height: 40px;
    padding: 0;
    border: 2px solid var(--_bg);
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_on-accent);
    box-shadow: 0 2px 8px rgb(0 0 0 / 28%);
    cursor: pointer;
  }
  button:hover {
    filter: brightness(1.15);
  }
  /* The button floats over any page colour: the ring sits between two bands of the theme's
     background, so its contrast does not depend on the page. */
  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 7px var(--_bg);
  }
  svg {
    width: 22px;
    height: 22px;
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
  }
`;
