import {css} from 'lit';

/**
 * The light palette: the shop's `--samtycke-*` properties, else defaults that keep text at
 * 4.5:1 or better and borders, switches and focus at 3:1 or better on the background and on the
 * surface (measured in test/ui/a11y-widget.test.ts).
 */
const light = css`
  --_bg: var(--samtycke-color-background, #ffffff);
  --_surface: var(--samtycke-color-surface, #f1f3f5);
  --_fg: var(--samtycke-color-text, #1c1c1e);
  --_muted: var(--samtycke-color-muted, #4a4a52);
  --_accent: var(--samtycke-color-accent, #1d4e89);
  --_on-accent: var(--samtycke-color-on-accent, #ffffff);
  --_border: var(--samtycke-color-border, #767680);
  --_focus: var(--samtycke-color-focus, #1a5fb4);
  --_shadow: var(--samtycke-shadow, 0 4px 24px rgb(0 0 0 / 18%));
  color-scheme: light;
`;

/**
 * The dark palette: `--samtycke-dark-*`, else dark defaults. A light colour the shop set is not
 * reused in dark: a brand colour chosen for a white page rarely has contrast on a dark one.
 */
const dark = css`
  --_bg: var(--samtycke-dark-color-background, #1e1f23);
  --_surface: var(--samtycke-dark-color-surface, #2a2c31);
  --_fg: var(--samtycke-dark-color-text, #f2f2f4);
  --_muted: var(--samtycke-dark-color-muted, #c2c3ca);
  --_accent: var(--samtycke-dark-color-accent, #9cc3ff);
  --_on-accent: var(--samtycke-dark-color-on-accent, #0b1a2e);
  --_border: var(--samtycke-dark-color-border, #8e8e96);
  --_focus: var(--samtycke-dark-color-focus, #9cc3ff);
  --_shadow: var(--samtycke-dark-shadow, 0 4px 24px rgb(0 0 0 / 60%));
  color-scheme: dark;
`;

/**
 * Tokens every Samtycke element shares, and the colour scheme. Shops theme through the
 * `--samtycke-*` custom properties (inherited from the page into the shadow roots); the
 * elements read the internal `--_*` tokens. `scheme="light"` or `scheme="dark"` on an element
 * forces a palette; without it the element follows `prefers-color-scheme`. Any element that
 * includes these styles gets the scheme mechanism.
 */
export const themeStyles = css`
  :host {
    ${light}
    --_radius: var(--samtycke-radius, 10px);
    --_space: var(--samtycke-spacing, 1rem);
    --_z: var(--samtycke-z-index, 2147483000);
    font-family: var(--samtycke-font, inherit);
    /* medium, not 1rem: many shops set html { font-size: 62.5% }. */
    font-size: var(--samtycke-font-size, medium);
    line-height: 1.5;
    color: var(--_fg);
  }
  :host([scheme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([scheme='light'])) {
      ${dark}
    }
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
    box-sizing: border-box;
    font: inherit;
    font-weight: 600;
    line-height: 1.25;
    min-height: 44px;
    min-width: 44px;
    padding: 0.55em 1em;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    cursor: pointer;
    flex: 1 1 auto;
    overflow-wrap: anywhere;
  }
  .button:hover {
    filter: brightness(1.15);
  }
  /* Outlined: the same size and border, the accent as text on the background. */
  .button.secondary {
    background: var(--_bg);
    color: var(--_accent);
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
  @media (prefers-reduced-motion: reduce) {
    :host,
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
  /* Windows high contrast: backgrounds and shadows are replaced, so borders and the focus ring
     carry the shapes; they take system colours. */
  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;

/**
 * For the elements that float over the shop (banner, preferences, settings button) and stand in
 * its content (embed placeholder): the shop's CSS reaches the host, through inheritance or a
 * universal selector (`* { line-height: 3 !important }`), and from there every text inside. An
 * `!important` declaration of the shadow root wins over the page's, even its `!important` ones
 * (CSS Cascade 4, "context"), so the typography is declared again here. The shop changes it
 * through the custom properties, not by styling the host.
 */
export const isolationStyles = css`
  :host {
    color: var(--_fg) !important;
    font-family: var(--samtycke-font, inherit) !important;
    font-size: var(--samtycke-font-size, medium) !important;
    font-style: normal !important;
    font-weight: 400 !important;
    font-variant: normal !important;
    font-stretch: normal !important;
    font-feature-settings: normal !important;
    line-height: 1.5 !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-align: start !important;
    text-indent: 0 !important;
    text-transform: none !important;
    text-shadow: none !important;
    white-space: normal !important;
    word-break: normal !important;
    overflow-wrap: break-word !important;
    hyphens: manual !important;
    cursor: auto !important;
  }
`;
