import {assert} from '@esm-bundle/chai';
import type {SamtyckeContext} from '../../src/context.js';
import '../../src/ui/cookie-declaration/samtycke-cookie-declaration.js';
import type {SamtyckeCookieDeclaration} from '../../src/ui/cookie-declaration/samtycke-cookie-declaration.js';
import {cleanUp, config, manager} from '../helpers/fixtures.js';
import {fakeContext} from '../core/privacy-fixtures.js';

const placed: Element[] = [];
const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function placeDeclaration(context: SamtyckeContext, attributes: Record<string, string> = {}): Promise<SamtyckeCookieDeclaration> {
  const element = document.createElement('samtycke-cookie-declaration');
  element.context = context;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  placed.push(element);
  document.body.append(element);
  await element.ready;
  return element;
}

/** "Your choice" of a category (`cookies-<id>`) or service (`cookie-service-<id>`), as shown. */
function choice(element: SamtyckeCookieDeclaration, sectionId: string): string {
  const heading = element.shadowRoot!.getElementById(sectionId)!;
  // The category's own line comes before its services; a service's comes after its facts.
  const line = [...heading.parentElement!.children].find((child) => child.matches('.choice'));
  return text(line?.querySelector('.state'));
}

/** The cells of a service's table, by cookie name. */
function rows(element: SamtyckeCookieDeclaration, serviceId: string): Record<string, string[]> {
  const section = element.shadowRoot!.getElementById(`cookie-service-${serviceId}`)!.parentElement!;
  return Object.fromEntries([...section.querySelectorAll('tbody tr')].map((row) => [text(row.children[0]), [...row.children].slice(1).map(text)]));
}

suite('samtycke-cookie-declaration', () => {
  teardown(() => {
    for (const element of placed.splice(0)) element.remove();
    cleanUp();
  });

  test('lists per category each service and each cookie with provider, purpose, duration, kind, party and country', async () => {
    const resolved = config({services: [
      {id: 'meta-pixel', name: 'Meta Pixel', category: 'marketing', provider: 'Meta Platforms Ireland Limited', purpose: 'Ads', country: 'IE',
        cookies: [{name: '_fbp', duration: '3 months', purpose: 'Links visits to ads'}, {name: 'fr', duration: '3 months', party: 'third', domain: '.facebook.com'}]},
      {id: 'chat', name: 'Chat', category: 'functional', provider: 'Chat AB', purpose: 'Support chat', storage: [{name: 'chat_open', type: 'session'}]},
    ]});
    const element = await placeDeclaration(fakeContext(manager(resolved).manager, {}));
    const root = element.shadowRoot!;
    assert.deepEqual([...root.querySelectorAll('h2')].map(text), ['Necessary', 'Functional', 'Analytics', 'Marketing']);
    const meta = root.getElementById('cookie-service-meta-pixel')!.parentElement!;
    assert.include(text(meta.querySelector('dl')), 'Provider Meta Platforms Ireland Limited');
    assert.include(text(meta.querySelector('dl')), 'Country Ireland');
    assert.deepEqual(rows(element, 'meta-pixel'), {
      _fbp: ['Links visits to ads', '3 months (persistent)', 'First-party cookie'],
      fr: ['Ads', '3 months (persistent)', 'Third-party cookie (.facebook.com)'],
    });
    assert.deepEqual(rows(element, 'chat'), {chat_open: ['Support chat', 'Until you close the browser (session)', 'Session storage (this shop)']});
    assert.include(text(root.getElementById('cookies-analytics')!.parentElement), 'No services use this category.');
  });

  test('shows the visitor\'s choice and follows every change', async () => {
    const {manager: m} = manager();
    const element = await placeDeclaration(fakeContext(m, {}));
    assert.equal(choice(element, 'cookies-necessary'), 'Always on: the shop needs it');
    assert.equal(choice(element, 'cookies-analytics'), 'Not allowed: you have not chosen yet', 'nothing is allowed before a decision');

    await m.save({analytics: true, marketing: true}, {services: {youtube: false}});
    await element.updateComplete;
    assert.equal(choice(element, 'cookies-analytics'), 'Allowed');
    assert.equal(choice(element, 'cookie-service-meta-pixel'), 'Allowed');
    assert.equal(choice(element, 'cookie-service-youtube'), 'Not allowed', 'a service refused inside an allowed category');
    assert.equal(choice(element, 'cookies-functional'), 'Not allowed');

    await m.withdraw();
    await element.updateComplete;
    assert.equal(choice(element, 'cookies-analytics'), 'Not allowed', 'withdrawal shows at once');
  });

  test('"Change cookie settings" opens the preferences, with focus to return to the button', async () => {
    const context = fakeContext(manager().manager, {});
    const element = await placeDeclaration(context);
    const button = [...element.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === 'Change cookie settings')!;
    assert.isOk(button, 'the button is there, named for what it does');
    button.click();
    assert.deepEqual(context.opened, [button], 'showPreferences got the button as the opener');
  });

  test('in Swedish, with lang, and service names as text', async () => {
    const resolved = config({services: [{id: 'x', name: '<img src=x onerror="window.pwned=1">', category: 'analytics', provider: 'P', purpose: 'p',
      cookies: [{name: 'x_id', duration: '13 months'}]}]});
    const element = await placeDeclaration(fakeContext(manager(resolved).manager, {}, 'sv'));
    const root = element.shadowRoot!;
    assert.equal(element.lang, 'sv');
    assert.equal(text(root.querySelector('button')), 'Ändra cookieinställningar');
    assert.equal(text(root.getElementById('cookie-service-x')), '<img src=x onerror="window.pwned=1">');
    assert.isNull(root.querySelector('img'));
    assert.deepEqual(rows(element, 'x'), {x_id: ['p', '13 månader (permanent)', 'Förstapartscookie']});
  });

  test('heading-level sets the categories\' level, services one deeper', async () => {
    const element = await placeDeclaration(fakeContext(manager().manager, {}), {'heading-level': '4'});
    const root = element.shadowRoot!;
    assert.deepEqual([...root.querySelectorAll('h4')].map(text), ['Necessary', 'Functional', 'Analytics', 'Marketing']);
    assert.deepEqual([...root.querySelectorAll('h5')].map(text), ['Google Analytics 4', 'Meta pixel', 'YouTube']);
    assert.isEmpty(root.querySelectorAll('h2, h3, h6'), 'no other level');
  });

  test('appearance.colorScheme "dark": scheme="dark", the dark palette painted, the "Allowed" mark light green', async () => {
    const {manager: m} = manager(config({appearance: {colorScheme: 'dark'}}));
    const element = await placeDeclaration(fakeContext(m, {}));
    await m.acceptAll();
    await element.updateComplete;
    assert.equal(element.getAttribute('scheme'), 'dark');
    assert.equal(getComputedStyle(element).backgroundColor, 'rgb(30, 31, 35)');
    assert.equal(getComputedStyle(element.shadowRoot!.querySelector('.choice[data-allowed="true"] .state')!).color, 'rgb(122, 209, 154)');
  });

  test('without a scheme it paints nothing and its "Allowed" mark follows the page\'s color-scheme', async () => {
    const {manager: m} = manager();
    const element = await placeDeclaration(fakeContext(m, {}));
    await m.acceptAll();
    await element.updateComplete;
    const mark = element.shadowRoot!.querySelector('.choice[data-allowed="true"] .state')!;
    assert.isFalse(element.hasAttribute('scheme'));
    assert.equal(getComputedStyle(element).backgroundColor, 'rgba(0, 0, 0, 0)');
    assert.equal(getComputedStyle(mark).color, 'rgb(27, 107, 54)', 'dark green on a light page');
    document.documentElement.style.colorScheme = 'dark';
    try {
      assert.equal(getComputedStyle(mark).color, 'rgb(122, 209, 154)', 'light green on a dark page');
    } finally {
      document.documentElement.style.colorScheme = '';
    }
  });

  test('::part(document, section, heading, table, button, choice) reach the declaration\'s pieces', async () => {
    const style = document.createElement('style');
    const parts = ['document', 'section', 'heading', 'table', 'button', 'choice'];
    style.textContent = parts.map((part, i) => `samtycke-cookie-declaration::part(${part}) { outline: 1px solid rgb(${i + 1}, 0, 0); }`).join('\n');
    document.head.append(style);
    try {
      const element = await placeDeclaration(fakeContext(manager().manager, {}));
      const root = element.shadowRoot!;
      const selectors = ['.document', 'section', 'h2, h3', 'table', 'button', '.choice'];
      selectors.forEach((selector, i) => {
        const found = [...root.querySelectorAll(selector)];
        assert.isNotEmpty(found, selector);
        for (const e of found) assert.equal(getComputedStyle(e).outlineColor, `rgb(${i + 1}, 0, 0)`, `::part(${parts[i]}) reaches ${e.localName}`);
      });
    } finally {
      style.remove();
    }
  });
});
