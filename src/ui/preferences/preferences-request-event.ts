/**
 * Asks for the preferences dialog to open (from the banner's "Customize" or the floating
 * button). Bubbles out of shadow roots; the script-tag entry opens the dialog in answer.
 */
export class SamtyckePreferencesRequestEvent extends Event {
  static readonly type = 'samtycke-preferences-request';
  /** The control that asked, to return focus to when the dialog closes. */
  constructor(readonly opener: HTMLElement | null) {
    super(SamtyckePreferencesRequestEvent.type, {bubbles: true, composed: true});
  }
}

declare global {
  interface HTMLElementEventMap {
    'samtycke-preferences-request': SamtyckePreferencesRequestEvent;
  }
  interface DocumentEventMap {
    'samtycke-preferences-request': SamtyckePreferencesRequestEvent;
  }
}
