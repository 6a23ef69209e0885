// WCAG 2.2 AA for the privacy elements (policy, cookie declaration, privacy center with its
// rights-request form) in real Chromium: axe-core in every state, in English and Swedish, light
// and dark; the keyboard; focus rings; target sizes; reflow at 320 px and at 200 % zoom; reduced
// motion; forced colours. Every check measures the rendered page, so a regression fails it.
import {assert} from '@esm-bundle/chai';
import {emulateMedia, sendKeys, setViewport} from '@web/test-runner-commands';
import {
  createConsentManager, createMemoryReceiptLog, createMemoryStore, createReceipt, createTranslator,
  type Config, type ConsentManager, type RightsRequest,
} from '../../src/core/index.js';
import type {SamtyckeContext} from '../../src/context.js';
import '../../src/ui/privacy-policy/samtycke-privacy-policy.js';
import '../../src/ui/cookie-declaration/samtycke-cookie-declaration.js';
import '../../src/ui/privacy-center/samtycke-privacy-center.js';
import type {SamtyckePrivacyPolicy} from '../../src/ui/privacy-policy/samtycke-privacy-policy.js';
import type {SamtyckeCookieDeclaration} from '../../src/ui/cookie-declaration/samtycke-cookie-declaration.js';
import type {SamtyckePrivacyCenter} from '../../src/ui/privacy-center/samtycke-privacy-center.js';
import type {SamtyckeRightsRequest} from '../../src/ui/privacy-center/samtycke-rights-request.js';
import en from '../../locales/en.json';
import sv from '../../locales/sv.json';
import {config, rawConfig} from '../helpers/fixtures.js';
import {privacySection} from '../core/privacy-fixtures.js';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
type Scheme = 'light' | 'dark';
type Language = 'en' | 'sv';

/** The strings that widen pages when they cannot wrap. */
const LONG_MAIL = 'dataskyddsombudet.integritetsfragor@skiktverket-exempelbutiken.example';
const LONG_URL = 'https://www.analysleverantoren-exempel.example/legal/privacy-policy/cookies-and-similar-technologies/notice-2025';
const LONG_COOKIE = '_hjSessionUser_1234567_verylongcookiename_abcdefghijklmnopqrstuvwxyz';

/** The test shop's config file: the fixture's services and a Hotjar with long names, a long URL and a long address. */
function shopJson(appearance?: Config['appearance']): Config & {privacy: unknown} {
  const services = [...(rawConfig().services ?? []), {
    id: 'hotjar', name: 'Hotjar', category: 'analytics', provider: 'Hotjar Ltd', purpose: 'Heatmaps', country: 'MT', privacyPolicyUrl: LONG_URL,
    cookies: [{name: '_hjSessionUser_*', duration: '1 year'}, {name: LONG_COOKIE, duration: '1 year'}],
  }] as Config['services'];
  const controller = {...(privacySection().controller as object), email: LONG_MAIL};
  return {...rawConfig({services, ...(appearance ? {appearance} : {})}), privacy: privacySection({controller, rightsRequests: {endpoint: '/samtycke-api/requests'}})};
}

const managers: ConsentManager[] = [];
const placed: Element[] = [];

/** The running widget's context, with a real manager whose every record gets a receipt. */
function fakeContext(language: Language, json: Config & {privacy: unknown}): SamtyckeContext {
  const {privacy: _privacy, ...widget} = json;
  const resolved = config(widget);
  const log = createMemoryReceiptLog();
  const manager = createConsentManager(resolved, {
    document, store: createMemoryStore(), reload: () => undefined, language,
    onRecord: (record) => void log.append(createReceipt(record, {configHash: null, page: location.href, widget: 'samtycke/test', receiptId: crypto.randomUUID()})),
  });
  managers.push(manager);
  return {
    manager, json, source: '/samtycke.config.json', receipts: log,
    translator: createTranslator({language, locales: {en, sv}, overrides: resolved.texts, defaultLanguage: resolved.defaultLanguage}),
    forgetDevice: async () => undefined,
    exportData: async () => ({}),
    showPreferences: () => undefined,
  };
}

const place = <T extends Element>(element: T): T => {
  placed.push(element);
  document.body.append(element);
  return element;
};

async function placePolicy(context: SamtyckeContext): Promise<SamtyckePrivacyPolicy> {
  const element = document.createElement('samtycke-privacy-policy');
  element.context = context;
  place(element);
  await element.ready;
  await element.shadowRoot!.querySelector('samtycke-cookie-declaration')!.ready;
  return element;
}

async function placeDeclaration(context: SamtyckeContext): Promise<SamtyckeCookieDeclaration> {
  const element = document.createElement('samtycke-cookie-declaration');
  element.context = context;
  place(element);
  await element.ready;
  return element;
}

async function placeCenter(context: SamtyckeContext): Promise<SamtyckePrivacyCenter> {
  await context.manager.ready;
  const element = document.createElement('samtycke-privacy-center');
  element.context = context;
  place(element);
  await element.updateComplete;
  return element;
}

const rightsOf = (center: SamtyckePrivacyCenter): SamtyckeRightsRequest => center.shadowRoot!.querySelector('samtycke-rights-request')!;

/** Answers the rights endpoint with `respond` while the test runs. */
function stubFetch(respond: (request: RightsRequest) => Response | Promise<Response>): void {
  const original = window.fetch;
  window.fetch = (async (_url: string, init: RequestInit) => respond(JSON.parse(String(init.body)) as RightsRequest)) as typeof fetch;
  undo.push(() => void (window.fetch = original));
}
const created = (request: RightsRequest) => new Response(JSON.stringify({requestId: request.requestId, receivedAt: new Date().toISOString()}), {status: 201});

/** Fills the rights form validly, as typing would. */
async function fillRights(form: SamtyckeRightsRequest): Promise<void> {
  const root = form.shadowRoot!;
  root.querySelector<HTMLInputElement>('input[value="access"]')!.click();
  for (const [id, value] of [['name', 'Kim Exempel'], ['email', LONG_MAIL]]) {
    const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
    input.value = value;
    input.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
  }
  await form.updateComplete;
}

async function submitRights(form: SamtyckeRightsRequest): Promise<void> {
  form.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await form.updateComplete;
}

const undo: (() => void | Promise<void>)[] = [];

async function cleanUpAll(): Promise<void> {
  for (const step of undo.splice(0).reverse()) await step();
  for (const element of placed.splice(0)) element.remove();
  for (const manager of managers.splice(0)) manager.destroy();
  document.documentElement.style.colorScheme = '';
  document.body.style.background = '';
  document.body.style.color = '';
}

// ---------------------------------------------------------------------------------------------
// axe-core

interface AxeResult {
  readonly violations: {id: string; help: string; nodes: {target: unknown; failureSummary?: string}[]}[];
}
declare global {
  interface Window {
    axe?: {run(context: Element, options: object): Promise<AxeResult>};
  }
}

let axeLoaded: Promise<void> | undefined;
/** axe-core as a classic script, once per test file. */
function loadAxe(): Promise<void> {
  return (axeLoaded ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('axe-core did not load'));
    document.head.append(script);
  }));
}

/** Runs axe on `element` (its shadow trees included) and fails with every violation spelled out. */
async function assertAccessible(element: Element, what: string): Promise<void> {
  await loadAxe();
  const {violations} = await window.axe!.run(element, {runOnly: {type: 'tag', values: TAGS}, resultTypes: ['violations']});
  const told = violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`);
  assert.deepEqual(told, [], `${what}: axe finds no WCAG 2.2 A/AA violation`);
}

// ---------------------------------------------------------------------------------------------
// Colours, measured as the browser paints them

const paint = new OffscreenCanvas(1, 1).getContext('2d', {willReadFrequently: true})!;
/** Any CSS colour (rgb(), color(srgb …), system colours) as sRGB 0–255 and alpha 0–1. */
function rgba(color: string): [number, number, number, number] {
  paint.clearRect(0, 0, 1, 1);
  paint.fillStyle = '#000';
  paint.fillStyle = color;
  paint.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = paint.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!, a! / 255];
}
const luminance = ([r, g, b]: readonly number[]): number => {
  const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
};
const contrast = (a: readonly number[], b: readonly number[]): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};
/** The parent in the flat tree: through shadow roots to their hosts. */
const parentOf = (element: Element): Element | null => element.parentElement ?? ((element.getRootNode() as ShadowRoot).host ?? null);
/** The colour painted behind `element`: the first opaque background of it or its ancestors, else the canvas. */
function backgroundBehind(element: Element | null): number[] {
  for (let node = element; node; node = parentOf(node)) {
    const colour = rgba(getComputedStyle(node).backgroundColor);
    if (colour[3] === 1) return colour;
  }
  return rgba(getComputedStyle(document.documentElement).backgroundColor)[3] === 1 ? rgba(getComputedStyle(document.documentElement).backgroundColor) : [255, 255, 255, 1];
}

// ---------------------------------------------------------------------------------------------
// Walking the composed tree

/** Every element under `root`, through the shadow roots of the elements inside. */
function deepAll(root: ParentNode, selector = '*'): Element[] {
  const found: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const element of node.querySelectorAll('*')) {
      if (element.matches(selector)) found.push(element);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(root);
  return found;
}
/** The element with focus, inside shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
const describe = (element: Element | null): string =>
  element ? `<${element.localName}${element.id ? `#${element.id}` : ''}> "${(element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}"` : 'nothing';
const shown = (element: Element) => element.checkVisibility({visibilityProperty: true} as CheckVisibilityOptions);

const FOCUSABLE = 'a[href], button, input, textarea, select, [tabindex]:not([tabindex="-1"])';

/** What Tab should reach in `host`: every shown control, and one radio per group (the checked one, else the first). */
function tabbable(host: Element): Element[] {
  const seenGroups = new Set<string>();
  return deepAll(host.shadowRoot!, FOCUSABLE).filter((element) => {
    if (!shown(element) || (element as HTMLButtonElement).disabled || element.closest('dialog:not([open])')) return false;
    if (element instanceof HTMLInputElement && element.type === 'radio') {
      const group = element.form ? Array.from(element.form.elements).filter((e) => (e as HTMLInputElement).name === element.name) as HTMLInputElement[] : [element];
      const chosen = group.find((r) => r.checked) ?? group[0];
      if (seenGroups.has(element.name) || chosen !== element) return false;
      seenGroups.add(element.name);
    }
    return true;
  });
}

/** Presses `key` from `start` until focus leaves the host; returns what had focus on the way. */
async function walkFocus(start: HTMLElement, key: 'Tab' | 'Shift+Tab', host: Element, limit = 200): Promise<Element[]> {
  start.focus();
  const visited: Element[] = [];
  for (let i = 0; i < limit; i++) {
    await sendKeys({press: key});
    const active = deepActive();
    if (!active || !(host === active || host.shadowRoot!.contains(active) || deepAll(host.shadowRoot!).includes(active))) break;
    visited.push(active);
  }
  return visited;
}

/** Puts a button before and after `host`, for walking focus through it. */
function fence(host: Element): {before: HTMLButtonElement; after: HTMLButtonElement} {
  const before = document.createElement('button');
  before.textContent = 'Before';
  const after = document.createElement('button');
  after.textContent = 'After';
  host.before(before);
  host.after(after);
  placed.push(before, after);
  return {before, after};
}

/**
 * Tab through `host` and back: every control is reached in both directions, in the reverse order
 * back; each shows a focus ring of at least 2 px with 3:1 against what is behind it.
 */
async function assertKeyboardAndFocus(host: Element, what: string): Promise<number> {
  const {before, after} = fence(host);
  const expected = tabbable(host);
  const forward = await walkFocus(before, 'Tab', host);
  assert.deepEqual(forward.map(describe), expected.map(describe), `${what}: Tab reaches every control, in order`);
  const backward = await walkFocus(after, 'Shift+Tab', host);
  assert.deepEqual(backward.map(describe), [...expected].reverse().map(describe), `${what}: Shift+Tab goes back the same way`);
  for (const element of forward) {
    element instanceof HTMLElement && element.focus();
    await sendKeys({press: 'Shift'}); // a keyboard event: focus stays visible (:focus-visible)
    assert.isTrue(element.matches(':focus-visible'), `${what}: ${describe(element)} shows focus`);
    const style = getComputedStyle(element);
    assert.notEqual(style.outlineStyle, 'none', `${what}: ${describe(element)} has a focus outline`);
    assert.isAtLeast(parseFloat(style.outlineWidth), 2, `${what}: ${describe(element)}'s outline is at least 2 px`);
    const ring = rgba(style.outlineColor);
    const behind = backgroundBehind(parseFloat(style.outlineOffset) >= 0 ? parentOf(element) : element);
    assert.isAtLeast(contrast(ring, behind), 3, `${what}: ${describe(element)}'s focus ring ${style.outlineColor} has 3:1 against ${behind.join(',')}`);
  }
  return forward.length;
}

/** Controls are at least 24 × 24 px; links inside running text are exempt (WCAG 2.5.8 "inline"). */
function assertTargets(host: Element, what: string): number {
  let checked = 0;
  for (const element of deepAll(host.shadowRoot!, FOCUSABLE)) {
    if (!shown(element) || element.closest('dialog:not([open])')) continue;
    if (element.localName === 'a' && !element.classList.contains('button')) {
      const block = element.closest('p, li, td, th, dd, div');
      const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (block && text(block) !== text(element)) continue;
    }
    const box = element.getBoundingClientRect();
    assert.isAtLeast(Math.round(box.width), 24, `${what}: ${describe(element)} is at least 24 px wide`);
    assert.isAtLeast(Math.round(box.height), 24, `${what}: ${describe(element)} is at least 24 px high`);
    checked++;
  }
  return checked;
}

/** Nothing is wider than the viewport, and nothing scrolls sideways inside. */
function assertReflow(host: Element, what: string): void {
  assert.isAtMost(document.documentElement.scrollWidth, innerWidth, `${what}: the page does not scroll sideways`);
  for (const element of [host, ...deepAll(host.shadowRoot!)]) {
    const box = element.getBoundingClientRect();
    if (box.width <= 1 || !shown(element)) continue;
    assert.isAtMost(box.right, innerWidth + 0.5, `${what}: ${describe(element)} ends inside the viewport`);
    const style = getComputedStyle(element);
    if (['auto', 'scroll', 'hidden'].includes(style.overflowX) && element.localName !== 'textarea') {
      assert.isAtMost(element.scrollWidth, element.clientWidth + 1, `${what}: ${describe(element)} does not scroll or clip sideways`);
    }
  }
}

/**
 * Words of running text that the layout split over two lines, in `host`'s tables and paragraphs.
 * Only addresses and cookie names may break inside (code, links that are addresses).
 */
function brokenWords(host: Element): string[] {
  const broken: string[] = [];
  for (const cell of deepAll(host.shadowRoot!, 'td, th, p, dt, dd, li')) {
    const hidden = cell.closest('thead, .visually-hidden');
    if (hidden && hidden.getBoundingClientRect().width <= 1) continue; // visually hidden: the headers of card rows
    for (const node of cell.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE) continue;
      // A line may end after a hyphen or a dash ("559000-0001"): that is not a broken word.
      for (const match of (node.textContent ?? '').matchAll(/[^\s\-‐–—]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}

/** States of the privacy center that axe checks, each reached as a visitor reaches it. */
const CENTER_STATES: Record<string, (center: SamtyckePrivacyCenter, context: SamtyckeContext) => Promise<void>> = {
  'choices, undecided': async () => undefined,
  'choices and history with receipts': async (center, {manager}) => {
    await manager.save({analytics: true}, {source: 'banner'});
    await manager.acceptAll({source: 'preferences'});
    await center.updateComplete;
    assert.lengthOf(center.shadowRoot!.querySelectorAll('tbody tr'), 2, 'two receipts shown');
  },
  'rights form with field errors': async (center) => {
    const form = rightsOf(center);
    await submitRights(form);
    assert.isNotEmpty(form.shadowRoot!.querySelectorAll('.error'), 'errors are shown');
  },
  'receipt after sending': async (center) => {
    stubFetch(created);
    const form = rightsOf(center);
    await fillRights(form);
    await submitRights(form);
    assert.isNotNull(form.shadowRoot!.querySelector('.receipt'), 'the receipt is shown');
  },
  'failed send': async (center) => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const form = rightsOf(center);
    await fillRights(form);
    await submitRights(form);
    assert.isNotNull(form.shadowRoot!.querySelector('.failure'), 'the failure is shown');
  },
  '"Forget this device?" open': async (center) => {
    center.shadowRoot!.querySelector<HTMLButtonElement>('#forget')!.click();
    await center.updateComplete;
    assert.isTrue(center.shadowRoot!.querySelector('dialog')!.open);
  },
};

/** The scheme the element paints: its text against what is behind it, dark or light. */
function assertPainted(element: Element, scheme: Scheme, what: string): void {
  const background = backgroundBehind(element);
  const dark = luminance(background) < 0.2;
  assert.equal(dark ? 'dark' : 'light', scheme, `${what}: the background ${background.join(',')} is ${scheme}`);
}

for (const language of ['en', 'sv'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    suite(`privacy elements pass axe: ${language}, ${scheme}`, () => {
      teardown(cleanUpAll);

      test('the privacy policy, with the cookie declaration inside', async () => {
        const policy = await placePolicy(fakeContext(language, shopJson({colorScheme: scheme})));
        assert.equal(policy.getAttribute('scheme'), scheme, 'scheme from appearance.colorScheme');
        assert.equal(policy.lang, language);
        assertPainted(policy.shadowRoot!.querySelector('p')!, scheme, 'the policy');
        await assertAccessible(policy, `policy (${language}, ${scheme})`);
      });

      test('the cookie declaration, decided', async () => {
        const context = fakeContext(language, shopJson({colorScheme: scheme}));
        const declaration = await placeDeclaration(context);
        await context.manager.save({analytics: true}, {services: {hotjar: false}});
        await declaration.updateComplete;
        assert.equal(declaration.getAttribute('scheme'), scheme);
        assertPainted(declaration.shadowRoot!.querySelector('.choice')!, scheme, 'the declaration');
        await assertAccessible(declaration, `declaration (${language}, ${scheme})`);
      });

      for (const [state, reach] of Object.entries(CENTER_STATES)) {
        test(`the privacy center: ${state}`, async () => {
          const context = fakeContext(language, shopJson({colorScheme: scheme}));
          const center = await placeCenter(context);
          await reach(center, context);
          await center.updateComplete;
          assert.equal(center.getAttribute('scheme'), scheme);
          assert.equal(rightsOf(center).getAttribute('scheme'), scheme, 'the form follows the center');
          assertPainted(center.shadowRoot!.querySelector('.card p')!, scheme, 'the center');
          await assertAccessible(center, `privacy center, ${state} (${language}, ${scheme})`);
        });
      }
    });
  }
}

suite('privacy elements without a forced scheme (config "auto")', () => {
  teardown(async () => {
    await emulateMedia({colorScheme: 'light'});
    await cleanUpAll();
  });

  test('the privacy center follows a dark system setting, and passes axe', async () => {
    await emulateMedia({colorScheme: 'dark'});
    const context = fakeContext('en', shopJson());
    const center = await placeCenter(context);
    await context.manager.acceptAll();
    await center.updateComplete;
    assert.isFalse(center.hasAttribute('scheme'), 'auto sets no attribute');
    assertPainted(center.shadowRoot!.querySelector('.card p')!, 'dark', 'the center');
    await assertAccessible(center, 'privacy center, auto, dark system');
  });

  test('the policy is part of the page: on a light page it stays light though the system is dark', async () => {
    await emulateMedia({colorScheme: 'dark'});
    const policy = await placePolicy(fakeContext('sv', shopJson()));
    assert.isFalse(policy.hasAttribute('scheme'));
    assert.equal(getComputedStyle(policy).backgroundColor, 'rgba(0, 0, 0, 0)', 'transparent: the page shows through');
    await assertAccessible(policy, 'policy, auto, light page, dark system');
  });

  test('on a page that declares a dark color-scheme the policy takes the dark accents, and passes axe', async () => {
    document.documentElement.style.colorScheme = 'dark';
    document.body.style.background = '#121212';
    document.body.style.color = '#ececec';
    const policy = await placePolicy(fakeContext('en', shopJson()));
    const link = policy.shadowRoot!.querySelector('nav a')!;
    assert.isAbove(contrast(rgba(getComputedStyle(link).color), [18, 18, 18]), 4.5, 'links are light on the dark page');
    await assertAccessible(policy, 'policy, auto, dark page');
  });
});

suite('keyboard and focus', () => {
  teardown(cleanUpAll);

  for (const scheme of ['light', 'dark'] as const) {
    test(`the policy: every link by Tab and Shift+Tab, each with a visible 3:1 focus ring (${scheme})`, async () => {
      const policy = await placePolicy(fakeContext('en', shopJson({colorScheme: scheme})));
      const reached = await assertKeyboardAndFocus(policy, `policy (${scheme})`);
      assert.isAtLeast(reached, 15, 'contents, links and the settings button');
    });

    test(`the privacy center: every control by Tab and Shift+Tab, with visible focus (${scheme})`, async () => {
      const context = fakeContext('sv', shopJson({colorScheme: scheme}));
      const center = await placeCenter(context);
      await context.manager.acceptAll();
      await center.updateComplete;
      const reached = await assertKeyboardAndFocus(center, `privacy center (${scheme})`);
      assert.equal(reached, 10, 'change, withdraw, download, forget, one radio, four fields and the submit button');
    });

    test(`the rights form with errors, and after a failed send (${scheme})`, async () => {
      const center = await placeCenter(fakeContext('en', shopJson({colorScheme: scheme})));
      const form = rightsOf(center);
      await submitRights(form);
      await assertKeyboardAndFocus(center, `rights form with errors (${scheme})`);
      stubFetch(() => new Response('', {status: 503}));
      await fillRights(form);
      await submitRights(form);
      await assertKeyboardAndFocus(center, `rights form after a failed send (${scheme})`);
    });
  }

  test('the cookie declaration: its button opens the settings by Enter and by Space', async () => {
    const context = fakeContext('en', shopJson());
    const opened: (Element | null | undefined)[] = [];
    const declaration = await placeDeclaration({...context, showPreferences: (opener) => void opened.push(opener)});
    await assertKeyboardAndFocus(declaration, 'declaration');
    const button = declaration.shadowRoot!.querySelector<HTMLButtonElement>('button')!;
    button.focus();
    await sendKeys({press: 'Enter'});
    await sendKeys({press: 'Space'});
    assert.deepEqual(opened, [button, button], 'Enter and Space both open the settings, with the button as opener');
  });

  test('the center by keyboard alone: Space withdraws; Enter asks to forget, Escape cancels, Enter on "Yes" forgets', async () => {
    const context = fakeContext('en', shopJson());
    let forgotten = 0;
    const center = await placeCenter({...context, forgetDevice: async () => void forgotten++});
    const root = center.shadowRoot!;
    await context.manager.acceptAll();
    await center.updateComplete;

    const withdraw = root.querySelector<HTMLButtonElement>('#withdraw')!;
    withdraw.focus();
    await sendKeys({press: 'Space'});
    await center.updateComplete;
    assert.equal(context.manager.state.record?.method, 'withdrawal', 'Space withdrew');
    assert.equal(root.activeElement, withdraw, 'focus stays on the button, now inactive');
    assert.equal(withdraw.getAttribute('aria-disabled'), 'true');

    const forget = root.querySelector<HTMLButtonElement>('#forget')!;
    const dialog = root.querySelector('dialog')!;
    forget.focus();
    await sendKeys({press: 'Enter'});
    assert.isTrue(dialog.open, 'Enter opens the confirmation');
    assert.equal(root.activeElement?.textContent, 'Cancel', 'focus starts on the safe choice');
    await sendKeys({press: 'Tab'});
    assert.equal(root.activeElement?.textContent, 'Yes, forget this device');
    await sendKeys({press: 'Shift+Tab'});
    assert.equal(root.activeElement?.textContent, 'Cancel', 'Shift+Tab goes back');
    await sendKeys({press: 'Escape'});
    assert.isFalse(dialog.open, 'Escape closes it');
    assert.equal(root.activeElement, forget, 'focus returns to "Forget this device"');
    assert.equal(forgotten, 0, 'nothing was erased');

    await sendKeys({press: 'Enter'});
    await sendKeys({press: 'Tab'});
    await sendKeys({press: 'Enter'});
    await center.updateComplete;
    assert.equal(forgotten, 1, 'confirmed by Enter');
    assert.isFalse(dialog.open);
    assert.equal(root.activeElement, forget, 'focus returns to the button');
    assert.include(root.querySelector('#data-title')!.parentElement!.querySelector('[role=status]')!.textContent, 'This device is forgotten', 'told in the status region');
  });
});

suite('targets, reflow and zoom', () => {
  teardown(async () => {
    await setViewport({width: 800, height: 600});
    await cleanUpAll();
  });

  test('every control of the three elements is at least 24 × 24 px', async () => {
    const context = fakeContext('sv', shopJson());
    const policy = await placePolicy(context);
    const center = await placeCenter(fakeContext('sv', shopJson()));
    const declaration = await placeDeclaration(fakeContext('sv', shopJson()));
    assert.isAtLeast(assertTargets(policy, 'policy') + assertTargets(declaration, 'declaration') + assertTargets(center, 'privacy center'), 30);
    for (const radio of deepAll(center.shadowRoot!, 'input[type=radio]')) {
      assert.isAtLeast(radio.closest('.option')!.querySelector('label')!.getBoundingClientRect().height, 44, 'each option\'s label is a 44 px target');
    }
  });

  for (const [width, height] of [[1280, 800], [640, 400], [320, 640]] as const) {
    test(`${width} × ${height}: table columns and text never split a word; only addresses and cookie names break`, async () => {
      await setViewport({width, height});
      const policy = await placePolicy(fakeContext('sv', shopJson()));
      const declaration = policy.shadowRoot!.querySelector('samtycke-cookie-declaration')!;
      const context = fakeContext('sv', shopJson());
      const center = await placeCenter(context);
      await context.manager.rejectAll({source: 'banner'});
      await context.manager.acceptAll({source: 'preferences'});
      await center.updateComplete;
      assert.deepEqual(brokenWords(policy), [], 'policy');
      assert.deepEqual(brokenWords(declaration), [], 'declaration');
      assert.deepEqual(brokenWords(center), [], 'privacy center');
    });
  }

  for (const [width, height, name] of [[320, 640, '320 px wide'], [640, 400, '1280 × 800 at 200 % zoom']] as const) {
    test(`${name}: long URLs, addresses and cookie names wrap; nothing scrolls sideways`, async () => {
      await setViewport({width, height});
      const policy = await placePolicy(fakeContext('sv', shopJson({colorScheme: 'dark'})));
      assertReflow(policy, `policy at ${name}`);
      const text = (policy.shadowRoot!.textContent ?? '') + deepAll(policy.shadowRoot!, 'samtycke-cookie-declaration').map((d) => d.shadowRoot!.textContent).join(' ');
      for (const long of [LONG_MAIL, LONG_COOKIE, LONG_URL.replace('https://', '')]) assert.include(text, long, `"${long.slice(0, 20)}…" is on the page`);
      policy.remove();

      const declaration = await placeDeclaration(fakeContext('en', shopJson()));
      assertReflow(declaration, `declaration at ${name}`);
      declaration.remove();

      const context = fakeContext('en', shopJson());
      const center = await placeCenter(context);
      await context.manager.acceptAll();
      await center.updateComplete;
      assertReflow(center, `privacy center at ${name}`);
      stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
      await fillRights(rightsOf(center));
      await submitRights(rightsOf(center));
      assertReflow(center, `failed send at ${name}`);
      stubFetch(created);
      await submitRights(rightsOf(center));
      assert.isNotNull(rightsOf(center).shadowRoot!.querySelector('.receipt'));
      assertReflow(center, `receipt at ${name}`);
    });
  }
});

/** A system colour as the forced palette in force paints it (a canvas would give the default palette's). */
function systemColour(name: string): number[] {
  const probe = document.createElement('span');
  probe.style.color = name;
  document.body.append(probe);
  const colour = rgba(getComputedStyle(probe).color);
  probe.remove();
  return colour;
}

suite('motion and forced colours', () => {
  teardown(async () => {
    await emulateMedia({reducedMotion: 'no-preference', forcedColors: 'none'});
    await cleanUpAll();
  });

  test('with reduced motion nothing moves: no transition, no animation, jumps instead of smooth scrolling', async () => {
    await emulateMedia({reducedMotion: 'reduce'});
    const policy = await placePolicy(fakeContext('en', shopJson()));
    const center = await placeCenter(fakeContext('en', shopJson()));
    center.shadowRoot!.querySelector<HTMLButtonElement>('#forget')!.click();
    for (const element of [policy, center, ...deepAll(policy.shadowRoot!), ...deepAll(center.shadowRoot!)]) {
      for (const pseudo of [null, '::before', '::after']) {
        const style = getComputedStyle(element, pseudo);
        assert.match(style.transitionDuration, /^0s(, 0s)*$/, `${describe(element)}${pseudo ?? ''} has no transition`);
        assert.equal(style.animationName, 'none', `${describe(element)}${pseudo ?? ''} has no animation`);
      }
    }
    assert.equal(getComputedStyle(center.shadowRoot!.querySelector('dialog')!, '::backdrop').transitionDuration, '0s', 'the backdrop does not fade');
    const calls: (ScrollIntoViewOptions | boolean | undefined)[] = [];
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (options) {
      calls.push(options);
    };
    try {
      policy.shadowRoot!.querySelector<HTMLAnchorElement>('nav a')!.click();
    } finally {
      Element.prototype.scrollIntoView = original;
    }
    assert.deepEqual(calls, [{block: 'start', behavior: 'instant'}], 'the contents jump to the section');
  });

  test('in forced colours, buttons, fields, boxes and focus keep visible edges', async () => {
    await emulateMedia({forcedColors: 'active'});
    const context = fakeContext('en', shopJson());
    const center = await placeCenter(context);
    const root = center.shadowRoot!;
    const edge = (element: Element, what: string) => {
      const style = getComputedStyle(element);
      assert.notEqual(style.borderTopStyle, 'none', `${what} has a border`);
      assert.isAtLeast(parseFloat(style.borderTopWidth), 1, `${what}'s border is drawn`);
    };
    for (const button of root.querySelectorAll('.card button')) edge(button, describe(button));
    for (const card of root.querySelectorAll('.card')) edge(card, 'each section');
    for (const field of rightsOf(center).shadowRoot!.querySelectorAll('input:not([type=radio]), textarea')) edge(field, describe(field));
    const withdraw = root.querySelector('#withdraw')!;
    assert.equal(withdraw.getAttribute('aria-disabled'), 'true');
    assert.deepEqual(rgba(getComputedStyle(withdraw).color), systemColour('GrayText'), 'the inactive button is drawn in GrayText');
    const {before} = fence(center);
    before.focus();
    await sendKeys({press: 'Tab'});
    const focused = deepActive()!;
    assert.notEqual(getComputedStyle(focused).outlineStyle, 'none', 'the focus ring stays');
    assert.deepEqual(rgba(getComputedStyle(focused).outlineColor), systemColour('Highlight'), 'in the system\'s highlight colour');
  });
});
