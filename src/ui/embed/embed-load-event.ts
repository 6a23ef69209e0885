/**
 * "Load video" released a blocked embed for this page view. `watchEmbeds` answers by taking the
 * placeholder away and moving focus to the embed.
 */
export class SamtyckeEmbedLoadEvent extends Event {
  static readonly type = 'samtycke-embed-load';
  constructor(readonly frame: HTMLIFrameElement) {
    super(SamtyckeEmbedLoadEvent.type, {bubbles: true, composed: true});
  }
}

declare global {
  interface HTMLElementEventMap {
    'samtycke-embed-load': SamtyckeEmbedLoadEvent;
  }
  interface DocumentEventMap {
    'samtycke-embed-load': SamtyckeEmbedLoadEvent;
  }
}
