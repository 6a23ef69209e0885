/**
 * Measuring what WCAG 2.2 AA asks of the widget, in the real browser: axe-core over the
 * elements' open shadow roots, contrast from computed colours, target sizes from layout boxes,
 * and whether a box hides another.
 */

/** The axe-core rule sets of WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

interface AxeResult {
  readonly violations: readonly {id: string; help: string; nodes: readonly {target: unknown[]; failureSummary?: string}[]}[];
}
declare global {
  interface Window {
    axe?: {run(context: Element, options: object): Promise<AxeResult>};
  }
}

let loading: Promise<void> | undefined;

/** Loads axe-core once, as a classic script from node_modules (the test server serves it). */
export function loadAxe(): Promise<void> {
  return (loading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('axe-core could not be loaded from /node_modules/axe-core/axe.min.js'));
    document.head.append(script);
  }));
}

/**
 * Runs axe-core on `context` (a host element: axe walks its open shadow root) with the WCAG A
 * and AA rules, and returns one line per failing node: rule, help text, target and summary.
 */
export async function axeViolations(context: Element): Promise<string[]> {
  await loadAxe();
  const result = await window.axe!.run(context, {runOnly: {type: 'tag', values: [...WCAG_TAGS]}, resultTypes: ['violations']});
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.help}) at ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`));
}

let canvas: CanvasRenderingContext2D | undefined;

/** A CSS colour as RGBA (0–255, alpha 0–1), as the browser resolves it. */
export function rgba(color: string): [number, number, number, number] {
  canvas ??= document.createElement('canvas').getContext('2d', {willReadFrequently: true})!;
  canvas.clearRect(0, 0, 1, 1);
  canvas.fillStyle = '#000';
  canvas.fillStyle = color;
  canvas.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

const luminance = ([r, g, b]: readonly number[]): number => {
  const [R, G, B] = [r, g, b].map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * R + 0.7152 * G + 0.0722 * B;
};

/** The WCAG contrast ratio of two opaque CSS colours. */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(rgba(a)), luminance(rgba(b))].sort((p, q) => q - p);
  return Math.round(((x + 0.05) / (y + 0.05)) * 100) / 100;
}

/** The parent in the flat tree as far as backgrounds go: across shadow roots to their host. */
const parentOf = (element: Element): Element | null =>
  element.parentElement ?? ((element.parentNode as ShadowRoot | null)?.host ?? null);

/** The colour painted behind `element`: the nearest opaque background of it or an ancestor, across shadow roots. */
export function backgroundOf(element: Element): string {
  for (let e: Element | null = element; e; e = parentOf(e)) {
    const background = getComputedStyle(e).backgroundColor;
    if (rgba(background)[3] === 1) return background;
  }
  return 'rgb(255, 255, 255)';
}

/** A layout box rounded to tenths, for readable messages. */
export function box(element: Element): {x: number; y: number; width: number; height: number; top: number; bottom: number; left: number; right: number} {
  const r = element.getBoundingClientRect();
  const round = (n: number) => Math.round(n * 10) / 10;
  return {x: round(r.x), y: round(r.y), width: round(r.width), height: round(r.height), top: round(r.top), bottom: round(r.bottom), left: round(r.left), right: round(r.right)};
}

/** Whether two elements' boxes overlap (by more than a pixel's rounding). */
export function overlaps(a: Element, b: Element): boolean {
  const p = a.getBoundingClientRect();
  const q = b.getBoundingClientRect();
  return p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1;
}

/** Every control a visitor can press in a shadow root: buttons, switches, links and summaries on screen. */
export function targets(root: ShadowRoot): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('button, input, a[href], summary, select, textarea'))
    .filter((e) => e.checkVisibility({visibilityProperty: true} as CheckVisibilityOptions));
}

/** A short name for a control in assertion messages. */
export const label = (e: Element): string =>
  `<${e.localName}${e.id ? `#${e.id}` : ''}${e.getAttribute('part') ? ` part="${e.getAttribute('part')}"` : ''}> "${(e.getAttribute('aria-label') ?? e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30)}"`;

/** Resolves after the next two animation frames: layout, scrolling and rAF work of the last change are done. */
export const frames = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
