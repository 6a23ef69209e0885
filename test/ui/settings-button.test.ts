import {assert} from '@esm-bundle/chai';
import {setViewport} from '@web/test-runner-commands';
import {createMemoryStore} from '../../src/core/index.js';
import {box, frames, overlaps} from '../helpers/a11y-harness.js';
import {config, manager, mount} from '../helpers/fixtures.js';
import {BannerHarness, cleanUpUi, describeElement} from '../helpers/banner-harness.js';
import {SettingsButtonHarness} from '../helpers/settings-button-harness.js';

suite('samtycke-settings-button', () => {
  teardown(async () => {
    cleanUpUi();
    await setViewport({width: 800, height: 600});
  });

  test('is hidden before a decision and shown after one', async () => {
    const {manager: m} = manager();
    const button = await SettingsButtonHarness.create(m);
    assert.isFalse(button.isVisible(), 'hidden while the visitor has not decided (the banner asks)');
    await m.rejectAll();
    await button.settled();
    assert.isTrue(button.isVisible(), 'shown once decided, so withdrawing is always one click away');
  });

  test('is shown from the start to a returning visitor', async () => {
    const store = createMemoryStore();
    await manager(config(), {store}).manager.acceptAll();
    const button = await SettingsButtonHarness.create(manager(config(), {store}).manager);
    assert.isTrue(button.isVisible(), 'a stored decision shows the button');
  });

  test('stays hidden when the config sets floatingButton: false', async () => {
    const {manager: m} = manager(config({floatingButton: false}));
    const button = await SettingsButtonHarness.create(m);
    await m.acceptAll();
    await button.settled();
    assert.equal(m.state.status, 'decided', 'the visitor has decided');
    assert.isFalse(button.isVisible(), 'the shop turned the floating button off');
  });

  test('pressing it asks for the preferences with an event that leaves the shadow root', async () => {
    const {manager: m} = manager();
    await m.acceptAll();
    const button = await SettingsButtonHarness.create(m);
    const request = button.click();
    assert.isNotNull(request, 'a samtycke-preferences-request reached the document');
    assert.isTrue(request!.bubbles && request!.composed, 'the request bubbles out of the shadow root');
    assert.isTrue(request!.opener === button.element.shadowRoot!.querySelector('button'), `the request names the button, to return focus to (got ${describeElement(request!.opener)})`);
  });

  test('is named "Cookie settings" in the visitor\'s language', async () => {
    const {manager: m} = manager();
    await m.acceptAll();
    assert.equal((await SettingsButtonHarness.create(m)).name(), 'Cookie settings', 'English name of the icon button');
    assert.equal((await SettingsButtonHarness.create(m, 'sv')).name(), 'Cookieinställningar', 'Swedish name of the icon button');
  });

  // Bug: the class JSDoc promises "Hidden while the banner is up", but the button only looks at
  // the consent status, so after `banner.show()` (window.samtycke.showBanner()) for a visitor who
  // has decided, both are on screen, the button over the banner's bottom-left corner.
  test('is hidden while the banner is shown again', async () => {
    const {manager: m} = manager();
    await m.acceptAll();
    const banner = await BannerHarness.create(m);
    const button = await SettingsButtonHarness.create(m);
    assert.isTrue(button.isVisible(), 'shown after the decision');
    banner.element.show();
    await banner.element.updateComplete;
    await button.settled();
    assert.isTrue(banner.isVisible(), 'the banner is up again');
    assert.isFalse(button.isVisible(), 'the settings button gives way to the banner');
  });

  test('sits in the bottom corner the config names (right by default), small and clear of the edge', async () => {
    await setViewport({width: 375, height: 700});
    const {manager: m} = manager();
    await m.acceptAll();
    const right = await SettingsButtonHarness.create(m);
    const button = right.element.shadowRoot!.querySelector('button')!;
    const b = box(button);
    assert.equal(right.element.getAttribute('corner'), 'right', 'right by default');
    assert.closeTo(375 - b.right, 12, 1, 'bottom right, 12 px from the edge');
    assert.closeTo(700 - b.bottom, 12, 1, 'and from the bottom');
    assert.isAtLeast(Math.min(b.width, b.height), 24, 'a target of at least 24×24 px');
    assert.isAtMost(b.width, 40, 'no larger than 40 px, so it covers little of a phone\'s page');
    const {manager: other} = manager(config({appearance: {corner: 'left'}}));
    await other.acceptAll();
    const left = await SettingsButtonHarness.create(other);
    assert.closeTo(box(left.element.shadowRoot!.querySelector('button')!).left, 12, 1, 'appearance.corner "left": bottom left');
  });

  test('the status region is rendered from the start, even without the floating button', async () => {
    const {manager: m} = manager(config({floatingButton: false}));
    const settings = await SettingsButtonHarness.create(m);
    assert.isFalse(settings.element.hidden, 'the host is never hidden: its status region must be rendered to be read');
    const region = settings.statusRegion();
    assert.isTrue(region.checkVisibility(), 'the region is rendered (visually hidden, not display:none)');
    assert.equal(settings.status(), '', 'and empty');
    await m.save({analytics: true}, {source: 'preferences'});
    await settings.settled();
    assert.equal(settings.status(), 'Your choices are saved.', 'a decision from the preferences is announced');
    assert.isFalse(settings.isVisible(), 'the button itself stays off');
  });

  test('the same message twice is a new text, so it is read again; decisions by script are not announced', async () => {
    const {manager: m} = manager();
    const settings = await SettingsButtonHarness.create(m);
    await m.acceptAll({source: 'banner'});
    await settings.settled();
    const first = settings.statusRegion().textContent;
    await m.rejectAll({source: 'preferences'});
    await settings.settled();
    const second = settings.statusRegion().textContent;
    assert.equal(settings.status(), 'Your choices are saved.', 'announced again');
    assert.notEqual(second, first, 'the text changed, so screen readers announce it again');
    await m.acceptAll();
    await settings.settled();
    assert.equal(settings.statusRegion().textContent, second, 'a decision by the shop\'s script (source "api") is not announced');
  });

  test('a page element under the button that cannot scroll clear makes it move to the other corner (WCAG 2.4.11)', async () => {
    const {manager: m} = manager();
    await m.acceptAll();
    const settings = await SettingsButtonHarness.create(m);
    const [bar] = mount('<nav><a href="#cart" id="cart">Cart</a></nav>');
    const nav = bar as HTMLElement;
    // A shop's fixed bottom bar: scrolling cannot move it out from under the button.
    Object.assign(nav.style, {position: 'fixed', right: '0', bottom: '0', width: '120px', height: '64px', display: 'grid', placeItems: 'center'});
    const cart = nav.querySelector<HTMLElement>('#cart')!;
    Object.assign(cart.style, {display: 'block', width: '110px', height: '56px'});
    const button = settings.element.shadowRoot!.querySelector('button')!;
    assert.isTrue(overlaps(cart, button), 'the button starts out over the link');
    cart.focus();
    await frames();
    assert.isTrue(settings.element.hasAttribute('yield'), 'the button gives way');
    assert.isFalse(overlaps(cart, settings.element.shadowRoot!.querySelector('button')!), 'the focused link is not covered');
    assert.isBelow(box(settings.element.shadowRoot!.querySelector('button')!).left, 100, 'the button is in the left corner now');
  });

  test('marks the host with the language of its text', async () => {
    const {manager: m} = manager();
    await m.acceptAll();
    assert.equal((await SettingsButtonHarness.create(m)).element.lang, 'en', 'lang="en"');
    assert.equal((await SettingsButtonHarness.create(m, 'sv')).element.lang, 'sv', 'lang="sv"');
  });
});
