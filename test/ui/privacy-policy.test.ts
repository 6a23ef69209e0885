import {assert} from '@esm-bundle/chai';
import {CONTEXT, type SamtyckeContext} from '../../src/context.js';
import '../../src/ui/privacy-policy/samtycke-privacy-policy.js';
import type {SamtyckePrivacyPolicy} from '../../src/ui/privacy-policy/samtycke-privacy-policy.js';
import {cleanUp, config, manager, rawConfig} from '../helpers/fixtures.js';
import {fakeContext, privacySection} from '../core/privacy-fixtures.js';

const placed: Element[] = [];

/** A policy element on the page, rendered against `context`. */
async function placePolicy(context: SamtyckeContext | null, attributes: Record<string, string> = {}): Promise<SamtyckePrivacyPolicy> {
  const element = document.createElement('samtycke-privacy-policy');
  element.context = context;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  placed.push(element);
  document.body.append(element);
  await element.ready;
  const declaration = element.shadowRoot!.querySelector('samtycke-cookie-declaration');
  if (declaration) await declaration.ready;
  return element;
}

/** Every element matching `selector`, in document order, through the shadow roots of Samtycke elements. */
function deepAll(root: ParentNode, selector: string): Element[] {
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

const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Records console groups and errors while `run` runs. */
async function capturingConsole<T>(run: () => Promise<T>): Promise<{result: T; lines: string[]}> {
  const lines: string[] = [];
  const saved = {error: console.error, groupCollapsed: console.groupCollapsed, groupEnd: console.groupEnd};
  console.error = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  console.groupCollapsed = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  console.groupEnd = () => undefined;
  try {
    return {result: await run(), lines};
  } finally {
    Object.assign(console, saved);
  }
}

suite('samtycke-privacy-policy', () => {
  teardown(() => {
    for (const element of placed.splice(0)) element.remove();
    cleanUp();
  });

  test('renders the policy with real headings in order, the declaration inside', async () => {
    const {manager: m} = manager();
    const element = await placePolicy(fakeContext(m, {...rawConfig(), privacy: privacySection()}));
    const headings = deepAll(element.shadowRoot!, 'h2, h3, h4, h5, h6');
    const levels = headings.map((h) => Number(h.localName[1]));
    assert.equal(levels[0], 2, 'sections start at h2, under the page\'s h1');
    levels.forEach((level, i) => assert.isAtMost(level - (levels[i - 1] ?? 1), 1, `no level is skipped before "${text(headings[i])}"`));
    const names = headings.map(text);
    for (const heading of ['Who is responsible for your data', 'Orders and delivery', 'Your rights', 'Your right to object to direct marketing',
      'How to use your rights', 'If you want to complain', 'Cookies and similar technology', 'Marketing', 'Meta pixel']) {
      assert.include(names, heading);
    }
    const embedded = element.shadowRoot!.querySelector('samtycke-cookie-declaration')!;
    assert.equal(embedded.shadowRoot!.querySelector('h3')?.textContent, 'Necessary', 'the declaration\'s categories are one level below its section');
  });

  test('tables have a caption, column headers and row headers', async () => {
    const {manager: m} = manager();
    const element = await placePolicy(fakeContext(m, {...rawConfig(), privacy: privacySection()}));
    const tables = deepAll(element.shadowRoot!, 'table');
    assert.isAtLeast(tables.length, 4, 'recipients, transfers and the cookie tables');
    for (const table of tables) {
      assert.isNotEmpty(text(table.querySelector('caption')), 'every table has a caption');
      assert.isNotEmpty(table.querySelectorAll('thead th[scope="col"]'), 'column headers');
      for (const row of table.querySelectorAll('tbody tr')) assert.equal(row.firstElementChild?.getAttribute('scope'), 'row', 'each row has its header');
    }
  });

  test('speaks the widget\'s language and says so in lang', async () => {
    const {manager: m} = manager();
    const element = await placePolicy(fakeContext(m, {...rawConfig(), privacy: privacySection()}, 'sv'));
    assert.equal(element.lang, 'sv');
    assert.include(deepAll(element.shadowRoot!, 'h2').map(text), 'Dina rättigheter');
    assert.include(text(element.shadowRoot!.querySelector('#complaint')?.parentElement), 'Integritetsskyddsmyndigheten (IMY)');
  });

  test('shop texts are shown as text, never as markup', async () => {
    const {manager: m} = manager();
    const hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>';
    const privacy = privacySection({intro: hostile, controller: {...(privacySection().controller as object), name: '<b>Bold AB</b>'}});
    const element = await placePolicy(fakeContext(m, {...rawConfig(), privacy}));
    const root = element.shadowRoot!;
    assert.include(text(root.querySelector('p')), hostile, 'the intro reads exactly as written');
    assert.isNull(root.querySelector('img, script, b'), 'no element was made from shop text');
    assert.isUndefined((window as {pwned?: number}).pwned);
  });

  test('the contents move focus to the section', async () => {
    const {manager: m} = manager();
    const element = await placePolicy(fakeContext(m, {...rawConfig(), privacy: privacySection()}));
    const link = [...element.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')].find((a) => text(a) === 'Your rights')!;
    link.click();
    assert.equal(element.shadowRoot!.activeElement?.id, 'rights', 'the heading has focus, so reading continues there');
  });

  test('a section with problems is reported in the console and replaced by a visible notice', async () => {
    const {manager: m} = manager();
    const {email: _email, ...controller} = privacySection().controller as Record<string, string>;
    const {result: element, lines} = await capturingConsole(() => placePolicy(fakeContext(m, {...rawConfig(), privacy: privacySection({controller})})));
    const report = lines.join('\n');
    assert.include(report, '/samtycke.config.json', 'names the file');
    assert.include(report, '$.privacy.controller.email', 'names the JSON path');
    assert.include(report, 'Fix: add "email"', 'says how to fix it');
    const notice = element.shadowRoot!.querySelector('[role="note"]');
    assert.include(text(notice), 'The privacy policy cannot be shown right now');
    assert.isEmpty(deepAll(element.shadowRoot!, 'h2, h3, table'), 'no part of an incomplete policy is shown');
  });

  test('without a running widget it shows the notice in the page\'s language', async () => {
    const view = window as unknown as {samtycke?: unknown};
    const saved = view.samtycke;
    view.samtycke = {[CONTEXT]: Promise.resolve(null)};
    document.documentElement.lang = 'sv';
    try {
      const element = await placePolicy(undefined as unknown as null);
      assert.include(text(element.shadowRoot!.querySelector('[role="note"]')), 'Integritetspolicyn kan inte visas just nu');
    } finally {
      view.samtycke = saved;
      document.documentElement.lang = 'en';
    }
  });

  test('without a scheme, links follow the page\'s colour scheme, and the shop\'s accents win', async () => {
    const {manager: m} = manager();
    const element = await placePolicy(fakeContext(m, {...rawConfig(), privacy: privacySection()}));
    const link = element.shadowRoot!.querySelector('nav a')!;
    assert.equal(getComputedStyle(link).color, 'rgb(29, 78, 137)', 'dark blue on a light page');
    assert.equal(getComputedStyle(element).backgroundColor, 'rgba(0, 0, 0, 0)', 'page content: no background of its own');
    element.style.setProperty('--samtycke-color-accent', 'rgb(200, 0, 0)');
    element.style.setProperty('--samtycke-dark-color-accent', 'rgb(255, 200, 0)');
    assert.equal(getComputedStyle(link).color, 'rgb(200, 0, 0)', 'the shop\'s accent on a light page');
    document.documentElement.style.colorScheme = 'dark';
    try {
      assert.equal(getComputedStyle(link).color, 'rgb(255, 200, 0)', 'the shop\'s dark accent on a page that declares a dark scheme');
      element.style.removeProperty('--samtycke-dark-color-accent');
      assert.equal(getComputedStyle(link).color, 'rgb(156, 195, 255)', 'else the default light blue: a light-page brand colour is not reused on dark');
    } finally {
      document.documentElement.style.colorScheme = '';
    }
  });

  test('appearance.colorScheme sets scheme; forced, the policy paints the theme and the declaration inside follows', async () => {
    const {manager: m} = manager(config({appearance: {colorScheme: 'dark'}}));
    const element = await placePolicy(fakeContext(m, {...rawConfig({appearance: {colorScheme: 'dark'}}), privacy: privacySection()}));
    assert.equal(element.getAttribute('scheme'), 'dark');
    assert.equal(getComputedStyle(element).backgroundColor, 'rgb(30, 31, 35)', 'the dark background');
    assert.equal(getComputedStyle(element).color, 'rgb(242, 242, 244)', 'the dark text');
    const embedded = element.shadowRoot!.querySelector('samtycke-cookie-declaration')!;
    assert.equal(embedded.getAttribute('scheme'), 'dark', 'the embedded declaration is dark too');
    assert.equal(getComputedStyle(embedded).backgroundColor, 'rgba(0, 0, 0, 0)', 'and paints no second box');
    element.setAttribute('scheme', 'light');
    await Promise.resolve(); // the attribute change is observed in a microtask, which requests the render
    await element.updateComplete;
    assert.equal(embedded.getAttribute('scheme'), 'light', 'the shop\'s own switch reaches the declaration');
    assert.equal(getComputedStyle(element).backgroundColor, 'rgb(255, 255, 255)');
  });

  test('a scheme written on the element wins over the config; "auto" writes none', async () => {
    const {manager: m} = manager(config({appearance: {colorScheme: 'dark'}}));
    const own = await placePolicy(fakeContext(m, {...rawConfig(), privacy: privacySection()}), {scheme: 'light'});
    assert.equal(own.getAttribute('scheme'), 'light');
    const {manager: auto} = manager(config({appearance: {colorScheme: 'auto'}}));
    const none = await placePolicy(fakeContext(auto, {...rawConfig(), privacy: privacySection()}));
    assert.isFalse(none.hasAttribute('scheme'));
  });

  test('heading-level moves the whole outline, the declaration\'s included, without skipping a level', async () => {
    const {manager: m} = manager();
    const element = await placePolicy(fakeContext(m, {...rawConfig(), privacy: privacySection()}), {'heading-level': '3'});
    const levels = deepAll(element.shadowRoot!, 'h1, h2, h3, h4, h5, h6').map((h) => Number(h.localName[1]));
    assert.equal(levels[0], 3, 'starts at the given level');
    assert.equal(Math.min(...levels), 3, 'nothing above it');
    levels.forEach((level, i) => i && assert.isAtMost(level - levels[i - 1]!, 1, `heading ${i} skips no level`));
    assert.include(levels, 5, 'the declaration\'s services are two below the cookie section');
  });

  test('the parts of the contract reach every table, heading and button, the declaration\'s too', async () => {
    const style = document.createElement('style');
    style.textContent = `
      samtycke-privacy-policy::part(document) { outline: 1px solid rgb(1, 0, 0); }
      samtycke-privacy-policy::part(section) { outline: 1px solid rgb(2, 0, 0); }
      samtycke-privacy-policy::part(heading) { outline: 1px solid rgb(3, 0, 0); }
      samtycke-privacy-policy::part(table) { outline: 1px solid rgb(4, 0, 0); }
      samtycke-privacy-policy::part(button) { outline: 1px solid rgb(5, 0, 0); }`;
    document.head.append(style);
    try {
      const {manager: m} = manager();
      const element = await placePolicy(fakeContext(m, {...rawConfig(), privacy: privacySection()}));
      const outline = (e: Element) => getComputedStyle(e).outlineColor;
      const root = element.shadowRoot!;
      assert.equal(outline(root.querySelector('.document')!), 'rgb(1, 0, 0)');
      for (const [selector, colour] of [['section', 'rgb(2, 0, 0)'], ['h2, h3, h4, h5, h6', 'rgb(3, 0, 0)'], ['table', 'rgb(4, 0, 0)'], ['button', 'rgb(5, 0, 0)']]) {
        const found = deepAll(root, selector!);
        assert.isNotEmpty(found, selector);
        for (const e of found) assert.equal(outline(e), colour, `::part reaches ${e.localName}#${e.id} (${selector})`);
      }
    } finally {
      style.remove();
    }
  });

  test('on a 375 px phone the tables become cards and nothing overflows sideways', async () => {
    const {manager: m} = manager(config());
    const element = await placePolicy(fakeContext(m, {...rawConfig(), privacy: privacySection()}), {style: 'width: 375px; display: block'});
    const row = element.shadowRoot!.querySelector('#recipients')!.parentElement!.querySelector('tbody tr')!;
    assert.equal(getComputedStyle(row).display, 'block', 'rows stack as cards');
    assert.match(getComputedStyle(row.querySelector('td')!, '::before').content, /^"Role" \/ ""$/, 'each cell is labelled by its column, for the eye only (the header is read)');
    for (const box of deepAll(element.shadowRoot!, '.table-box, dl, p')) {
      assert.isAtMost(box.scrollWidth, box.clientWidth + 1, `${box.localName} "${text(box).slice(0, 30)}" fits the width`);
    }
  });
});
