import {css} from 'lit';

export const bannerStyles = css`
  :host {
    position: fixed;
    z-index: var(--samtycke-z-index, 2147483000);
    inset: auto 0 0 0;
    display: block;
    pointer-events: none;
  }
  .banner {
    pointer-events: auto;
    box-sizing: border-box;
    max-width: 60rem;
    max-height: 100vh;
    overflow-y: auto;
    margin: 0 auto;
    padding: var(--_space) calc(var(--_space) * 1.25);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-bottom: 0;
    border-radius: var(--_radius) var(--_radius) 0 0;
    box-shadow: 0 -4px 24px rgb(0 0 0 / 18%);
  }
  h2 {
    margin: 0 0 0.4em;
    font-size: 1.15em;
    line-height: 1.3;
  }
  p,
  ul {
    margin: 0 0 0.6em;
  }
  ul {
    padding-inline-start: 1.2em;
  }
  .actions {
    margin-top: calc(var(--_space) * 0.75);
  }
  @media (max-width: 39.99rem) {
    /* Phones: the same text, a little tighter, so more of the shop stays in view. */
    .banner {
      font-size: 0.9375em;
      padding: calc(var(--_space) * 0.75) var(--_space);
    }
  }
  @media (min-width: 40rem) {
    .banner {
      margin-bottom: var(--_space);
      border-bottom: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
  }
`;
