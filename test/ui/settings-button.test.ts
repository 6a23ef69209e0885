import {assert} from '@esm-bundle/chai';
import {createMemoryStore} from '../../src/core/index.js';
import {config, manager} from '../helpers/fixtures.js';
import {BannerHarness, cleanUpUi, describeElement} from '../helpers/banner-harness.js';
import {SettingsButtonHarness} from '../helpers/settings-button-harness.js';

suite('samtycke-settings-button', () => {
  teardown(cleanUpUi);

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
});
