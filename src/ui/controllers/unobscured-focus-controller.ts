import type {ReactiveController, ReactiveControllerHost} from 'lit';

/** Space kept between the focused element and the box that would hide it. */
const GAP = 8;

const overlaps = (a: DOMRect, b: DOMRect): boolean =>
  a.width > 0 && a.height > 0 && b.width > 0 && b.height > 0 &&
  a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;

/**
 * WCAG 2.2, 2.4.11 Focus Not Obscured: a box of ours that floats over the page (the banner, the
 * floating settings button) must not hide the element that has keyboard focus. When focus lands
 * on a page element under the box, the page is scrolled (by script: no style is written into the
 * shop's page) until the element clears the box, above or below it, whichever is nearer. Where
 * the page cannot scroll that far (the last link of a short page, a fixed bottom bar, an element
 * in a scrolling panel), the host gets the `yield` attribute, which its styles answer by moving
 * the box to the other edge or corner, until focus moves on.
 *
 * The check runs in the frame after the focus: Chromium scrolls a newly focused element into view
 * after the `focusin` event, so the element's place is only known then.
 */
export class UnobscuredFocusController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #cover: () => Element | null;
  #frame = 0;

  /** `cover`: the box that may hide page content, or `null` while none is shown. */
  constructor(host: ReactiveControllerHost & HTMLElement, cover: () => Element | null) {
    this.#host = host;
    this.#cover = cover;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.ownerDocument.addEventListener('focusin', this.#onFocus, true);
  }

  hostDisconnected(): void {
    this.#host.ownerDocument.removeEventListener('focusin', this.#onFocus, true);
    cancelAnimationFrame(this.#frame);
    this.#host.removeAttribute('yield');
  }

  readonly #onFocus = (event: FocusEvent): void => {
    const path = event.composedPath();
    const target = path[0];
    // Our own controls, and what is in the top layer (a modal dialog), are never behind the box.
    if (!(target instanceof Element) || path.includes(this.#host)) return;
    if (path.some((node) => node instanceof Element && node.matches('dialog:modal'))) return;
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.reveal(target));
  };

  /** Makes sure `target` is not behind the box: scrolls the page, else moves the box aside. */
  reveal(target: Element): void {
    const host = this.#host;
    host.removeAttribute('yield');
    if (!target.isConnected || !this.#hides(target)) return;
    this.#scrollClear(target);
    if (this.#hides(target)) host.setAttribute('yield', '');
  }

  #hides(target: Element): boolean {
    const cover = this.#cover();
    return !!cover && overlaps(cover.getBoundingClientRect(), target.getBoundingClientRect());
  }

  #scrollClear(target: Element): void {
    const view = this.#host.ownerDocument.defaultView;
    const cover = this.#cover()?.getBoundingClientRect();
    if (!view || !cover) return;
    const box = target.getBoundingClientRect();
    const candidates: number[] = [];
    // Scrolling down by this puts the element just above the box …
    if (box.height + 2 * GAP <= cover.top) candidates.push(box.bottom - cover.top + GAP);
    // … and scrolling up by this puts it just below.
    if (box.height + 2 * GAP <= view.innerHeight - cover.bottom) candidates.push(box.top - cover.bottom - GAP);
    if (!candidates.length) return;
    const by = candidates.reduce((a, b) => (Math.abs(a) <= Math.abs(b) ? a : b));
    view.scrollBy({top: by, behavior: 'instant'});
  }
}
