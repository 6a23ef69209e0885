import type {ConsentManager, ServiceConfig, Translator} from '../../core/index.js';
import type {SamtyckeEmbedLoadEvent} from './embed-load-event.js';
import './samtycke-embed-placeholder.js';
import type {SamtyckeEmbedPlaceholder} from './samtycke-embed-placeholder.js';

export interface WatchEmbedsOptions {
  readonly document: Document;
  readonly manager: ConsentManager;
  readonly translator: Translator;
}

/** Blocked iframes that may get a placeholder: tagged (by the shop or by automatic blocking) with their service. */
const BLOCKED_FRAME = 'iframe[data-src][data-service]';

/**
 * What decides the size and place of the iframe's box. Read while the iframe is hidden, when
 * the browser gives the values as written (`100%`, `auto`), so the placeholder follows the same
 * rules as the page resizes.
 */
const BOX = [
  'width', 'height', 'min-width', 'max-width', 'min-height', 'max-height', 'aspect-ratio', 'box-sizing',
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-left-radius', 'border-top-right-radius', 'border-bottom-right-radius', 'border-bottom-left-radius',
  'position', 'top', 'right', 'bottom', 'left', 'z-index', 'float', 'clear', 'vertical-align',
  'flex-grow', 'flex-shrink', 'flex-basis', 'order', 'align-self', 'justify-self',
  'grid-row-start', 'grid-row-end', 'grid-column-start', 'grid-column-end',
] as const;

interface Placed {
  readonly placeholder: SamtyckeEmbedPlaceholder;
  /** The iframe's own display as computed before it was hidden. */
  readonly display: string;
  /** Its inline `display` before we hid it, to give back. */
  readonly inline: readonly [string, string];
}

/** Copies the iframe's box onto the placeholder; an `auto` size is the iframe's default 300×150. */
function fitBox(frame: HTMLIFrameElement, {placeholder, display}: Placed): void {
  const style = frame.ownerDocument.defaultView!.getComputedStyle(frame);
  const value = (name: string) => style.getPropertyValue(name);
  for (const name of BOX) placeholder.style.setProperty(name, value(name));
  const stretched = (a: string, b: string) => /absolute|fixed/.test(value('position')) && value(a) !== 'auto' && value(b) !== 'auto';
  if (value('width') === 'auto' && !stretched('left', 'right')) placeholder.style.setProperty('width', '300px');
  if (value('height') === 'auto' && value('aspect-ratio') === 'auto' && !stretched('top', 'bottom')) placeholder.style.setProperty('height', '150px');
  // An inline iframe is a replaced box: the same as an inline-block, which a plain element needs to take a size.
  placeholder.style.setProperty('display', display === 'inline' ? 'inline-block' : display);
  placeholder.style.setProperty('border-style', 'solid');
}

/**
 * Puts a `<samtycke-embed-placeholder>` in the box of each blocked iframe whose service has
 * `embed` info (YouTube, Vimeo, Google Maps): the iframe is hidden and the placeholder takes its
 * size and place, so nothing moves when the embed loads. Placeholders go when the service is
 * allowed (by "Always allow", the banner or the preferences) or the embed is loaded once, and
 * come back after a withdrawal. Iframes added later (page builders, single-page apps) are found
 * by a MutationObserver. Returns a function that removes every placeholder and stops watching.
 */
export function watchEmbeds({document, manager, translator}: WatchEmbedsOptions): () => void {
  const view = document.defaultView!;
  const services = new Map<string, ServiceConfig>(manager.config.services.filter((s) => s.embed).map((s) => [s.id, s]));
  if (!services.size) return () => undefined;
  const placed = new Map<HTMLIFrameElement, Placed>();
  /** Loaded once on this page view: they stay, whatever the consent. */
  const loaded = new WeakSet<HTMLIFrameElement>();

  const blocked = (frame: HTMLIFrameElement): boolean => {
    const id = frame.getAttribute('data-service') ?? '';
    return frame.isConnected && frame.hasAttribute('data-src') && services.has(id) && manager.state.services[id] !== true && !loaded.has(frame);
  };

  const place = (frame: HTMLIFrameElement) => {
    const display = view.getComputedStyle(frame).display;
    // A hidden frame (a tracking frame, a tab not shown) needs no placeholder.
    if (display === 'none') return;
    const placeholder = document.createElement('samtycke-embed-placeholder');
    placeholder.service = services.get(frame.getAttribute('data-service')!);
    placeholder.frame = frame;
    placeholder.manager = manager;
    placeholder.translator = translator;
    const entry: Placed = {placeholder, display, inline: [frame.style.getPropertyValue('display'), frame.style.getPropertyPriority('display')]};
    frame.style.setProperty('display', 'none', 'important');
    fitBox(frame, entry);
    frame.before(placeholder);
    placed.set(frame, entry);
  };

  const unplace = (frame: HTMLIFrameElement, {placeholder, inline}: Placed) => {
    const hadFocus = placeholder.matches(':focus-within');
    placed.delete(frame);
    placeholder.remove();
    if (inline[0]) frame.style.setProperty('display', ...inline);
    else frame.style.removeProperty('display');
    if (!frame.title && placeholder.service?.embed) frame.title = translator.t(`embed.title.${placeholder.service.embed.kind}`, {service: placeholder.service.name});
    // The visitor's focus was on the placeholder's button: it moves on to what it loaded.
    if (hadFocus && frame.isConnected) frame.focus();
  };

  const update = () => {
    for (const [frame, entry] of placed) if (!blocked(frame)) unplace(frame, entry);
    for (const frame of Array.from(document.querySelectorAll<HTMLIFrameElement>(BLOCKED_FRAME))) {
      if (!placed.has(frame) && blocked(frame)) place(frame);
    }
  };

  let pending = false;
  const soon = () => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      update();
    });
  };
  const observer = new view.MutationObserver((records) => {
    const relevant = (node: Node) => node instanceof view.HTMLIFrameElement || (node instanceof view.Element && node.querySelector('iframe') !== null);
    if (records.some((r) => Array.from(r.addedNodes).some(relevant) || (placed.size > 0 && r.removedNodes.length > 0))) soon();
  });
  observer.observe(document, {childList: true, subtree: true});

  const onLoad = (event: SamtyckeEmbedLoadEvent) => {
    loaded.add(event.frame);
    soon();
  };
  let frameRequest = 0;
  const onResize = () => {
    cancelAnimationFrame(frameRequest);
    frameRequest = requestAnimationFrame(() => placed.forEach((entry, frame) => fitBox(frame, entry)));
  };
  document.addEventListener('samtycke-embed-load', onLoad);
  // The iframe's box changes with the viewport (media queries, `vw`) and with style sheets that
  // arrive after the placeholder (the config may load before the theme's CSS).
  view.addEventListener('resize', onResize);
  if (document.readyState !== 'complete') view.addEventListener('load', onResize, {once: true});
  const offs = [manager.on('samtycke-change', update), manager.on('samtycke-ready', update)];
  update();

  return () => {
    observer.disconnect();
    document.removeEventListener('samtycke-embed-load', onLoad);
    view.removeEventListener('resize', onResize);
    view.removeEventListener('load', onResize);
    offs.forEach((off) => off());
    for (const [frame, entry] of placed) unplace(frame, entry);
  };
}
