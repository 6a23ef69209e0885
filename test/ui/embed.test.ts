import {assert} from '@esm-bundle/chai';
import type {ConsentManager, ServiceConfig} from '../../src/core/index.js';
import '../../src/ui/embed/samtycke-embed-placeholder.js';
import type {SamtyckeEmbedPlaceholder} from '../../src/ui/embed/samtycke-embed-placeholder.js';
import {watchEmbeds} from '../../src/ui/embed/watch-embeds.js';
import {accessibleName, isShown, press, translator} from '../helpers/banner-harness.js';
import {cleanUp, config, manager, rawConfig} from '../helpers/fixtures.js';

const VIDEO = new URL('../fixtures/vendors/video/embed.html', import.meta.url).href;

const YOUTUBE: ServiceConfig = {
  id: 'youtube', name: 'YouTube', category: 'marketing', provider: 'Google Ireland Limited', purpose: 'Videos',
  privacyPolicyUrl: 'https://policies.google.com/privacy',
  embed: {kind: 'video', shares: {en: 'Loading the video sends Google your IP address.', sv: 'När videon laddas får Google din IP-adress.'}},
};
const MAPS: ServiceConfig = {
  id: 'google-maps', name: 'Google Maps', category: 'functional', provider: 'Google Ireland Limited', purpose: 'Maps',
  embed: {kind: 'map', shares: 'Loading the map sends Google your IP address.'},
};

/** The fixture config with YouTube and Google Maps as embeds. */
const embedConfig = () => config({services: [...rawConfig().services!.filter((s) => s.id !== 'youtube'), YOUTUBE, MAPS]});

/** Drives a placeholder as a visitor does. */
class EmbedHarness {
  constructor(readonly element: SamtyckeEmbedPlaceholder) {}

  get #root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  region(): HTMLElement | null {
    return this.#root.querySelector('[part~="placeholder"]');
  }

  button(part: 'load' | 'allow'): HTMLButtonElement | null {
    return this.#root.querySelector(`button[part~="${part}"]`);
  }

  text(): string {
    return (this.region()?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  policy(): HTMLAnchorElement | null {
    return this.#root.querySelector('a[part~="link"]');
  }
}

const placeholders = () => Array.from(document.querySelectorAll('samtycke-embed-placeholder'), (e) => new EmbedHarness(e));
const rect = (element: Element) => {
  const {x, y, width, height} = element.getBoundingClientRect();
  return {x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height)};
};

const added: Element[] = [];
/** Puts markup in a fresh box of `width` pixels. */
function page(markup: string, width = 800): HTMLElement {
  const box = document.createElement('div');
  box.style.width = `${width}px`;
  box.innerHTML = markup;
  document.body.append(box);
  added.push(box);
  return box;
}

/** A manager that answers what the placeholder asks and records what it is told. */
function fakeManager(loadOnce = true) {
  const calls: string[] = [];
  const fake = {
    config: embedConfig(),
    state: {status: 'undecided', services: {}, categories: {}},
    on: () => () => undefined,
    loadOnce: (frame: Element) => (calls.push(`loadOnce ${frame.id}`), loadOnce),
    allowService: async (id: string, options: {source: string}) => void calls.push(`allowService ${id} ${options.source}`),
  };
  return {manager: fake as unknown as ConsentManager, calls};
}

suite('samtycke-embed-placeholder', () => {
  teardown(() => {
    for (const element of added.splice(0)) element.remove();
    cleanUp();
  });

  async function create(service: ServiceConfig, language = 'en', loadOnce = true) {
    const {manager: m, calls} = fakeManager(loadOnce);
    const frame = page('<iframe id="video"></iframe>').querySelector('iframe')!;
    const element = document.createElement('samtycke-embed-placeholder');
    Object.assign(element, {manager: m, translator: translator(language), service, frame});
    frame.before(element);
    await element.updateComplete;
    return {harness: new EmbedHarness(element), calls, frame};
  }

  test('a labelled region that names the service and what loading shares, with the policy link and two real buttons', async () => {
    const {harness} = await create(YOUTUBE);
    const region = harness.region()!;
    assert.equal(region.localName, 'section', 'a region…');
    assert.equal(accessibleName(region), 'Video from YouTube', '…labelled with the embed’s name');
    assert.include(harness.text(), 'Loading the video sends Google your IP address.');
    assert.equal(harness.policy()!.href, 'https://policies.google.com/privacy');
    assert.equal(accessibleName(harness.policy()!), 'YouTube privacy policy');
    assert.equal(accessibleName(harness.button('load')!), 'Load video');
    assert.equal(accessibleName(harness.button('allow')!), 'Always allow YouTube');
    for (const part of ['load', 'allow'] as const) {
      const {width, height} = harness.button(part)!.getBoundingClientRect();
      assert.isAtLeast(Math.min(width, height), 24, `${part}: a target of at least 24×24 px (WCAG 2.5.8)`);
    }
  });

  test('speaks the visitor’s language and says “map” for a map', async () => {
    const {harness} = await create(YOUTUBE, 'sv');
    assert.equal(accessibleName(harness.region()!), 'Video från YouTube');
    assert.equal(accessibleName(harness.button('load')!), 'Visa video');
    assert.include(harness.text(), 'När videon laddas får Google din IP-adress.');
    const map = (await create(MAPS)).harness;
    assert.equal(accessibleName(map.button('load')!), 'Load map');
    assert.isNull(map.policy(), 'no policy URL, no link');
  });

  test('“Load video” asks the manager to load this iframe once and tells the page', async () => {
    const {harness, calls, frame} = await create(YOUTUBE);
    let told: HTMLIFrameElement | undefined;
    document.addEventListener('samtycke-embed-load', (e) => (told = e.frame), {once: true});
    press(harness.button('load'), '“Load video”');
    assert.deepEqual(calls, ['loadOnce video']);
    assert.strictEqual(told, frame, 'samtycke-embed-load names the iframe');
  });

  test('nothing is announced when the manager does not release the iframe', async () => {
    const {harness} = await create(YOUTUBE, 'en', false);
    let told = false;
    const listener = () => (told = true);
    document.addEventListener('samtycke-embed-load', listener);
    press(harness.button('load'), '“Load video”');
    document.removeEventListener('samtycke-embed-load', listener);
    assert.isFalse(told);
  });

  test('carries the language of its text, and themes through the shared tokens', async () => {
    assert.equal((await create(YOUTUBE)).harness.element.lang, 'en');
    const swedish = (await create(YOUTUBE, 'sv')).harness.element;
    assert.equal(swedish.lang, 'sv', 'lang="sv" for Swedish text');
    assert.equal(getComputedStyle(swedish).backgroundColor, 'rgb(241, 243, 245)', 'the surface colour by default');
    swedish.setAttribute('scheme', 'dark');
    assert.equal(getComputedStyle(swedish).backgroundColor, 'rgb(42, 44, 49)', 'the dark surface with scheme="dark"');
  });

  test('“Always allow YouTube” records a consent for the service, from the embed', async () => {
    const {harness, calls} = await create(YOUTUBE);
    press(harness.button('allow'), '“Always allow YouTube”');
    assert.deepEqual(calls, ['allowService youtube embed']);
  });
});

suite('watchEmbeds', () => {
  let stop: (() => void) | undefined;
  teardown(() => {
    stop?.();
    for (const element of added.splice(0)) element.remove();
    cleanUp();
  });

  async function watch(markup: string, width?: number) {
    const box = page(markup, width);
    const {manager: m} = manager(embedConfig());
    await m.ready;
    stop = watchEmbeds({document, manager: m, translator: translator('en', m.config)});
    await Promise.all(placeholders().map((p) => p.element.updateComplete));
    return {box, m};
  }

  test('a blocked YouTube iframe gets a placeholder in its own box; the iframe is hidden', async () => {
    const {box} = await watch(`<p>Before</p><iframe width="560" height="315" data-service="youtube" data-src="${VIDEO}"></iframe><p id="after">After</p>`);
    const [placeholder] = placeholders();
    const frame = box.querySelector('iframe')!;
    assert.isFalse(isShown(frame), 'the empty iframe is hidden');
    assert.deepEqual(rect(placeholder.element), {...rect(placeholder.element), width: 564, height: 319}, 'the iframe’s size, its default 2px border included');
    assert.strictEqual(placeholder.element.nextElementSibling, frame, 'in the iframe’s place');
  });

  test('allowing the service by any route removes every placeholder of it: the iframe loads in the same box, nothing moves', async () => {
    const {box, m} = await watch(`
      <iframe id="a" width="560" height="315" data-service="youtube" data-src="${VIDEO}?a"></iframe>
      <iframe id="b" width="560" height="315" data-service="youtube" data-src="${VIDEO}?b"></iframe>
      <p id="after">After</p>`);
    assert.lengthOf(placeholders(), 2);
    const before = rect(box.querySelector('#after')!);
    const box1 = rect(placeholders()[0].element);
    await m.acceptAll();
    assert.lengthOf(placeholders(), 0, 'gone once YouTube is allowed');
    const frame = box.querySelector<HTMLIFrameElement>('#a')!;
    assert.isTrue(isShown(frame));
    assert.equal(frame.getAttribute('src'), `${VIDEO}?a`, 'released by the gate');
    assert.deepEqual(rect(frame), box1, 'the iframe takes exactly the placeholder’s box');
    assert.deepEqual(rect(box.querySelector('#after')!), before, 'no layout shift');
    await m.withdraw();
    assert.lengthOf(placeholders(), 2, 'back after a withdrawal');
  });

  test('“Load video” loads this iframe only, for this page view, and moves focus to it', async () => {
    const {box, m} = await watch(`
      <iframe id="a" data-service="youtube" data-src="${VIDEO}?a"></iframe>
      <iframe id="b" data-service="youtube" data-src="${VIDEO}?b"></iframe>`);
    const [first] = placeholders();
    first.button('load')!.focus();
    press(first.button('load'), '“Load video”');
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    const frame = box.querySelector<HTMLIFrameElement>('#a')!;
    assert.equal(frame.getAttribute('src'), `${VIDEO}?a`);
    assert.lengthOf(placeholders(), 1, 'the other video keeps its placeholder');
    assert.strictEqual(document.activeElement, frame, 'focus follows to the video');
    assert.equal(frame.title, 'Video from YouTube', 'an untitled iframe gets the placeholder’s name');
    assert.isFalse(m.state.services.youtube, 'nothing recorded');
    await m.save({analytics: true});
    assert.lengthOf(placeholders(), 1, 'a later decision leaves the loaded video alone');
  });

  test('“Always allow YouTube” releases it, records the consent and moves focus to the iframe', async () => {
    const {box, m} = await watch(`<iframe id="a" title="Our film" data-service="youtube" data-src="${VIDEO}"></iframe>`);
    const [placeholder] = placeholders();
    placeholder.button('allow')!.focus();
    const changed = new Promise<void>((resolve) => m.on('samtycke-change', () => resolve()));
    press(placeholder.button('allow'), '“Always allow YouTube”');
    await changed;
    assert.isTrue(m.state.services.youtube, 'a consent for YouTube');
    assert.equal(m.state.record?.source, 'embed');
    assert.lengthOf(placeholders(), 0);
    const frame = box.querySelector<HTMLIFrameElement>('#a')!;
    assert.strictEqual(document.activeElement, frame);
    assert.equal(frame.title, 'Our film', 'the shop’s own title is kept');
  });

  test('on a 375 px screen the placeholder follows the iframe’s responsive size and everything can be reached', async () => {
    const {box} = await watch(`<iframe style="width: 100%; height: auto; aspect-ratio: 16 / 9; border: 0" data-service="youtube" data-src="${VIDEO}"></iframe>`, 343);
    const [placeholder] = placeholders();
    assert.deepEqual([rect(placeholder.element).width, rect(placeholder.element).height], [343, 193], '16:9 at the column’s width');
    box.style.width = '300px';
    assert.equal(rect(placeholder.element).width, 300, 'follows the column as it changes');
    for (const part of ['load', 'allow'] as const) {
      const button = placeholder.button(part)!;
      button.scrollIntoView({block: 'nearest'});
      const inside = rect(placeholder.element);
      const {width} = rect(button);
      assert.isAtMost(width, inside.width, `${part} fits the width`);
    }
    assert.isAtLeast(placeholder.element.scrollHeight, placeholder.element.clientHeight, 'what does not fit scrolls inside the box');
  });

  test('a hidden tracking frame, a service without embed info and an allowed service get no placeholder', async () => {
    const store = (await import('../../src/core/index.js')).createMemoryStore();
    const first = manager(embedConfig(), {store}).manager;
    await first.save({functional: true});
    first.destroy();
    page(`
      <iframe style="display: none" data-service="youtube" data-src="${VIDEO}?hidden"></iframe>
      <iframe data-service="meta-pixel" data-src="${VIDEO}?pixel"></iframe>
      <iframe data-service="google-maps" data-src="${VIDEO}?map"></iframe>`);
    const {manager: m} = manager(embedConfig(), {store});
    await m.ready;
    stop = watchEmbeds({document, manager: m, translator: translator('en', m.config)});
    assert.lengthOf(placeholders(), 0, 'Maps is allowed (functional); the others are not embeds on screen');
  });

  test('iframes added later get a placeholder too', async () => {
    const {box} = await watch('<div id="slot"></div>');
    box.querySelector('#slot')!.innerHTML = `<iframe data-service="youtube" data-src="${VIDEO}"></iframe>`;
    await new Promise<void>((resolve) => setTimeout(resolve));
    assert.lengthOf(placeholders(), 1);
  });
});
