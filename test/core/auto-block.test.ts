import {assert} from '@esm-bundle/chai';
import {installAutoBlocker, type AutoBlocker, type AutoBlockRule} from '../../src/core/gating/auto-block.js';
import {SamtyckeReadyEvent, type ConsentState} from '../../src/core/index.js';
import {cleanUp, config, manager, recordingConsole} from '../helpers/fixtures.js';

const vendor = (path: string) => new URL(`../fixtures/vendors/${path}`, import.meta.url).href;
const FBEVENTS = vendor('meta/fbevents.js');
const PIXEL = vendor('meta/tr.gif');
const GTAG = vendor('google/gtag.js');
const VIDEO = vendor('video/embed.html');

/** The catalogue index as the script tag has it, pointed at the local stand-ins. */
const RULES: Record<string, AutoBlockRule> = {
  'meta-pixel': {category: 'marketing', hosts: ['localhost/test/fixtures/vendors/meta']},
  ga4: {category: 'analytics', hosts: ['localhost/test/fixtures/vendors/google']},
  youtube: {category: 'marketing', hosts: ['localhost/test/fixtures/vendors/video']},
  hotjar: {category: 'analytics', hosts: ['*.hotjar.com']},
};

/**
 * The services of the fixture config, with the stand-ins' hosts, as `configure` gets them. (The
 * config validator wants public host names, so the manager gets the fixture config without hosts:
 * it never reads them.)
 */
const SERVICES = config().services.map((s) => ({...s, hosts: RULES[s.id]?.hosts}));

let blocker: AutoBlocker | undefined;
const added: Element[] = [];
const block = (rules = RULES) => {
  const out = recordingConsole();
  blocker = installAutoBlocker(document, rules, {console: out});
  return out;
};
const keep = <T extends Element>(element: T): T => (added.push(element), element);
const loaded = (element: Element) => new Promise<void>((resolve, reject) => {
  element.addEventListener('load', () => resolve(), {once: true});
  element.addEventListener('error', () => reject(new Error(`${element.localName} failed to load`)), {once: true});
});
const held = (element: Element) => ({
  src: element.getAttribute('src'), dataSrc: element.getAttribute('data-src'), auto: element.getAttribute('data-samtycke-auto'),
});

suite('automatic blocking: dynamic insertion', () => {
  setup(() => {
    window.ran = [];
  });
  teardown(() => {
    blocker?.stop();
    for (const element of added.splice(0)) element.remove();
    document.querySelectorAll('[data-samtycke-auto]').forEach((e) => e.remove());
    cleanUp();
  });

  test('the Meta base code’s createElement + src + insertBefore is held inert', async () => {
    block();
    const script = keep(document.createElement('script'));
    script.async = true;
    script.src = FBEVENTS;
    const first = document.getElementsByTagName('script')[0];
    first.parentNode!.insertBefore(script, first);
    assert.deepEqual(held(script), {src: null, dataSrc: FBEVENTS, auto: 'meta-pixel'}, 'the URL moved to data-src');
    assert.equal(script.type, 'text/plain', 'the browser does not run it');
    assert.equal(script.src, '', 'nothing to fetch');
  });

  test('setAttribute("src") and append, prepend, before, after, replaceChild: all held', () => {
    block();
    const scripts = Array.from({length: 5}, () => {
      const s = keep(document.createElement('script'));
      s.setAttribute('src', GTAG);
      return s;
    });
    const anchor = keep(document.createElement('div'));
    document.body.append(anchor);
    document.body.append(scripts[0]);
    document.body.prepend(scripts[1]);
    anchor.before(scripts[2]);
    anchor.after(scripts[3]);
    const old = keep(document.createElement('span'));
    document.body.append(old);
    document.body.replaceChild(scripts[4], old);
    for (const s of scripts) assert.deepEqual(held(s), {src: null, dataSrc: GTAG, auto: 'ga4'});
  });

  test('a script given its URL after it is in the document is held too', () => {
    block();
    const script = keep(document.createElement('script'));
    document.head.append(script);
    script.src = FBEVENTS;
    assert.deepEqual(held(script), {src: null, dataSrc: FBEVENTS, auto: 'meta-pixel'});
  });

  test('a type set after the URL is kept aside: the script stays inert', () => {
    block();
    const script = keep(document.createElement('script'));
    script.src = FBEVENTS;
    script.type = 'text/javascript';
    script.setAttribute('type', 'module');
    document.head.append(script);
    assert.equal(script.getAttribute('type'), 'text/plain');
    assert.equal(script.getAttribute('data-type'), 'module', 'released later with the type the page gave it');
  });

  test('a pixel image is held the moment it gets its URL, in the document or not', () => {
    block();
    const beacon = new Image();
    beacon.src = `${PIXEL}?ev=PageView`;
    const set = keep(document.createElement('img'));
    set.srcset = `${PIXEL}?ev=1 1x`;
    assert.deepEqual(held(beacon), {src: null, dataSrc: `${PIXEL}?ev=PageView`, auto: 'meta-pixel'});
    assert.equal(set.getAttribute('data-srcset'), `${PIXEL}?ev=1 1x`);
    assert.isFalse(set.hasAttribute('srcset'));
  });

  test('innerHTML and insertAdjacentHTML: iframes and images are held, the rest is parsed as written', () => {
    block();
    const box = keep(document.createElement('div'));
    document.body.append(box);
    box.innerHTML = `<p class="lead">Watch <b>this</b></p><iframe width="560" height="315" src="${VIDEO}?v=1" allowfullscreen></iframe>`;
    box.insertAdjacentHTML('beforeend', `<img alt="" src="${PIXEL}?noscript=1">`);
    const frame = box.querySelector('iframe')!;
    assert.deepEqual(held(frame), {src: null, dataSrc: `${VIDEO}?v=1`, auto: 'youtube'});
    assert.equal(frame.getAttribute('width'), '560', 'other attributes are kept');
    assert.equal(box.querySelector('p.lead')!.innerHTML, 'Watch <b>this</b>', 'markup around it is unchanged');
    assert.deepEqual(held(box.querySelector('img')!), {src: null, dataSrc: `${PIXEL}?noscript=1`, auto: 'meta-pixel'});
  });

  test('markup without a tracker is passed through untouched, text in a textarea too', () => {
    block();
    const box = keep(document.createElement('div'));
    document.body.append(box);
    const markup = '<img alt="logo" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p>ok</p>';
    box.innerHTML = markup;
    assert.equal(box.innerHTML, markup);
    const area = keep(document.createElement('textarea'));
    area.innerHTML = `<iframe src="${VIDEO}"></iframe>`;
    assert.equal(area.value, `<iframe src="${VIDEO}"></iframe>`, 'text is text');
  });

  test('an iframe cloned from a <template> is held when it is inserted', () => {
    block();
    const template = keep(document.createElement('template'));
    template.content.append(Object.assign(document.createElement('div'), {className: 'media'}));
    // Built in the template's inert document, as Shopify's deferred media does in its markup.
    const frame = template.content.ownerDocument.createElement('iframe');
    frame.setAttribute('src', VIDEO);
    template.content.firstElementChild!.append(frame);
    const copy = keep(document.importNode(template.content, true).firstElementChild!);
    document.body.appendChild(copy);
    assert.deepEqual(held(copy.querySelector('iframe')!), {src: null, dataSrc: VIDEO, auto: 'youtube'});
  });

  test('first-party and unknown URLs, and the shop’s own tags, are left alone', async () => {
    block();
    const own = keep(document.createElement('script'));
    own.src = new URL('../fixtures/external-a.js', import.meta.url).href;
    const json = keep(document.createElement('script'));
    json.type = 'application/ld+json';
    json.setAttribute('src', FBEVENTS);
    const tagged = keep(document.createElement('script'));
    tagged.type = 'text/plain';
    tagged.dataset.consent = 'marketing';
    tagged.src = FBEVENTS;
    const ownRan = loaded(own);
    document.head.append(own, json, tagged);
    await ownRan;
    assert.isFalse(own.hasAttribute('data-samtycke-auto'), 'the shop’s own script');
    assert.equal(json.getAttribute('src'), FBEVENTS, 'a script type the browser does not run');
    assert.equal(tagged.getAttribute('src'), FBEVENTS, 'tagged by the shop: the gate’s business');
  });
});

suite('automatic blocking: the configuration', () => {
  setup(() => {
    window.ran = [];
  });
  teardown(() => {
    blocker?.stop();
    for (const element of added.splice(0)) element.remove();
    document.querySelectorAll('[data-samtycke-auto], script[src*="vendors/"]').forEach((e) => e.remove());
    cleanUp();
  });

  const inject = (src: string, onload?: () => void) => {
    const script = keep(document.createElement('script'));
    if (onload) script.onload = onload;
    script.src = src;
    document.head.append(script);
    return script;
  };

  test('held scripts of a declared service wait for its consent, then run once in order, and the loader’s onload fires', async () => {
    block();
    let onload = 0;
    inject(GTAG);
    inject(vendor('google/after.js'), () => onload++);
    blocker!.configure({services: SERVICES});
    const {manager: m} = manager();
    await m.ready;
    await m.settled();
    assert.deepEqual(window.ran, [], 'nothing runs before consent');
    await m.save({analytics: true});
    await m.settled();
    assert.deepEqual(window.ran, ['gtag', 'after'], 'in the order the page added them');
    assert.equal(onload, 1, 'the page’s own load handler is told, once');
  });

  test('a service allowed on its own releases its held iframe; loadOnce releases one for this page view', async () => {
    block();
    const frames = [1, 2].map((n) => {
      const frame = keep(document.createElement('iframe'));
      frame.src = `${VIDEO}?v=${n}`;
      document.body.append(frame);
      return frame;
    });
    blocker!.configure({services: SERVICES});
    const {manager: m} = manager();
    await m.ready;
    assert.equal(frames[0].getAttribute('data-service'), 'youtube', 'handed to the gate');
    const once = loaded(frames[0]);
    assert.isTrue(m.loadOnce(frames[0]), 'released once');
    await once;
    assert.equal(frames[0].getAttribute('src'), `${VIDEO}?v=1`);
    assert.isNull(frames[1].getAttribute('src'), 'the other video still waits');
    assert.isFalse(m.state.services.youtube, 'nothing recorded');
    await m.allowService('youtube', {source: 'embed'});
    assert.equal(frames[1].getAttribute('src'), `${VIDEO}?v=2`, 'allowed: released');
  });

  test('exempt services and URLs no rule matches any more are restored and run in order', async () => {
    block();
    const gtag = inject(GTAG);
    inject(FBEVENTS);
    const frame = keep(document.createElement('iframe'));
    frame.src = VIDEO;
    document.body.append(frame);
    const withoutYoutubeHosts = SERVICES.map((s) => (s.id === 'youtube' ? {...s, hosts: []} : s));
    const ran = loaded(gtag);
    blocker!.configure({services: withoutYoutubeHosts, exempt: ['ga4']});
    await ran;
    assert.deepEqual(window.ran, ['gtag'], 'GA4 (exempt) runs at once, Meta still waits');
    assert.equal(frame.getAttribute('src'), VIDEO, 'the owner’s hosts for youtube no longer match it');
    assert.isFalse(frame.hasAttribute('data-samtycke-auto'), 'no trace of holding');
    const later = inject(GTAG);
    assert.equal(later.getAttribute('src'), GTAG, 'an exempt service is not held afterwards either');
  });

  test('a catalogue service the config does not declare stays blocked, with one console error', async () => {
    const out = block();
    const scripts = [1, 2].map((n) => inject(`https://static.hotjar.com/c/hotjar-${n}.js`));
    blocker!.configure({services: SERVICES});
    inject('https://script.hotjar.com/modules.js');
    const {manager: m} = manager();
    await m.acceptAll();
    await m.settled();
    for (const s of scripts) assert.equal(s.getAttribute('type'), 'text/plain', 'never released, even after Accept all');
    const errors = out.lines.filter((l) => l.level === 'error');
    assert.lengthOf(errors, 1, 'one error per service');
    assert.include(errors[0].text, 'https://static.hotjar.com/c/hotjar-1.js');
    assert.include(errors[0].text, '"hotjar"');
    assert.include(errors[0].text, 'add "hotjar" to "services"');
  });

  test('"autoBlock": false restores everything held and holds nothing more', async () => {
    block();
    const ran = loaded(inject(FBEVENTS));
    blocker!.configure({services: SERVICES, enabled: false});
    await ran;
    assert.deepEqual(window.ran, ['fbevents'], 'restored: it runs');
    const beacon = new Image();
    beacon.src = PIXEL;
    assert.equal(beacon.getAttribute('src'), PIXEL);
  });

  test('once a service is allowed, what the page adds for it loads untouched', async () => {
    block();
    blocker!.configure({services: SERVICES, isAllowed: (id) => id === 'meta-pixel'});
    const beacon = new Image();
    beacon.src = `${PIXEL}?ev=Purchase`;
    assert.equal(beacon.getAttribute('src'), `${PIXEL}?ev=Purchase`, 'the pixel fires');
    const video = keep(document.createElement('iframe'));
    video.src = VIDEO;
    assert.isNull(video.getAttribute('src'), 'YouTube is not allowed: held');
  });

  test('without isAllowed, the manager’s events on the document say what is allowed', () => {
    block();
    blocker!.configure({services: SERVICES});
    const state = {status: 'decided', services: {'meta-pixel': true, youtube: false}} as unknown as ConsentState;
    document.dispatchEvent(new SamtyckeReadyEvent(state));
    const beacon = new Image();
    beacon.src = PIXEL;
    assert.equal(beacon.getAttribute('src'), PIXEL, 'Meta is allowed');
    const video = keep(document.createElement('iframe'));
    video.src = VIDEO;
    assert.isNull(video.getAttribute('src'), 'YouTube is not');
  });

  test('a held iframe released on consent is held again after a withdrawal, and released again on a new consent', async () => {
    block();
    const frame = keep(document.createElement('iframe'));
    frame.src = VIDEO;
    document.body.append(frame);
    blocker!.configure({services: SERVICES});
    const {manager: m} = manager();
    await m.acceptAll();
    assert.equal(frame.getAttribute('src'), VIDEO);
    await m.withdraw();
    assert.equal(frame.getAttribute('src'), 'about:blank', 'the video is taken away');
    assert.deepEqual([frame.getAttribute('data-src'), frame.getAttribute('data-service')], [VIDEO, 'youtube'], 'still tagged, so it can come back');
    await m.allowService('youtube');
    assert.equal(frame.getAttribute('src'), VIDEO);
  });
});
