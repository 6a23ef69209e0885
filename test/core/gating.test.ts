import {assert} from '@esm-bundle/chai';
import {cleanUp, config, manager, mount} from '../helpers/fixtures.js';

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).href;

suite('gating', () => {
  setup(() => {
    window.ran = [];
  });
  teardown(cleanUp);

  test('a tagged script waits for consent and runs once', async () => {
    mount(`<script type="text/plain" data-consent="analytics">window.ran.push('inline')</script>`);
    const {manager: m} = manager();
    await m.ready;
    assert.deepEqual(window.ran, [], 'nothing may run before consent');
    await m.save({analytics: true});
    assert.deepEqual(window.ran, ['inline'], 'released exactly once');
    await m.save({analytics: true, marketing: true});
    assert.deepEqual(window.ran, ['inline'], 'a second decision does not run it again');
  });

  test('external and inline scripts run in document order', async () => {
    mount(`
      <div>
        <script type="text/plain" data-consent="analytics" src="${fixture('external-a.js')}"></script>
        <script type="text/plain" data-consent="analytics">window.ran.push('inline-1')</script>
        <script type="text/plain" data-consent="analytics" data-src="${fixture('external-b.js')}"></script>
        <script type="text/plain" data-consent="analytics">window.ran.push('inline-2')</script>
      </div>`);
    const {manager: m} = manager();
    await m.acceptAll();
    await m.settled();
    assert.deepEqual(window.ran, ['external-a', 'inline-1', 'external-b', 'inline-2']);
  });
});

suite('gating details', () => {
  setup(() => {
    window.ran = [];
  });
  teardown(cleanUp);

  test('several categories must all be allowed', async () => {
    mount(`<script type="text/plain" data-consent="analytics marketing">window.ran.push('both')</script>`);
    const {manager: m} = manager();
    await m.save({analytics: true});
    assert.deepEqual(window.ran, [], 'analytics alone is not enough');
    await m.save({analytics: true, marketing: true});
    assert.deepEqual(window.ran, ['both']);
  });

  test('data-service needs the service itself to be allowed', async () => {
    mount(`
      <script type="text/plain" data-consent="marketing" data-service="meta-pixel">window.ran.push('pixel')</script>
      <script type="text/plain" data-consent="marketing" data-service="youtube">window.ran.push('youtube')</script>`);
    const {manager: m} = manager();
    await m.save({marketing: true}, {services: {'meta-pixel': false}});
    assert.deepEqual(window.ran, ['youtube'], 'the refused service stays blocked');
  });

  test('the CSP nonce and other attributes are kept; data-type="module" runs as a module', async () => {
    const [script] = mount(`<script type="text/plain" data-consent="analytics" id="keep" class="tracker" data-extra="x">window.ran.push('classic')</script>`);
    (script as HTMLScriptElement).nonce = 'n0nce';
    mount(`<script type="text/plain" data-type="module" data-consent="analytics" src="${fixture('external-module.js')}"></script>`);
    const {manager: m} = manager();
    await m.acceptAll();
    await m.settled();
    const released = document.getElementById('keep') as HTMLScriptElement;
    assert.notStrictEqual(released, script, 'a fresh element, since an inert script never runs');
    assert.equal(released.nonce, 'n0nce', 'nonce kept');
    assert.equal(released.className, 'tracker');
    assert.equal(released.dataset.extra, 'x');
    assert.isFalse(released.hasAttribute('type'), 'a classic script again');
    assert.equal(document.querySelector<HTMLScriptElement>('script[src$="external-module.js"]')!.type, 'module');
    assert.deepEqual(window.ran, ['classic', 'external-module']);
  });

  test('iframes and images get their src on consent and lose it on withdrawal', async () => {
    const [frame, image] = mount(`
      <iframe data-consent="marketing" data-src="about:blank#video"></iframe>
      <img data-consent="marketing" data-src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">`);
    const {manager: m} = manager(config({reloadOnWithdrawal: false}));
    await m.ready;
    assert.isFalse(frame.hasAttribute('src'), 'the iframe does not load before consent');
    assert.isFalse(image.hasAttribute('src'), 'the pixel does not load before consent');
    await m.save({marketing: true});
    assert.equal(frame.getAttribute('src'), 'about:blank#video');
    assert.match(image.getAttribute('src')!, /^data:image/);
    await m.withdraw();
    assert.equal(frame.getAttribute('src'), 'about:blank', 'the embed is unloaded');
    assert.isFalse(image.hasAttribute('src'));
    await m.save({marketing: true});
    assert.equal(frame.getAttribute('src'), 'about:blank#video', 'and loads again on a new consent');
  });

  test('tagged elements added later are gated too', async () => {
    const {manager: m} = manager();
    await m.ready;
    const added = new Promise<void>((resolve) => ((window as any).resolveAdded = resolve));
    mount(`<script type="text/plain" data-consent="analytics">window.ran.push('late'); window.resolveAdded()</script>`);
    await m.save({marketing: true});
    assert.deepEqual(window.ran, [], 'waits for its own consent');
    await m.save({analytics: true});
    await added;
    assert.deepEqual(window.ran, ['late']);
    const second = new Promise<void>((resolve) => ((window as any).resolveAdded = resolve));
    mount(`<script type="text/plain" data-consent="analytics">window.ran.push('after'); window.resolveAdded()</script>`);
    await second;
    assert.deepEqual(window.ran, ['late', 'after'], 'added after consent runs at once');
  });

  test('a withdrawal while a download is pending keeps the scripts behind it blocked', async () => {
    const url = URL.createObjectURL(new Blob([`(window.ran ??= []).push('slow')`], {type: 'text/javascript'}));
    mount(`
      <script type="text/plain" data-consent="analytics" src="${url}"></script>
      <script type="text/plain" data-consent="analytics">window.ran.push('after')</script>`);
    const {manager: m} = manager(config({reloadOnWithdrawal: false}));
    // Both decisions settle in microtasks; the download finishes in a later task, after the refusal.
    await m.acceptAll();
    await m.rejectAll();
    await m.settled();
    assert.deepEqual(window.ran, ['slow'], 'the inline script waiting behind the download stays blocked');
    await m.acceptAll();
    await m.settled();
    assert.deepEqual(window.ran, ['slow', 'after'], 'and runs, once, on a new consent');
  });

  test('a tag naming an undeclared category or service is reported and never released', async () => {
    mount(`
      <script type="text/plain" data-consent="statistics">window.ran.push('bad-category')</script>
      <script type="text/plain" data-consent="marketing" data-service="tiktok">window.ran.push('bad-service')</script>
      <script type="text/plain" data-consent="analytics">window.ran.push('good')</script>`);
    const {manager: m, console: out} = manager();
    await m.acceptAll();
    assert.deepEqual(window.ran, ['good'], 'only the correct tag runs');
    const errors = out.lines.filter((l) => l.level === 'error').map((l) => l.text);
    assert.lengthOf(errors, 2, 'one error per bad tag');
    assert.match(errors[0], /data-consent="statistics".*"statistics", which the config does not declare[\s\S]*Fix: use one of necessary, functional, analytics, marketing/);
    assert.match(errors[1], /"tiktok"/);
    assert.equal(out.lines.filter((l) => l.level === 'group').length, 1, 'grouped in one console group');
  });

  test('with a CSP nonce, an inline script without it is reported and never released; one with it runs', async () => {
    // Under 'strict-dynamic' the browser would run any script Samtycke inserts: the nonce of
    // samtycke.js is the page's word that a blocked inline script is the shop's own.
    mount(`
      <script type="text/plain" data-consent="analytics" nonce="n0nce">window.ran.push('signed')</script>
      <script type="text/plain" data-consent="analytics">window.ran.push('unsigned')</script>
      <script type="text/plain" data-consent="analytics" nonce="other">window.ran.push('other')</script>`);
    const {manager: m, console: out} = manager(config(), {nonce: 'n0nce'});
    await m.acceptAll();
    await m.settled();
    assert.deepEqual(window.ran, ['signed']);
    const errors = out.lines.filter((l) => l.level === 'error').map((l) => l.text);
    assert.lengthOf(errors, 2, 'one error per unsigned script');
    assert.match(errors[0], /has no CSP nonce[\s\S]*Fix: add nonce=/);
  });

  test('a tagged script that is not blocked is reported as having run before consent', async () => {
    mount(`<iframe data-consent="marketing" src="about:blank"></iframe>`);
    const {manager: m, console: out} = manager();
    await m.ready;
    assert.match(out.lines.find((l) => l.level === 'error')!.text, /loaded before consent[\s\S]*rename src to data-src/);
  });
});
