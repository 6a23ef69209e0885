import {css} from 'lit';

/**
 * Tokens every Samtycke element shares. Shops theme through these custom properties; the
 * defaults keep text at 4.5:1 or better and use the shop's own font.
 */
export const themeStyles = css`
  :host {
    --_bg: var(--samtycke-color-background, #ffffff);
    --_fg: var(--samtycke-color-text, #1c1c1e);
    --_muted: var(--samtycke-color-muted, #4a4a50);
    --_accent: var(--samtycke-color-accent, #1d4e89);
    --_on-accent: var(--samtycke-color-on-accent, #ffffff);
    --_border: var(--samtycke-color-border, #8a8a90);
    --_radius: var(--samtycke-radius, 10px);
    --_space: var(--samtycke-spacing, 1rem);
    --_focus: var(--samtycke-color-focus, #1d4e89);
    font-family: var(--samtycke-font, inherit);
    font-size: var(--samtycke-font-size, 1rem);
    line-height: 1.5;
    color: var(--_fg);
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  a {
    color: var(--_accent);
    text-underline-offset: 0.15em;
  }
  .button {
    font: inherit;
    font-weight: 600;
    min-height: 44px;
    padding: 0.6em 1.2em;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    cursor: pointer;
    flex: 1 1 auto;
  }
  .button:hover {
    filter: brightness(1.15);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
