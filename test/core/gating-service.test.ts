import {assert} from '@esm-bundle/chai';
import {cleanUp, manager, mount} from '../helpers/fixtures.js';

const video = new URL('../fixtures/vendors/video/embed.html', import.meta.url).href;

suite('gating: service tags and Load once', () => {
  setup(() => {
    window.ran = [];
  });
  teardown(() => {
    cleanUp();
    document.querySelectorAll('[data-service]').forEach((el) => el.remove());
  });

  test('data-service alone is a tag: it waits for that service, and its consent alone releases it', async () => {
    mount(`<script type="text/plain" data-service="youtube">window.ran.push('youtube')</script>`);
    const {manager: m, console: out} = manager();
    await m.save({analytics: true});
    assert.deepEqual(window.ran, [], 'another category does not release it');
    await m.allowService('youtube', {source: 'embed'});
    assert.deepEqual(window.ran, ['youtube'], '"Always allow YouTube" releases it');
    assert.deepEqual(out.lines, [], 'no problem reported');
  });

  test('a data-service attribute on an element that loads nothing is not ours', async () => {
    mount(`<div data-service="shipping">Free shipping</div>`);
    const {manager: m, console: out} = manager();
    await m.ready;
    assert.deepEqual(out.lines, [], 'not reported as a bad tag');
  });

  test('Load once releases one embed for this page view: nothing recorded, not taken back by a withdrawal', async () => {
    const [first, second] = mount(`
      <iframe data-service="youtube" data-src="${video}?v=1"></iframe>
      <iframe data-service="youtube" data-src="${video}?v=2"></iframe>`);
    const {manager: m} = manager();
    await m.save({analytics: true});
    assert.isTrue(m.loadOnce(first), 'released');
    assert.equal(first.getAttribute('src'), `${video}?v=1`);
    assert.isNull(second.getAttribute('src'), 'only the one asked for');
    assert.isFalse(m.state.services.youtube, 'no consent recorded');
    assert.isFalse(m.loadOnce(first), 'a second time does nothing');
    await m.withdraw();
    assert.equal(first.getAttribute('src'), `${video}?v=1`, 'the visitor’s own click stands for this page view');
  });

  test('Load once runs a tagged script once; untagged and badly tagged elements are refused', async () => {
    const [script, untagged, bad] = mount(`
      <script type="text/plain" data-consent="marketing" data-service="youtube">window.ran.push('api')</script>
      <iframe src="about:blank"></iframe>
      <iframe data-consent="nonsense" data-src="${video}"></iframe>`);
    const {manager: m} = manager();
    await m.ready;
    assert.isTrue(m.loadOnce(script));
    await m.settled();
    assert.deepEqual(window.ran, ['api']);
    await m.acceptAll();
    await m.settled();
    assert.deepEqual(window.ran, ['api'], 'not run again on consent');
    assert.isFalse(m.loadOnce(untagged), 'not tagged');
    assert.isFalse(m.loadOnce(bad), 'its tag names an undeclared category');
    assert.isNull(bad.getAttribute('src'));
  });
});
