// Every way a page can make the browser fetch a tracker's script, image or iframe from script,
// run both while the config loads and after it is applied: none may reach the tracker's host
// before consent, and each one in the document loads after it. This is the measurement behind
// the page hooks in src/core/gating/dom-hooks.ts: a MutationObserver alone runs after an
// inserted script or iframe has started loading, and an image loads as soon as it has a URL.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {serveVendors} from '../fixtures/vendors/stand-ins.mjs';
import {ready, shopConfig, shopPage, useBrowser, visit, widget} from './helpers.mjs';

const env = useBrowser();

/**
 * The shapes, each a function of a unique name that adds one element for the Meta pixel
 * (scripts, images) or YouTube (iframes). `later: false`: held, but not loaded after consent on
 * this page view, because the gate releases what is in the document: an image beacon that never
 * entered it is dropped, and an iframe in a shadow root loads once the page adds it again (on the
 * next page view at the latest).
 */
const SHAPES = String.raw`
const js = (n) => 'https://connect.facebook.net/shapes/' + n + '.js';
const gif = (n) => 'https://www.facebook.com/tr?shape=' + n;
const video = (n) => 'https://www.youtube.com/embed/' + n;
const box = () => document.body.appendChild(document.createElement('div'));
const script = (n) => { const s = document.createElement('script'); s.src = js(n); return s; };
const frame = (n) => { const f = document.createElement('iframe'); f.src = video(n); return f; };
const parsed = (html) => document.adoptNode(new DOMParser().parseFromString(html, 'text/html').body.firstElementChild);
window.shapes = {
  'script src + appendChild': (n) => document.head.appendChild(script(n)),
  'script src + insertBefore': (n) => { const f = document.getElementsByTagName('script')[0]; f.parentNode.insertBefore(script(n), f); },
  'script setAttribute + append': (n) => { const s = document.createElement('script'); s.setAttribute('src', js(n)); document.body.append(s); },
  'script src + prepend': (n) => document.body.prepend(script(n)),
  'script src + before': (n) => box().before(script(n)),
  'script src + after': (n) => box().after(script(n)),
  'script src + replaceChild': (n) => { const b = box(); b.parentNode.replaceChild(script(n), b); },
  'script src + replaceWith': (n) => box().replaceWith(script(n)),
  'script src after insertion': (n) => { const s = document.createElement('script'); document.head.append(s); s.src = js(n); },
  'script type after src': (n) => { const s = script(n); s.type = 'text/javascript'; document.head.append(s); },
  'image new Image()': {later: false, run: (n) => { new Image().src = gif(n); }},
  'image innerHTML, not inserted': {later: false, run: (n) => { document.createElement('div').innerHTML = '<img src="' + gif(n) + '">'; }},
  'image setAttribute + append': (n) => { const i = document.createElement('img'); i.setAttribute('src', gif(n)); document.body.append(i); },
  'image srcset + append': (n) => { const i = document.createElement('img'); i.srcset = gif(n) + ' 1x'; document.body.append(i); },
  'iframe src + appendChild': (n) => document.body.appendChild(frame(n)),
  'iframe src after insertion': (n) => { const f = document.createElement('iframe'); document.body.append(f); f.src = video(n); },
  'iframe innerHTML': (n) => { box().innerHTML = '<p>Video</p><iframe src="' + video(n) + '"></iframe>'; },
  'iframe insertAdjacentHTML': (n) => box().insertAdjacentHTML('beforeend', '<iframe src="' + video(n) + '"></iframe>'),
  'iframe outerHTML': (n) => { box().outerHTML = '<iframe src="' + video(n) + '"></iframe>'; },
  'iframe cloned from a template': (n) => { const t = document.createElement('template'); t.innerHTML = '<div><iframe src="' + video(n) + '"></iframe></div>'; document.body.append(t.content.cloneNode(true)); },
  'iframe createContextualFragment': (n) => document.body.append(document.createRange().createContextualFragment('<iframe src="' + video(n) + '"></iframe>')),
  'iframe in a shadow root': {later: false, run: (n) => box().attachShadow({mode: 'open'}).append(frame(n))},
  'iframe from DOMParser + replaceChildren': (n) => box().replaceChildren(parsed('<iframe src="' + video(n) + '"></iframe>')),
  'iframe from DOMParser + insertAdjacentElement': (n) => box().insertAdjacentElement('afterend', parsed('<iframe src="' + video(n) + '"></iframe>')),
};
window.runShapes = (phase) => {
  for (const [name, shape] of Object.entries(window.shapes)) (shape.run ?? shape)(phase + '-' + name.replace(/\W+/g, '-'));
};`;

const kebab = (name) => name.replace(/\W+/g, '-');

describe('automatic blocking: every path to a request', () => {
  test('no request reaches a blocked host before consent, whether the page adds it while the config loads or after; each one in the document loads after consent', async (t) => {
    const names = await (async () => {
      const fn = new Function(`const window = {}; const document = {}; ${SHAPES}; return window.shapes;`);
      return Object.entries(fn()).map(([name, shape]) => ({name, later: shape.later !== false}));
    })();
    const files = {
      '/e2e/page.html': shopPage({head: `<script>${SHAPES}</script>`, body: `<script>runShapes('early')</script>`}),
      '/e2e/config.json': JSON.stringify(shopConfig({services: ['meta-pixel', 'youtube']})),
    };
    const {context, page} = await visit(t, env, {files});
    const vendors = await serveVendors(context);
    await page.goto(env.url + 'e2e/page.html');
    await ready(page);
    await page.evaluate(() => window.runShapes('late'));
    await page.waitForLoadState('load');
    assert.deepEqual(vendors.requests, [], 'nothing reached Meta or YouTube before consent');

    const expected = ['early', 'late'].flatMap((phase) => names.filter((s) => s.later).map((s) => `${phase}-${kebab(s.name)}`));
    const responses = expected.map((id) => page.waitForResponse((r) => r.url().includes(id)));
    vendors.mark('consent');
    await widget(page).banner.acceptAll.click();
    await Promise.all(responses);
    const after = vendors.after('consent');
    const missing = expected.filter((id) => !after.some((url) => url.includes(id)));
    assert.deepEqual(missing, [], 'each held element in the document loads after consent');
    const dropped = ['early', 'late'].flatMap((phase) => names.filter((s) => !s.later).map((s) => `${phase}-${kebab(s.name)}`));
    assert.ok(dropped.every((id) => !after.some((url) => url.includes(id))), 'a beacon is not sent late, out of context');
  });
});
