import {assert} from '@esm-bundle/chai';
import {sendKeys} from '@web/test-runner-commands';
import {createMemoryStore} from '../../src/core/index.js';
import {BannerHarness, cleanUpUi, describeElement} from '../helpers/banner-harness.js';
import {config, manager} from '../helpers/fixtures.js';

suite('samtycke-banner', () => {
  teardown(cleanUpUi);

  test('shows while the visitor has not decided and hides once they have', async () => {
    const {manager: m} = manager();
    const banner = await BannerHarness.create(m);
    assert.equal(m.state.status, 'undecided', 'a first visit is undecided');
    assert.isTrue(banner.isVisible(), 'the banner asks an undecided visitor');
    await banner.rejectAll();
    assert.equal(m.state.status, 'decided', 'pressing a button decides');
    assert.isFalse(banner.isVisible(), 'the banner goes away after a decision');
    assert.isTrue(banner.element.hidden, 'the host is hidden too, so it takes no space or focus');
  });

  test('stays hidden for a returning visitor with a decision in force', async () => {
    const store = createMemoryStore();
    await manager(config(), {store}).manager.acceptAll();
    const {manager: returning} = manager(config(), {store});
    const banner = await BannerHarness.create(returning);
    assert.equal(returning.state.status, 'decided', 'the stored decision is read');
    assert.isFalse(banner.isVisible(), 'a visitor who decided is not asked again');
  });

  test('names every optional category with its purpose, says consent can be withdrawn, and links the policy', async () => {
    const {manager: m} = manager(config({privacyPolicyUrl: {en: '/en/privacy-notice', sv: '/sv/integritetspolicy'}}));
    const banner = await BannerHarness.create(m);
    const text = banner.text();
    assert.include(text, 'Functional: Remembers your choices, such as language, and enables extras like chat.', 'functional is named with its purpose');
    assert.include(text, 'Analytics: Shows us how the shop is used, so we can make it better.', 'analytics is named with its purpose');
    assert.include(text, 'Marketing: Shows you relevant ads, also on other sites, and measures how our ads work.', 'marketing is named with its purpose');
    assert.notInclude(text, 'Necessary:', 'necessary needs no consent and is not listed as a choice');
    assert.include(text, 'withdraw your consent at any time with the round cookie button in the corner', 'the banner says consent can be withdrawn, and where');
    assert.deepInclude(banner.links(), {name: 'Privacy policy', href: '/en/privacy-notice'}, 'the policy link goes to the English address from the config');

    const swedish = await BannerHarness.create(m, 'sv');
    assert.include(swedish.text(), 'Statistik: Visar oss hur butiken används', 'category texts follow the language');
    assert.include(swedish.text(), 'återkalla ditt samtycke', 'the Swedish banner says consent can be withdrawn');
    assert.deepInclude(swedish.links(), {name: 'Integritetspolicy', href: '/sv/integritetspolicy'}, 'the Swedish banner links the Swedish policy');
  });

  test('without the floating button, the banner points to the settings link instead', async () => {
    const {manager: m} = manager(config({floatingButton: false}));
    const banner = await BannerHarness.create(m);
    assert.include(banner.text(), 'withdraw your consent at any time under “Cookie settings” at the bottom of the page', 'names the footer link');
  });

  test('offers Accept all, Reject all and Customize in English and Swedish', async () => {
    const {manager: m} = manager();
    assert.deepEqual((await BannerHarness.create(m)).buttons(), ['Accept all', 'Reject all', 'Customize'], 'English button names');
    assert.deepEqual((await BannerHarness.create(m, 'sv')).buttons(), ['Acceptera alla', 'Neka alla', 'Anpassa'], 'Swedish button names');
  });

  test('makes rejecting exactly as easy as accepting: same control, same look', async () => {
    const {manager: m} = manager();
    const banner = await BannerHarness.create(m);
    const accept = banner.button('Accept all');
    const reject = banner.button('Reject all');
    assert.equal(reject.tagName, accept.tagName, 'both are the same element type');
    const a = getComputedStyle(accept);
    const r = getComputedStyle(reject);
    for (const property of ['font-size', 'font-weight', 'background-color', 'color', 'padding', 'height', 'border'] as const) {
      assert.equal(r.getPropertyValue(property), a.getPropertyValue(property), `Reject all has the same ${property} as Accept all`);
    }
    assert.isAbove(reject.getBoundingClientRect().height, 0, 'the buttons are actually laid out');
  });

  test('"Accept all" records accept-all from the banner', async () => {
    const {manager: m} = manager();
    const banner = await BannerHarness.create(m);
    const state = await banner.acceptAll();
    assert.equal(state.record?.method, 'accept-all', 'recorded as accept-all');
    assert.equal(state.record?.source, 'banner', 'recorded as given in the banner');
    assert.deepEqual(m.state.categories, {necessary: true, functional: true, analytics: true, marketing: true}, 'every category is allowed');
    assert.isTrue(m.isAllowed('marketing', 'meta-pixel'), 'services follow their category');
  });

  test('"Reject all" records reject-all from the banner', async () => {
    const {manager: m} = manager();
    const banner = await BannerHarness.create(m);
    const state = await banner.rejectAll();
    assert.equal(state.record?.method, 'reject-all', 'recorded as reject-all');
    assert.equal(state.record?.source, 'banner', 'recorded as given in the banner');
    assert.deepEqual(m.state.categories, {necessary: true, functional: false, analytics: false, marketing: false}, 'only necessary is allowed');
  });

  test('"Customize" asks for the preferences with an event that leaves the shadow root', async () => {
    const {manager: m} = manager();
    const banner = await BannerHarness.create(m);
    const request = banner.customize();
    assert.isNotNull(request, 'a samtycke-preferences-request reached the document');
    assert.isTrue(request!.bubbles, 'the request bubbles');
    assert.isTrue(request!.composed, 'the request crosses shadow boundaries');
    assert.isTrue(request!.opener === banner.button('Customize'), `the request names the Customize button, to return focus to (got ${describeElement(request!.opener)})`);
    assert.equal(m.state.status, 'undecided', 'customizing is not a decision');
    assert.isTrue(banner.isVisible(), 'the banner stays until the visitor decides');
  });

  test('show() brings the banner back after a decision, and a new decision hides it', async () => {
    const {manager: m} = manager();
    const banner = await BannerHarness.create(m);
    await banner.acceptAll();
    assert.isFalse(banner.isVisible(), 'hidden after accepting');
    banner.element.show();
    await banner.element.updateComplete;
    assert.isTrue(banner.isVisible(), 'show() brings it back for a visitor who wants to reconsider');
    assert.deepEqual(banner.buttons(), ['Accept all', 'Reject all', 'Customize'], 'with all three choices');
    const state = await banner.rejectAll();
    assert.equal(state.record?.method, 'reject-all', 'the new decision is recorded');
    assert.isFalse(banner.isVisible(), 'and the banner goes away again');
  });

  test('marks the host with the language of its text', async () => {
    const {manager: m} = manager();
    assert.equal((await BannerHarness.create(m)).element.lang, 'en', 'English texts carry lang="en"');
    assert.equal((await BannerHarness.create(m, 'sv')).element.getAttribute('lang'), 'sv', 'Swedish texts carry lang="sv"');
  });

  test('renders markup in config texts as text, never as HTML', async () => {
    const attack = '<img src=x onerror="window.samtyckeXss=1">';
    const {manager: m} = manager(config({
      services: [],
      categories: {necessary: {}, analytics: {title: attack, description: `Counts visits ${attack}`}},
      texts: {en: {'banner.intro': `Welcome ${attack}`}},
    }));
    const banner = await BannerHarness.create(m);
    assert.equal(banner.element.shadowRoot!.querySelectorAll('img').length, 0, 'no <img> element was created from config text');
    assert.include(banner.text(), `Welcome ${attack}`, 'an overridden locale text shows its markup literally');
    assert.include(banner.text(), `${attack}: Counts visits ${attack}`, 'a category title and description show their markup literally');
  });

  test('the shop\'s texts from the config win over the locale', async () => {
    const {manager: m} = manager(config({
      texts: {en: {'banner.acceptAll': 'Allow everything', 'banner.title': 'Cookies at Fika & Co'}, sv: {'banner.rejectAll': 'Nej tack'}},
    }));
    const english = await BannerHarness.create(m);
    assert.deepEqual(english.buttons(), ['Allow everything', 'Reject all', 'Customize'], 'the English override replaces only its key');
    assert.include(english.text(), 'Cookies at Fika & Co', 'the overridden title is shown');
    const swedish = await BannerHarness.create(m, 'sv');
    assert.deepEqual(swedish.buttons(), ['Acceptera alla', 'Nej tack', 'Anpassa'], 'the Swedish override applies to Swedish only');
  });

  test('Escape in the banner is not consent', async () => {
    const {manager: m} = manager();
    const banner = await BannerHarness.create(m);
    banner.button('Accept all').focus();
    await sendKeys({press: 'Escape'});
    await banner.element.updateComplete;
    assert.equal(m.state.status, 'undecided', 'Escape records nothing');
    assert.isTrue(banner.isVisible(), 'the banner stays');
  });

  test('a reopened banner goes away when the decision is made elsewhere', async () => {
    const {manager: m} = manager();
    const banner = await BannerHarness.create(m);
    await banner.acceptAll();
    banner.element.show();
    await banner.element.updateComplete;
    assert.isTrue(banner.isVisible(), 'shown again');
    await m.save({analytics: true});
    await banner.element.updateComplete;
    assert.isFalse(banner.isVisible(), 'a decision in the preferences or another tab answers it');
  });
});
