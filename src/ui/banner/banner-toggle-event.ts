/**
 * The banner came on screen or went away. The floating settings button gives way to the banner
 * while it is up, so the two never overlap.
 */
export class SamtyckeBannerToggleEvent extends Event {
  static readonly type = 'samtycke-banner-toggle';
  constructor(readonly open: boolean) {
    super(SamtyckeBannerToggleEvent.type, {bubbles: true, composed: true});
  }
}

declare global {
  interface DocumentEventMap {
    'samtycke-banner-toggle': SamtyckeBannerToggleEvent;
  }
}
