import {css} from 'lit';

/**
 * The choice marks: allowed in green with a check, anything else plain, never colour alone. The
 * green follows the scheme in force (`color-scheme`, set from `scheme` or inherited from the page).
 */
export const cookieDeclarationStyles = css`
  :host {
    --_allowed: light-dark(var(--samtycke-color-allowed, #1b6b36), var(--samtycke-dark-color-allowed, #7ad19a));
  }
  .choice[data-allowed='true'] .state {
    color: var(--_allowed);
  }
  .choice[data-allowed='true'] .state::before {
    content: '✓ ' / '';
  }
  .choice[data-allowed='false'] .state::before {
    content: '✕ ' / '';
  }
  @media (forced-colors: active) {
    .choice[data-allowed='true'] .state {
      color: CanvasText;
    }
  }
`;
