import {css} from 'lit';

/** The preferences' switches: a native checkbox with role="switch", drawn as a track and knob. */
export const switchStyles = css`
  input[role='switch'] {
    appearance: none;
    flex: none;
    position: relative;
    box-sizing: border-box;
    width: 52px;
    height: 32px;
    margin: 6px 0;
    border-radius: 16px;
    border: 2px solid var(--_border);
    background: var(--_bg);
    cursor: pointer;
  }
  input[role='switch']::before {
    content: '';
    position: absolute;
    top: 4px;
    left: 4px;
    width: 20px;
    height: 20px;
    border-radius: 50%;
    background: var(--_muted);
    transition: transform 0.15s;
  }
  input[role='switch']:checked {
    background: var(--_accent);
    border-color: var(--_accent);
  }
  input[role='switch']:checked::before {
    transform: translateX(20px);
    background: var(--_on-accent);
  }
  /* Necessary: on and fixed, in full colour (not faded), with "Always on" beside it. */
  input[role='switch']:disabled {
    cursor: not-allowed;
    background: var(--_muted);
    border-color: var(--_muted);
  }
  input[role='switch']:disabled::before {
    background: var(--_bg);
  }
  @media (forced-colors: active) {
    input[role='switch'] {
      forced-color-adjust: none;
      border-color: CanvasText;
      background: Canvas;
    }
    input[role='switch']::before {
      background: CanvasText;
    }
    input[role='switch']:checked {
      background: Highlight;
      border-color: Highlight;
    }
    input[role='switch']:checked::before {
      background: HighlightText;
    }
    input[role='switch']:disabled {
      border-color: GrayText;
      background: GrayText;
    }
    input[role='switch']:focus-visible {
      outline: 3px solid Highlight;
    }
  }
`;
