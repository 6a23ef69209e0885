import {css} from 'lit';

/** The choice marks: allowed in green with a check, anything else plain, never colour alone. */
export const cookieDeclarationStyles = css`
  .choice[data-allowed='true'] .state {
    color: var(--samtycke-color-allowed, light-dark(#1b6b36, #7ad19a));
  }
  .choice[data-allowed='true'] .state::before {
    content: '✓ ' / '';
  }
  .choice[data-allowed='false'] .state::before {
    content: '✕ ' / '';
  }
`;
