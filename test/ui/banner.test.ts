import {assert} from '@esm-bundle/chai';
import {emulateMedia, sendKeys, setViewport} from '@web/test-runner-commands';
import {createMemoryStore, validateConfig} from '../../src/core/index.js';
import {box, frames, overlaps} from '../helpers/a11y-harness.js';
import {BannerHarness, cleanUpUi, describeElement} from '../helpers/banner-harness.js';
import {config, manager, mount, rawConfig} from '../helpers/fixtures.js';
import {SettingsButtonHarness} from '../helpers/settings-button-harness.js';
import en from '../../locales/en.json';

suite('samtycke-banner', () => {
  teardown(async () => {
    cleanUpUi();
    window.scrollTo(0, 0);
    await setViewport({width: 800, height: 600});
    await emulateMedia({colorScheme: 'light'});
  });

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
    for (const property of ['font-size', 'font-weight', 'background-color', 'color', 'padding', 'height', 'width', 'border', 'border-radius'] as const) {
      assert.equal(r.getPropertyValue(property), a.getPropertyValue(property), `Reject all has the same ${property} as Accept all`);
    }
    assert.isAbove(reject.getBoundingClientRect().height, 0, 'the buttons are actually laid out');
  });

  for (const [width, height] of [[320, 640], [375, 800], [640, 400], [1280, 800]]) {
    test(`at ${width}×${height} "Reject all" is exactly as wide and tall as "Accept all", in English and Swedish`, async () => {
      await setViewport({width, height});
      const {manager: m} = manager();
      for (const [language, accept, reject] of [['en', 'Accept all', 'Reject all'], ['sv', 'Acceptera alla', 'Neka alla']]) {
        const banner = await BannerHarness.create(m, language);
        const a = box(banner.button(accept));
        const r = box(banner.button(reject));
        assert.closeTo(r.width, a.width, 0.5, `${language}: equal widths (${a.width}, ${r.width})`);
        assert.closeTo(r.height, a.height, 0.5, `${language}: equal heights (${a.height}, ${r.height})`);
        assert.isTrue(r.top >= 0 && r.bottom <= innerHeight, `${language}: "${reject}" is in the viewport (${r.top}–${r.bottom} of ${innerHeight})`);
        assert.isAtMost(document.documentElement.scrollWidth, innerWidth, `${language}: the page does not scroll sideways`);
        banner.element.remove();
      }
    });
  }

  test('on a phone the banner is compact: categories by name on one line, and at most 45 % of the screen', async () => {
    await setViewport({width: 375, height: 800});
    const {manager: m} = manager();
    for (const [language, names, withdraw, policy] of [
      ['en', 'we also use these: Functional Analytics Marketing', 'withdraw your consent at any time', 'Privacy policy'],
      ['sv', 'använder vi också dessa: Funktionella Statistik Marknadsföring', 'återkalla ditt samtycke', 'Integritetspolicy'],
    ]) {
      const banner = await BannerHarness.create(m, language);
      const text = banner.text();
      assert.include(text, names, `${language}: every purpose is named, right after the intro`);
      const purposes = banner.element.shadowRoot!.querySelectorAll('.purposes li');
      assert.isBelow(Math.abs(box(purposes[0]).top - box(purposes[1]).top), 2, `${language}: on one line, not a list of rows`);
      assert.include(text, withdraw, `${language}: how to withdraw is said`);
      assert.deepInclude(banner.links().map((l) => l.name), policy, `${language}: the policy is linked`);
      const height = box(banner.box).height;
      assert.isAtMost(height, 800 * 0.45, `${language}: the banner is ${height}px tall on a 375×800 phone`);
      banner.element.remove();
    }
  });

  test('the layout comes from the config: bar, box in either corner, or centred', async () => {
    await setViewport({width: 1000, height: 700});
    const place = async (appearance: {layout?: 'bar' | 'box' | 'center'; corner?: 'left' | 'right'}) => {
      const banner = await BannerHarness.create(manager(config({appearance})).manager);
      return {banner, b: box(banner.box)};
    };
    const bar = await place({});
    assert.equal(bar.banner.element.getAttribute('layout'), 'bar', 'bar by default');
    assert.closeTo(bar.b.bottom, 700, 20, 'the bar sits at the bottom');
    assert.closeTo(bar.b.left + bar.b.width / 2, 500, 1, 'centred horizontally');
    assert.isAbove(bar.b.width, 900, 'and spans the screen');
    bar.banner.element.remove();

    const right = await place({layout: 'box'});
    assert.equal(right.banner.element.getAttribute('corner'), 'right', 'right corner by default');
    assert.closeTo(right.b.right, 1000, 20, 'box in the bottom right corner');
    assert.closeTo(right.b.bottom, 700, 20, 'at the bottom');
    assert.isBelow(right.b.width, 500, 'a box, not a bar');
    right.banner.element.remove();

    const left = await place({layout: 'box', corner: 'left'});
    assert.closeTo(left.b.left, 0, 20, 'box in the bottom left corner');
    left.banner.element.remove();

    const center = await place({layout: 'center'});
    assert.closeTo(center.b.top + center.b.height / 2, 350, 1, 'centred vertically');
    assert.closeTo(center.b.left + center.b.width / 2, 500, 1, 'centred horizontally');
  });

  test('an unknown appearance value is reported with its JSON path and a fix', () => {
    const {config: resolved, problems} = validateConfig(rawConfig({appearance: {layout: 'side' as 'bar', colorSheme: 'dark'} as never}), {referenceTexts: en});
    assert.isNull(resolved, 'the config is refused');
    const layout = problems.find((p) => p.path === '$.appearance.layout');
    assert.match(layout?.fix ?? '', /"bar", "box", "center"/, 'the fix names the layouts');
    const typo = problems.find((p) => p.path === '$.appearance.colorSheme');
    assert.include(typo?.fix ?? '', 'colorScheme', 'a misspelt key gets a "did you mean"');
    const defaults = config().appearance;
    assert.deepEqual(defaults, {layout: 'bar', corner: 'right', colorScheme: 'auto'}, 'defaults: bar, right, auto');
  });

  test('the colour scheme: the config forces it through the scheme attribute, else the visitor\'s setting rules', async () => {
    const background = (banner: BannerHarness) => getComputedStyle(banner.box).backgroundColor;
    const forced = await BannerHarness.create(manager(config({appearance: {colorScheme: 'dark'}})).manager);
    assert.equal(forced.element.getAttribute('scheme'), 'dark', 'colorScheme "dark" sets scheme="dark"');
    assert.equal(background(forced), 'rgb(30, 31, 35)', 'and paints the dark background');
    const auto = await BannerHarness.create(manager().manager);
    assert.isFalse(auto.element.hasAttribute('scheme'), '"auto" leaves the attribute out');
    assert.equal(background(auto), 'rgb(255, 255, 255)', 'light while the visitor prefers light');
    await emulateMedia({colorScheme: 'dark'});
    assert.equal(background(auto), 'rgb(30, 31, 35)', 'dark when the visitor prefers dark');
    const light = await BannerHarness.create(manager(config({appearance: {colorScheme: 'light'}})).manager);
    assert.equal(background(light), 'rgb(255, 255, 255)', 'colorScheme "light" stays light on a dark system');
  });

  test('focus on a page element behind the banner scrolls it clear of the banner (WCAG 2.4.11)', async () => {
    const [page] = mount('<div><div class="spacer"></div><a href="#under" id="under">A link under the banner</a><div class="tail"></div></div>');
    (page.querySelector('.spacer') as HTMLElement).style.height = `${innerHeight - 40}px`;
    (page.querySelector('.tail') as HTMLElement).style.height = '1500px';
    const banner = await BannerHarness.create(manager().manager);
    const link = page.querySelector<HTMLElement>('#under')!;
    assert.isTrue(overlaps(link, banner.box), 'the link starts out behind the banner');
    link.focus();
    await frames();
    assert.isFalse(overlaps(link, banner.box), `the focused link is clear of the banner (link ${JSON.stringify(box(link))}, banner ${JSON.stringify(box(banner.box))})`);
    assert.isTrue(box(link).top >= 0, 'and still on screen');
    assert.isFalse(banner.element.hasAttribute('yield'), 'scrolling was enough');
  });

  test('where the page cannot scroll, the banner moves to the top edge while focus is behind it', async () => {
    const [page] = mount('<div><div class="spacer"></div><a href="#under" id="under">The last link of the page</a></div>');
    (page.querySelector('.spacer') as HTMLElement).style.height = `${innerHeight - 50}px`;
    const banner = await BannerHarness.create(manager().manager);
    assert.isAtMost(document.documentElement.scrollHeight, innerHeight, 'the page cannot scroll');
    const link = page.querySelector<HTMLElement>('#under')!;
    link.focus();
    await frames();
    assert.isTrue(banner.element.hasAttribute('yield'), 'the banner gives way');
    assert.isFalse(overlaps(link, banner.box), 'the focused link is not hidden');
    assert.isBelow(box(banner.box).top, 20, 'the banner is at the top');
    banner.button('Reject all').focus();
    await frames();
    assert.isTrue(banner.isVisible(), 'and it works there');
  });

  test('a decision in the banner is announced by the status region of the settings button', async () => {
    const {manager: m} = manager();
    const settings = await SettingsButtonHarness.create(m);
    const banner = await BannerHarness.create(m);
    assert.isTrue(settings.statusRegion().checkVisibility(), 'the status region is rendered while the banner is up');
    await banner.rejectAll();
    await settings.settled();
    assert.equal(settings.status(), 'Your choices are saved.', 'the decision is announced');
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
