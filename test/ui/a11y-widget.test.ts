// WCAG 2.2 AA for the widget's four elements (banner, preferences, settings button, embed
// placeholder), in English and Swedish, light and dark: axe-core, contrast computed from the
// colours the browser uses, focus indicators, target sizes, motion, forced colours, theming and
// the shop's hostile CSS.
import {assert} from '@esm-bundle/chai';
import {emulateMedia, sendKeys, setViewport} from '@web/test-runner-commands';
import type {ConsentManager, ServiceConfig} from '../../src/core/index.js';
import '../../src/ui/embed/samtycke-embed-placeholder.js';
import {axeViolations, backgroundOf, box, contrast, label, loadAxe, targets} from '../helpers/a11y-harness.js';
import {BannerHarness, cleanUpUi, translator} from '../helpers/banner-harness.js';
import {config, manager, rawConfig} from '../helpers/fixtures.js';
import {PreferencesHarness} from '../helpers/preferences-harness.js';
import {SettingsButtonHarness} from '../helpers/settings-button-harness.js';

const YOUTUBE: ServiceConfig = {
  id: 'youtube', name: 'YouTube', category: 'marketing', provider: 'Google Ireland Limited', purpose: 'Videos',
  privacyPolicyUrl: 'https://policies.google.com/privacy',
  embed: {kind: 'video', shares: {en: 'Loading the video sends Google your IP address.', sv: 'När videon laddas får Google din IP-adress.'}},
};

type Kind = 'banner' | 'preferences' | 'settings button' | 'embed placeholder';
const KINDS: readonly Kind[] = ['banner', 'preferences', 'settings button', 'embed placeholder'];
/**
 * How the scheme is chosen: forced by the config (`scheme` attribute) while the system says the
 * opposite, or left to the system (`prefers-color-scheme`, emulated).
 */
type Scheme = 'light' | 'dark' | 'system light' | 'system dark';
const SCHEMES: readonly Scheme[] = ['light', 'dark', 'system light', 'system dark'];

const added: Element[] = [];

interface Rendered {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  readonly manager: ConsentManager;
}

/** Puts one element on the page as a visitor meets it: banner up, dialog open with every list expanded, button after a decision. */
async function render(kind: Kind, language = 'en', scheme: Scheme = 'light'): Promise<Rendered> {
  const colorScheme = scheme === 'light' || scheme === 'dark' ? scheme : 'auto';
  await emulateMedia({colorScheme: scheme === 'dark' || scheme === 'system light' ? 'light' : 'dark'});
  if (scheme === 'system light') await emulateMedia({colorScheme: 'light'});
  const services = [...rawConfig().services!.filter((s) => s.id !== 'youtube'), YOUTUBE];
  const {manager: m} = manager(config({services, appearance: {colorScheme}}));
  await m.ready;
  let host: HTMLElement;
  if (kind === 'banner') host = (await BannerHarness.create(m, language)).element;
  else if (kind === 'preferences') {
    const prefs = await PreferencesHarness.create(m, language);
    await prefs.element.show();
    await prefs.expandAll();
    host = prefs.element;
  } else if (kind === 'settings button') {
    await m.rejectAll();
    host = (await SettingsButtonHarness.create(m, language)).element;
  } else {
    const frame = document.createElement('iframe');
    const wrap = document.createElement('div');
    wrap.append(frame);
    document.body.append(wrap);
    added.push(wrap);
    const placeholder = document.createElement('samtycke-embed-placeholder');
    Object.assign(placeholder, {manager: m, translator: translator(language, m.config), service: m.config.services.find((s) => s.id === 'youtube'), frame});
    placeholder.style.height = '320px';
    frame.before(placeholder);
    await placeholder.updateComplete;
    host = placeholder;
  }
  return {host, root: host.shadowRoot!, manager: m};
}

/** Whether text is hidden from sight on purpose (a status region, a label for screen readers only). */
const visuallyHidden = (element: Element): boolean => !!element.closest('.visually-hidden');

/** Elements of a shadow root that carry visible text of their own. */
function textElements(root: ShadowRoot): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('*')).filter((e) =>
    !visuallyHidden(e) && e.checkVisibility({visibilityProperty: true} as CheckVisibilityOptions) &&
    Array.from(e.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()));
}

/** Gives keyboard modality, then focus: what the visitor sees after Tab. */
async function keyboardFocus(element: HTMLElement): Promise<void> {
  await sendKeys({press: 'Shift'});
  element.focus();
}

suite('accessibility of the widget (WCAG 2.2 AA)', () => {
  suiteSetup(loadAxe);
  teardown(async () => {
    cleanUpUi();
    for (const element of added.splice(0)) element.remove();
    document.querySelectorAll('samtycke-embed-placeholder').forEach((e) => e.remove());
    await emulateMedia({colorScheme: 'light', reducedMotion: 'no-preference', forcedColors: 'none'});
    await setViewport({width: 800, height: 600});
  });

  for (const kind of KINDS) {
    for (const language of ['en', 'sv']) {
      for (const scheme of SCHEMES) {
        test(`${kind}, ${language}, ${scheme}: axe-core finds no WCAG A/AA violation`, async () => {
          const {host} = await render(kind, language, scheme);
          const dark = scheme === 'dark' || scheme === 'system dark';
          assert.equal(host.getAttribute('scheme'), scheme.startsWith('system') ? null : scheme, 'the config sets the scheme attribute, "auto" leaves it out');
          const background = getComputedStyle(host).getPropertyValue('--_bg').trim();
          assert.equal(background, dark ? '#1e1f23' : '#ffffff', `the ${dark ? 'dark' : 'light'} palette is in force`);
          assert.equal(host.lang, language, 'the host carries the language of its text');
          const violations = await axeViolations(host);
          assert.deepEqual(violations, [], 'no violations');
        });
      }
    }
  }

  for (const kind of KINDS) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`${kind}, ${scheme}: every text has 4.5:1 contrast, every control a visible focus ring with 3:1`, async () => {
        const {root, host} = await render(kind, 'en', scheme);
        const texts = textElements(root);
        if (kind !== 'settings button') assert.isNotEmpty(texts, 'there is text to measure');
        for (const element of texts) {
          const ratio = contrast(getComputedStyle(element).color, backgroundOf(element));
          assert.isAtLeast(ratio, 4.5, `${label(element)}: text contrast ${ratio}:1`);
        }
        const controls = targets(root).filter((c) => !c.matches(':disabled'));
        assert.isNotEmpty(controls, 'there are controls');
        for (const control of controls) {
          await keyboardFocus(control);
          assert.isTrue(control.matches(':focus-visible'), `${label(control)} shows keyboard focus`);
          const style = getComputedStyle(control);
          assert.equal(style.outlineStyle, 'solid', `${label(control)} has a focus outline`);
          assert.isAtLeast(parseFloat(style.outlineWidth), 2, `${label(control)}: outline at least 2 px`);
          // The ring is drawn outside the control (outline-offset), next to the background around it.
          const around = kind === 'settings button' ? getComputedStyle(host).getPropertyValue('--_bg') : backgroundOf(control.parentElement ?? host);
          const ratio = contrast(style.outlineColor, around);
          assert.isAtLeast(ratio, 3, `${label(control)}: focus ring ${style.outlineColor} on ${around} is ${ratio}:1`);
          if (kind === 'settings button') {
            assert.match(style.boxShadow, /0px 0px 0px 7px/, 'the floating button\'s ring sits on a 7 px halo of the theme background, whatever the page');
          }
        }
      });
    }
  }

  for (const scheme of ['light', 'dark'] as const) {
    test(`${scheme}: both banner buttons and every dialog button have 4.5:1 text, switches and borders 3:1`, async () => {
      const banner = await render('banner', 'en', scheme);
      for (const part of ['button-accept', 'button-reject', 'button-customize']) {
        const button = banner.root.querySelector(`[part~="${part}"]`)!;
        const style = getComputedStyle(button);
        const ratio = contrast(style.color, backgroundOf(button));
        assert.isAtLeast(ratio, 4.5, `${part}: ${ratio}:1`);
        assert.isAtLeast(contrast(style.borderTopColor, backgroundOf(button.parentElement!)), 3, `${part}: its border stands out from the banner`);
      }
      const prefs = await render('preferences', 'en', scheme);
      for (const input of prefs.root.querySelectorAll<HTMLInputElement>('input[role="switch"]')) {
        const style = getComputedStyle(input);
        const ratio = contrast(style.borderTopColor, backgroundOf(input.parentElement!));
        assert.isAtLeast(ratio, 3, `switch #${input.id}: outline ${ratio}:1 against what is around it`);
        const knob = getComputedStyle(input, '::before').backgroundColor;
        assert.isAtLeast(contrast(knob, style.backgroundColor), 3, `switch #${input.id}: the knob stands out on the track`);
      }
      const settings = await render('settings button', 'en', scheme);
      const button = settings.root.querySelector('button')!;
      assert.isAtLeast(contrast(getComputedStyle(button).color, getComputedStyle(button).backgroundColor), 4.5, 'the settings icon on its button');
    });
  }

  for (const kind of KINDS) {
    for (const language of ['en', 'sv']) {
      test(`${kind}, ${language}: every button, switch and link is at least 24×24 px`, async () => {
        await setViewport({width: 375, height: 700});
        const {root} = await render(kind, language);
        const controls = targets(root);
        assert.isNotEmpty(controls);
        for (const control of controls) {
          const {width, height} = box(control);
          assert.isAtLeast(width, 24, `${label(control)} is ${width} px wide`);
          assert.isAtLeast(height, 24, `${label(control)} is ${height} px tall`);
        }
        const buttons = controls.filter((c) => c.localName === 'button' && kind !== 'settings button');
        for (const button of buttons) assert.isAtLeast(box(button).height, 40, `${label(button)}: buttons aim for 44 px`);
      });
    }
  }

  test('prefers-reduced-motion: reduce removes every transition and animation', async () => {
    const everything = (root: ShadowRoot) => Array.from(root.querySelectorAll('*'));
    const motion = (root: ShadowRoot) => everything(root).flatMap((e) => [null, '::before', '::after'].map((pseudo) => {
      const style = getComputedStyle(e, pseudo);
      const moving = style.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || style.animationName !== 'none';
      return moving ? `${label(e)}${pseudo ?? ''} ${style.transitionDuration} ${style.animationName}` : '';
    })).filter(Boolean);
    const before = await render('preferences');
    assert.isNotEmpty(motion(before.root), 'without the preference the switches do move (the test can fail)');
    await emulateMedia({reducedMotion: 'reduce'});
    for (const kind of KINDS) {
      const {root} = await render(kind);
      assert.deepEqual(motion(root), [], `${kind}: nothing moves`);
    }
  });

  test('forced colours (Windows high contrast) keep the borders of buttons and switches and the focus ring', async () => {
    await emulateMedia({forcedColors: 'active'});
    for (const kind of KINDS) {
      const {root} = await render(kind);
      for (const control of targets(root).filter((c) => c.matches('button.button, input[role="switch"], [part~="button"]'))) {
        const style = getComputedStyle(control);
        assert.equal(style.borderTopStyle, 'solid', `${kind} ${label(control)}: border kept`);
        assert.isAtLeast(parseFloat(style.borderTopWidth), 1, `${kind} ${label(control)}: border width`);
        if (control.matches(':disabled')) continue;
        await keyboardFocus(control);
        assert.equal(getComputedStyle(control).outlineStyle, 'solid', `${kind} ${label(control)}: focus ring kept`);
      }
      // An open modal dialog would make the next element inert.
      cleanUpUi();
    }
  });

  test('hostile page CSS cannot change the banner\'s text: universal !important rules and a 62.5 % root', async () => {
    const style = document.createElement('style');
    style.textContent = `html { font-size: 62.5% !important }
      * { line-height: 3 !important; letter-spacing: 0.4em !important; word-spacing: 1em !important; text-transform: uppercase !important;
          font-size: 40px !important; font-style: italic !important; font-weight: 100 !important; color: rgb(255, 0, 0) !important;
          text-align: right !important; text-indent: 5em !important; white-space: nowrap !important; text-shadow: 0 0 4px red !important }`;
    document.head.append(style);
    added.push(style);
    await setViewport({width: 375, height: 800});
    const {root, host} = await render('banner');
    const text = root.querySelector('p')!;
    const computed = getComputedStyle(text);
    assert.equal(getComputedStyle(host).fontSize, '16px', 'the host keeps the visitor\'s default size (medium), not 40 px or 62.5 %');
    assert.equal(parseFloat(computed.lineHeight), parseFloat(computed.fontSize) * 1.5, 'line-height 1.5');
    assert.isAtLeast(parseFloat(computed.fontSize), 15, 'the text keeps its size');
    assert.equal(computed.letterSpacing, 'normal', 'no letter spacing');
    assert.equal(computed.wordSpacing, '0px', 'no word spacing');
    assert.equal(computed.textTransform, 'none', 'no upper case');
    assert.equal(computed.fontStyle, 'normal', 'no italics');
    assert.equal(computed.textAlign, 'start', 'aligned to the start');
    assert.equal(computed.whiteSpace, 'normal', 'text wraps');
    assert.equal(computed.textShadow, 'none', 'no shadow');
    assert.equal(computed.color, 'rgb(28, 28, 30)', 'the theme\'s text colour');
    assert.isAtMost(box(root.querySelector('[part~="banner"]')!).height, 800 * 0.45, 'the banner stays compact');
    assert.isAtMost(document.documentElement.scrollWidth, innerWidth, 'and nothing scrolls sideways');
    for (const kind of ['preferences', 'settings button', 'embed placeholder'] as const) {
      const other = await render(kind);
      assert.equal(getComputedStyle(other.host).lineHeight, '24px', `${kind}: line-height is its own`);
      assert.equal(getComputedStyle(other.host).letterSpacing, 'normal', `${kind}: letter spacing is its own`);
    }
  });

  test('the shop\'s own font by default, --samtycke-font when set', async () => {
    document.body.style.fontFamily = 'Georgia, serif';
    try {
      const {root} = await render('banner');
      assert.equal(getComputedStyle(root.querySelector('h2')!).fontFamily, 'Georgia, serif', 'inherits the page\'s font');
      document.documentElement.style.setProperty('--samtycke-font', 'monospace');
      assert.equal(getComputedStyle(root.querySelector('h2')!).fontFamily, 'monospace', '--samtycke-font wins');
    } finally {
      document.body.style.removeProperty('font-family');
      document.documentElement.style.removeProperty('--samtycke-font');
    }
  });

  test('theming: custom properties, their dark variants and ::part()', async () => {
    const page = document.documentElement.style;
    const tokens = {
      '--samtycke-color-background': 'rgb(250, 245, 230)', '--samtycke-color-text': 'rgb(20, 20, 20)', '--samtycke-color-accent': 'rgb(120, 20, 40)',
      '--samtycke-color-on-accent': 'rgb(255, 255, 250)', '--samtycke-color-border': 'rgb(100, 90, 80)', '--samtycke-radius': '3px',
      '--samtycke-z-index': '1234', '--samtycke-font-size': '18px', '--samtycke-shadow': 'none',
      '--samtycke-dark-color-background': 'rgb(10, 20, 30)', '--samtycke-dark-color-accent': 'rgb(200, 230, 255)',
    };
    const style = document.createElement('style');
    style.textContent = 'samtycke-banner::part(button-customize) { text-decoration: underline } samtycke-banner::part(title) { letter-spacing: 1px }';
    document.head.append(style);
    added.push(style);
    for (const [name, value] of Object.entries(tokens)) page.setProperty(name, value);
    try {
      const {root, host} = await render('banner');
      const banner = root.querySelector('[part~="banner"]')!;
      const accept = root.querySelector('[part~="button-accept"]')!;
      assert.equal(getComputedStyle(banner).backgroundColor, 'rgb(250, 245, 230)', 'background');
      assert.equal(getComputedStyle(root.querySelector('p')!).color, 'rgb(20, 20, 20)', 'text');
      assert.equal(getComputedStyle(accept).backgroundColor, 'rgb(120, 20, 40)', 'accent');
      assert.equal(getComputedStyle(accept).color, 'rgb(255, 255, 250)', 'on accent');
      assert.equal(getComputedStyle(banner).borderTopColor, 'rgb(100, 90, 80)', 'border');
      assert.equal(getComputedStyle(accept).borderTopLeftRadius, '3px', 'radius');
      assert.equal(getComputedStyle(host).zIndex, '1234', 'z-index');
      assert.equal(getComputedStyle(host).fontSize, '18px', 'font size');
      assert.equal(getComputedStyle(banner).boxShadow, 'none', 'shadow');
      assert.equal(getComputedStyle(root.querySelector('[part~="button-customize"]')!).textDecorationLine, 'underline', '::part(button-customize)');
      assert.equal(getComputedStyle(root.querySelector('[part~="title"]')!).letterSpacing, '1px', '::part(title) reaches past the reset');
      host.setAttribute('scheme', 'dark');
      assert.equal(getComputedStyle(banner).backgroundColor, 'rgb(10, 20, 30)', 'dark: --samtycke-dark-color-background');
      assert.equal(getComputedStyle(accept).backgroundColor, 'rgb(200, 230, 255)', 'dark: --samtycke-dark-color-accent');
      assert.equal(getComputedStyle(root.querySelector('p')!).color, 'rgb(242, 242, 244)', 'dark: a light-scheme text colour is not reused; the dark default applies');
    } finally {
      for (const name of Object.keys(tokens)) page.removeProperty(name);
    }
  });

  test('each element names its parts as the theme contract lists them', async () => {
    const parts = async (kind: Kind) => {
      const {root} = await render(kind);
      return new Set(Array.from(root.querySelectorAll('[part]')).flatMap((e) => e.getAttribute('part')!.split(/\s+/)));
    };
    const expect: Record<Kind, string[]> = {
      banner: ['banner', 'title', 'text', 'actions', 'button', 'button-accept', 'button-reject', 'button-customize', 'link'],
      preferences: ['dialog', 'title', 'category', 'switch', 'button', 'close'],
      'settings button': ['button'],
      'embed placeholder': ['placeholder', 'button', 'link'],
    };
    for (const kind of KINDS) {
      const found = await parts(kind);
      for (const part of expect[kind]) assert.isTrue(found.has(part), `${kind} has part "${part}"`);
    }
  });

  test('at 320×640 and 640×400 (200 % zoom) nothing scrolls sideways and "Reject all" is in view, banner and dialog', async () => {
    for (const [width, height] of [[320, 640], [640, 400]]) {
      await setViewport({width, height});
      for (const language of ['en', 'sv']) {
        for (const kind of ['banner', 'preferences'] as const) {
          const {root} = await render(kind, language);
          const reject = root.querySelector<HTMLElement>('[part~="button-reject"]')!;
          const r = box(reject);
          assert.isTrue(r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth, `${width}×${height} ${language} ${kind}: "Reject all" at ${JSON.stringify(r)}`);
          const hit = root.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
          assert.isTrue(hit === reject || reject.contains(hit), `${width}×${height} ${language} ${kind}: nothing covers "Reject all"`);
          assert.isAtMost(document.documentElement.scrollWidth, innerWidth, `${width}×${height} ${language} ${kind}: no sideways scroll`);
          cleanUpUi();
        }
      }
    }
  });
});
