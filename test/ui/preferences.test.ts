import {assert} from '@esm-bundle/chai';
import {setViewport} from '@web/test-runner-commands';
import {createMemoryStore} from '../../src/core/index.js';
import {box, contrast, frames} from '../helpers/a11y-harness.js';
import {accessibleName, BannerHarness, cleanUpUi, describeElement} from '../helpers/banner-harness.js';
import {config, manager, mount} from '../helpers/fixtures.js';
import {deepActiveElement, PreferencesHarness} from '../helpers/preferences-harness.js';
import {SettingsButtonHarness} from '../helpers/settings-button-harness.js';

/** A preferences dialog on a first visit, opened. */
async function opened(language = 'en') {
  const {manager: m} = manager();
  const prefs = await PreferencesHarness.create(m, language);
  await prefs.element.show();
  return {m, prefs};
}

/** Resolves once keyboard focus is inside `element` (at once when it already is). */
function focusArrives(element: Element): Promise<void> {
  const inside = () => {
    const active = deepActiveElement();
    return !!active && (active === element || element.contains(active) || element.shadowRoot?.contains(active) === true);
  };
  if (inside()) return Promise.resolve();
  return new Promise((resolve) => element.addEventListener('focusin', () => resolve(), {once: true}));
}

suite('samtycke-preferences', () => {
  teardown(async () => {
    cleanUpUi();
    await setViewport({width: 800, height: 600});
  });

  test('show() opens a modal native dialog', async () => {
    const {manager: m} = manager();
    const prefs = await PreferencesHarness.create(m);
    assert.isFalse(prefs.isOpen(), 'closed until asked for');
    await prefs.element.show();
    assert.isTrue(prefs.isOpen(), 'dialog.open after show()');
    assert.isTrue(prefs.isModal(), 'opened with showModal(): :modal matches, the page behind is inert');
    assert.isTrue(prefs.element.open, 'the element reports itself open');
  });

  test('necessary is on and cannot be turned off', async () => {
    const {prefs} = await opened();
    const necessary = prefs.switchFor('Necessary');
    assert.isTrue(necessary.checked, 'necessary is shown on');
    assert.isTrue(necessary.disabled, 'necessary cannot be changed');
    necessary.click();
    await prefs.element.updateComplete;
    assert.isTrue(prefs.switchFor('Necessary').checked, 'clicking it leaves it on');
  });

  test('nothing optional is pre-ticked on a first visit', async () => {
    const {prefs} = await opened();
    for (const title of ['Functional', 'Analytics', 'Marketing']) {
      assert.isFalse(prefs.switchFor(title).checked, `${title} starts off`);
      assert.isFalse(prefs.switchFor(title).disabled, `${title} can be turned on`);
    }
    await prefs.expand('Marketing');
    assert.isFalse(prefs.switchFor('Meta pixel').checked, 'services start off too');
    assert.isFalse(prefs.switchFor('YouTube').checked, 'every service starts off');
  });

  test('reopened, it shows the decision in force', async () => {
    const {m, prefs} = await opened();
    await prefs.toggle('Analytics');
    await prefs.save();
    await prefs.element.show();
    assert.isTrue(prefs.switchFor('Analytics').checked, 'the category turned on is still on');
    assert.isFalse(prefs.switchFor('Marketing').checked, 'the category left off is still off');

    const store = createMemoryStore();
    await manager(config(), {store}).manager.save({marketing: true}, {services: {youtube: false}});
    const returning = await PreferencesHarness.create(manager(config(), {store}).manager);
    await returning.element.show();
    assert.isTrue(returning.switchFor('Marketing').checked, 'a stored decision is shown to a returning visitor');
    assert.isFalse(returning.switchFor('Analytics').checked, 'what was not allowed stays off');
    await returning.expand('Marketing');
    assert.isTrue(returning.switchFor('Meta pixel').checked, 'an allowed service is on');
    assert.isFalse(returning.switchFor('YouTube').checked, 'a refused service is off');
    assert.equal(m.state.status, 'decided', 'reopening records nothing new');
  });

  test('switches are switches, named by their visible label', async () => {
    const {prefs} = await opened();
    await prefs.expand('Analytics');
    await prefs.expand('Marketing');
    const switches = prefs.switches();
    assert.deepEqual(switches.map((s) => s.name), ['Necessary', 'Functional', 'Analytics', 'Google Analytics 4', 'Marketing', 'Meta pixel', 'YouTube'], 'one switch per category and, under it, per optional service');
    for (const s of switches) assert.equal(s.role, 'switch', `"${s.name}" has role switch`);
    for (const input of prefs.element.shadowRoot!.querySelectorAll<HTMLInputElement>('input[role="switch"]')) {
      const visible = Array.from(input.labels ?? [], (l) => l.innerText.trim()).join(' ');
      assert.isNotEmpty(visible, `switch #${input.id} has a visible label`);
      assert.include(accessibleName(input), visible, `the name of #${input.id} contains its visible label "${visible}"`);
    }
  });

  test('expanding a category lists its services with provider, purpose, cookies and durations', async () => {
    const {prefs} = await opened();
    assert.deepEqual(prefs.services('Analytics'), [], 'services are not shown until the category is expanded');
    await prefs.expand('Analytics');
    assert.deepEqual(prefs.services('Analytics'), [{
      name: 'Google Analytics 4', provider: 'Google Ireland Limited', purpose: 'Statistics',
      stored: [{name: '_ga', duration: '2 years', type: 'First-party cookie'}, {name: '_ga_*', duration: '2 years', type: 'First-party cookie'}],
    }], 'Google Analytics 4 with its provider, purpose, cookies and durations in words');
    await prefs.expand('Marketing');
    const [meta, youtube] = prefs.services('Marketing');
    assert.deepEqual(meta.stored, [
      {name: '_fbp', duration: '3 months', type: 'First-party cookie'},
      {name: 'fr', duration: '3 months', type: 'Third-party cookie (.facebook.com)'},
      {name: 'fb_*', duration: 'Until deleted', type: 'Local storage'},
    ], 'cookies and local storage of the Meta pixel, with third-party domain');
    assert.deepEqual(youtube, {name: 'YouTube', provider: 'Google Ireland Limited', purpose: 'Videos', stored: []}, 'a service without cookies is listed too');
  });

  test('durations are in the visitor\'s language', async () => {
    const {prefs} = await opened('sv');
    await prefs.expand('Statistik');
    const [ga] = prefs.services('Statistik');
    assert.equal(ga.provider, 'Google Ireland Limited', 'the provider is shown under its Swedish term');
    assert.deepEqual(ga.stored.map((row) => row.duration), ['2 år', '2 år'], '"2 years" in Swedish');
    assert.deepEqual(ga.stored.map((row) => row.type), ['Förstapartscookie', 'Förstapartscookie'], 'the cookie type in Swedish');
  });

  test('a service turned off is refused while its category stays on for the other service', async () => {
    const {m, prefs} = await opened();
    await prefs.toggle('Marketing');
    await prefs.expand('Marketing');
    assert.isTrue(prefs.switchFor('Meta pixel').checked, 'turning a category on turns its services on');
    await prefs.toggle('Meta pixel');
    assert.isTrue(prefs.switchFor('Marketing').checked, 'the category stays on while YouTube is on');
    const state = await prefs.save();
    assert.isFalse(state.services['meta-pixel'], 'the Meta pixel is refused');
    assert.isTrue(state.services.youtube, 'YouTube is allowed');
    assert.isTrue(state.categories.marketing, 'marketing is allowed for YouTube');
    assert.isTrue(m.isAllowed('marketing', 'youtube') && !m.isAllowed('marketing', 'meta-pixel'), 'the manager enforces the per-service choice');
  });

  test('turning the last service of a category off turns the category off, and one on turns it on', async () => {
    const {m, prefs} = await opened();
    await prefs.toggle('Analytics');
    await prefs.expand('Analytics');
    await prefs.toggle('Google Analytics 4');
    assert.isFalse(prefs.switchFor('Analytics').checked, 'no service left on: the category is off');
    await prefs.expand('Marketing');
    await prefs.toggle('YouTube');
    assert.isTrue(prefs.switchFor('Marketing').checked, 'one service on: its category is on');
    await prefs.save();
    assert.isFalse(m.state.categories.analytics, 'analytics is refused');
    assert.isTrue(m.state.categories.marketing && m.state.services.youtube, 'marketing is allowed for YouTube');
    assert.isFalse(m.state.services['meta-pixel'], 'the Meta pixel, never turned on, is refused');
  });

  test('"Save choices" records a custom decision from the preferences', async () => {
    const {m, prefs} = await opened();
    await prefs.toggle('Functional');
    const state = await prefs.save();
    assert.equal(state.record?.method, 'custom', 'recorded as the visitor\'s own choice');
    assert.equal(state.record?.source, 'preferences', 'recorded as given in the preferences');
    assert.deepEqual(m.state.categories, {necessary: true, functional: true, analytics: false, marketing: false}, 'exactly what was switched on');
    assert.isFalse(prefs.isOpen(), 'saving closes the dialog');
  });

  test('"Accept all" and "Reject all" record from the preferences', async () => {
    const {m, prefs} = await opened();
    const accepted = await prefs.acceptAll();
    assert.equal(accepted.record?.method, 'accept-all', 'Accept all records accept-all');
    assert.equal(accepted.record?.source, 'preferences', 'from the preferences');
    assert.isTrue(m.isAllowed('marketing', 'meta-pixel'), 'everything is allowed');
    assert.isFalse(prefs.isOpen(), 'accepting closes the dialog');

    await prefs.element.show();
    await prefs.toggle('Analytics');
    const rejected = await prefs.rejectAll();
    assert.equal(rejected.record?.method, 'reject-all', 'Reject all records reject-all, whatever the switches say');
    assert.equal(rejected.record?.source, 'preferences', 'from the preferences');
    assert.deepEqual(m.state.categories, {necessary: true, functional: false, analytics: false, marketing: false}, 'only necessary is allowed');
  });

  test('Escape closes without recording anything', async () => {
    const {m, prefs} = await opened();
    await prefs.toggle('Analytics');
    await prefs.pressEscape();
    assert.isFalse(prefs.isOpen(), 'Escape closes the dialog');
    assert.equal(m.state.status, 'undecided', 'closing is not a decision');
    assert.isNull(m.state.record, 'nothing was recorded');
    await prefs.element.show();
    assert.isFalse(prefs.switchFor('Analytics').checked, 'the unsaved change is dropped');
  });

  test('the close button closes without recording anything', async () => {
    const {m, prefs} = await opened();
    await prefs.toggle('Marketing');
    await prefs.close();
    assert.isFalse(prefs.isOpen(), 'the close button closes the dialog');
    assert.equal(m.state.status, 'undecided', 'closing is not a decision');
  });

  test('focus returns to the element that had it when the dialog opened', async () => {
    const {manager: m} = manager();
    const prefs = await PreferencesHarness.create(m);
    const [opener] = mount('<button type="button">Cookie choices</button>') as HTMLButtonElement[];
    opener.focus();
    await prefs.element.show();
    assert.isTrue(prefs.dialog.contains(deepActiveElement()), 'showModal() moves focus into the dialog');
    await prefs.pressEscape();
    assert.isTrue(document.activeElement === opener, `focus is back on the opener after Escape (it is on ${describeElement(deepActiveElement())})`);
  });

  test('focus returns to the opener named by a preferences request', async () => {
    const {manager: m} = manager();
    await m.rejectAll();
    const button = await SettingsButtonHarness.create(m);
    const prefs = await PreferencesHarness.create(m);
    const request = button.click();
    assert.isNotNull(request, 'the settings button asked for the preferences');
    await prefs.element.show(request!.opener);
    await prefs.toggle('Analytics');
    await prefs.save();
    await focusArrives(button.element);
    assert.isTrue(deepActiveElement() === request!.opener, `focus is back on the settings button after saving (it is on ${describeElement(deepActiveElement())})`);
  });

  // Opened from the banner's "Customize", the opener is the banner's button; the decision hides
  // the banner and removes that button, so focus goes to a control that exists after the
  // decision: the settings button (WCAG 2.4.3).
  test('after deciding in a dialog opened from the banner, focus goes to the settings button', async () => {
    const {manager: m} = manager();
    const banner = await BannerHarness.create(m);
    const prefs = await PreferencesHarness.create(m);
    const settings = await SettingsButtonHarness.create(m);
    const request = banner.customize();
    await prefs.element.show(request!.opener, settings.element);
    await prefs.toggle('Analytics');
    await prefs.save();
    await settings.settled();
    assert.isFalse(banner.isVisible(), 'the decision hid the banner');
    await focusArrives(settings.element);
    const focused = deepActiveElement();
    assert.isTrue(focused === settings.element.shadowRoot!.querySelector('button'), `focus is on the settings button (it is on ${describeElement(focused)})`);
  });

  test('after a decision the page\'s status region, rendered before it, announces it', async () => {
    const {manager: m} = manager();
    const settings = await SettingsButtonHarness.create(m);
    const prefs = await PreferencesHarness.create(m);
    const region = settings.statusRegion();
    assert.isTrue(region.checkVisibility(), 'the status region is rendered before any message (a region in a display:none host is never read)');
    assert.equal(settings.status(), '', 'nothing is announced before a decision');
    await prefs.element.show();
    await prefs.save();
    await settings.settled();
    assert.isTrue(settings.statusRegion() === region, 'the same region, not a new one, carries the message');
    assert.equal(settings.status(), 'Your choices are saved.', 'the saved choice is announced');
    assert.isTrue(region.checkVisibility(), 'and it is still rendered');

    const {manager: other} = manager();
    const swedish = await SettingsButtonHarness.create(other, 'sv');
    const swedishPrefs = await PreferencesHarness.create(other, 'sv');
    await swedishPrefs.element.show();
    await swedishPrefs.acceptAll();
    await swedish.settled();
    assert.equal(swedish.status(), 'Dina val är sparade.', 'announced in Swedish');
  });

  test('switches carry role, aria-checked, a name with their visible label and a description', async () => {
    const {prefs} = await opened();
    await prefs.expandAll();
    const root = prefs.element.shadowRoot!;
    const inputs = Array.from(root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'));
    assert.isAtLeast(inputs.length, 7, 'every category and optional service has a switch');
    for (const input of inputs) {
      assert.equal(input.getAttribute('role'), 'switch', `#${input.id} is a switch`);
      assert.equal(input.getAttribute('aria-checked'), String(input.checked), `#${input.id} aria-checked matches its state`);
      const described = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => root.getElementById(id)?.textContent?.trim() ?? '').join(' ').trim();
      assert.isNotEmpty(described, `#${input.id} is described (aria-describedby points at text)`);
    }
    await prefs.toggle('Analytics');
    assert.equal(prefs.switchFor('Analytics').getAttribute('aria-checked'), 'true', 'aria-checked follows a toggle');
    const necessary = prefs.switchFor('Necessary');
    const described = (necessary.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => root.getElementById(id)?.textContent?.trim()).join(' ');
    assert.include(described, 'Always on', 'the necessary switch is described as always on');
    assert.include(described, 'Keeps the shop working', 'and by its description');
  });

  test('"Always on" stands right beside the necessary switch, on its row', async () => {
    const {prefs} = await opened();
    const root = prefs.element.shadowRoot!;
    const always = root.querySelector<HTMLElement>('.always')!;
    const necessary = prefs.switchFor('Necessary');
    const label = root.querySelector('label[for="category-necessary"]')!;
    assert.isTrue(always.checkVisibility(), '"Always on" is shown');
    const a = box(always);
    const s = box(necessary);
    const l = box(label);
    assert.isAtMost(s.left - a.right, 16, `"Always on" ends right before the switch (gap ${s.left - a.right}px)`);
    assert.isAbove(a.left, l.right, 'after the category name');
    assert.isBelow(Math.abs((a.top + a.bottom) / 2 - (s.top + s.bottom) / 2), 4, 'on the same line as the switch');
    assert.isTrue(necessary.checked && necessary.disabled, 'the switch is on and cannot be changed');
    assert.isAtLeast(contrast(getComputedStyle(always).color, getComputedStyle(prefs.dialog).backgroundColor), 4.5, '"Always on" has text contrast');
  });

  for (const [width, height] of [[375, 667], [800, 600]]) {
    test(`at ${width}×${height} "Reject all" and "Accept all" have the same size, and the buttons stay in view`, async () => {
      await setViewport({width, height});
      const {prefs} = await opened();
      await prefs.expandAll();
      const reject = box(prefs.footerButton('button-reject'));
      const accept = box(prefs.footerButton('button-accept'));
      assert.closeTo(reject.width, accept.width, 0.5, `equal widths (${reject.width} and ${accept.width})`);
      assert.closeTo(reject.height, accept.height, 0.5, `equal heights (${reject.height} and ${accept.height})`);
      for (const part of ['button-reject', 'button-accept', 'button-save']) {
        const b = box(prefs.footerButton(part));
        assert.isTrue(b.top >= 0 && b.bottom <= innerHeight, `${part} is inside the viewport (${b.top}–${b.bottom} of ${innerHeight})`);
      }
      assert.isAtMost(document.documentElement.scrollWidth, innerWidth, 'nothing scrolls sideways');
    });
  }

  test('on a phone the title scrolls away with the categories, and the close button stays', async () => {
    await setViewport({width: 375, height: 667});
    const {prefs} = await opened();
    await prefs.expandAll();
    const root = prefs.element.shadowRoot!;
    const scroller = root.querySelector<HTMLElement>('.scroll')!;
    const title = root.querySelector('h2')!;
    const header = root.querySelector('header')!;
    assert.isAtMost(box(header).height, 90, `the header is compact: title only (${box(header).height}px)`);
    scroller.scrollTop = 400;
    await frames();
    assert.isBelow(box(title).bottom, box(scroller).top + 1, 'the title is scrolled out: the categories get the height');
    const close = root.querySelector<HTMLElement>('[part~="close"]')!;
    const c = box(close);
    assert.isTrue(c.top >= box(prefs.dialog).top && c.bottom <= box(scroller).bottom, 'the close button is still in view');
    const hit = root.elementFromPoint(c.x + c.width / 2, c.y + c.height / 2);
    assert.isTrue(hit === close || close.contains(hit), `nothing covers the close button (found ${describeElement(hit)})`);
  });
});
