import {assert} from '@esm-bundle/chai';
import {
  createConsentManager, createMemoryReceiptLog, createMemoryStore, createReceipt, createTranslator,
  type ConsentManager, type Config, type ReceiptLog,
} from '../../src/core/index.js';
import {CONTEXT, type SamtyckeContext} from '../../src/context.js';
import '../../src/ui/privacy-center/samtycke-privacy-center.js';
import type {SamtyckePrivacyCenter} from '../../src/ui/privacy-center/samtycke-privacy-center.js';
import type {SamtyckeRightsRequest} from '../../src/ui/privacy-center/samtycke-rights-request.js';
import en from '../../locales/en.json';
import sv from '../../locales/sv.json';
import {accessibleName, isShown, press} from '../helpers/banner-harness.js';
import {config, rawConfig, recordingConsole} from '../helpers/fixtures.js';

/** The privacy section of the test shop: e-mail by default. */
const PRIVACY = {controller: {name: 'Skiktverket AB', organisationNumber: '559999-0000', address: 'Exempelgatan 3, 123 45 Småstad', email: 'integritet@skiktverket.example'}};

const squash = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** What the fake context recorded. */
interface FakeContext extends SamtyckeContext {
  readonly log: ReceiptLog;
  readonly opened: (Element | null | undefined)[];
  forgotten: number;
}

const managers: ConsentManager[] = [];
const placed: Element[] = [];

/**
 * A context like the running widget's: a real manager with an in-memory store whose every record
 * gets a receipt in an in-memory log (as the widget's proof of consent does), the banner's
 * translator, and the config file as loaded.
 */
function fakeContext({language = 'en', json = {...rawConfig(), privacy: PRIVACY} as Config & {privacy?: unknown}, appearance = undefined as Config['appearance']} = {}): FakeContext {
  const log = createMemoryReceiptLog();
  let n = 0;
  const manager = createConsentManager(config(appearance ? {appearance} : {}), {
    document, store: createMemoryStore(), reload: () => undefined, language,
    onRecord: (record) => void log.append(createReceipt(record, {configHash: null, page: location.href, widget: 'samtycke/test', receiptId: `receipt-${++n}`})),
  });
  managers.push(manager);
  const context: FakeContext = {
    manager, log, opened: [], forgotten: 0,
    translator: createTranslator({language, locales: {en, sv}}),
    json, source: '/samtycke.config.json', receipts: log,
    async forgetDevice() {
      context.forgotten++;
      await manager.forget();
      await log.clear();
    },
    exportData: async () => ({decision: manager.state.record, receipts: await log.list()}),
    showPreferences: (opener) => void context.opened.push(opener),
  };
  return context;
}

/** Installs `context` where the running widget puts it (`window.samtycke[CONTEXT]`). */
function install(context: SamtyckeContext | null): void {
  (window as unknown as {samtycke: unknown}).samtycke = {[CONTEXT]: Promise.resolve(context)};
}

/** Drives `<samtycke-privacy-center>` as a visitor does: by visible text, role and label. */
class CenterHarness {
  constructor(readonly element: SamtyckePrivacyCenter, readonly context: FakeContext) {}

  /** Puts the element on the page; it finds the context as on a shop page. */
  static async create(context = fakeContext()): Promise<CenterHarness> {
    install(context);
    await context.manager.ready;
    const element = document.createElement('samtycke-privacy-center');
    placed.push(element);
    document.body.append(element);
    await Promise.resolve(); // the element's own whenContext() is first in line
    await element.updateComplete;
    return new CenterHarness(element, context);
  }

  get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  get form(): SamtyckeRightsRequest {
    return this.root.querySelector('samtycke-rights-request')!;
  }

  section(title: string): HTMLElement {
    const found = Array.from(this.root.querySelectorAll<HTMLElement>('section')).find((s) => squash(s.querySelector('h2')?.textContent) === title);
    if (!found) throw new Error(`no section "${title}"`);
    return found;
  }

  text(title?: string): string {
    return squash((title ? this.section(title) : this.root).textContent);
  }

  /** Each category and service with its state in words, as listed under the choices. */
  choices(): string[] {
    return Array.from(this.root.querySelectorAll('.choices .row'), (row) => squash(row.textContent).replace(/[✓✕] /, ''));
  }

  /** The history table as the visitor reads it: one object per row, keyed by column header. */
  history(): Record<string, string>[] {
    const headers = Array.from(this.root.querySelectorAll('thead th'), (th) => squash(th.textContent));
    return Array.from(this.root.querySelectorAll('tbody tr'), (tr) =>
      Object.fromEntries(Array.from(tr.querySelectorAll('td'), (td, i) => [headers[i], squash(td.textContent)])));
  }

  button(name: string, root: ParentNode = this.root): HTMLButtonElement {
    const found = Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((b) => isShown(b) && accessibleName(b) === name);
    if (!found) throw new Error(`no button "${name}" on screen`);
    return found;
  }

  async press(name: string): Promise<void> {
    press(this.button(name), `the button "${name}"`);
    await this.element.updateComplete;
  }

  /** The text that describes `element` (`aria-describedby`), as a screen reader reads it. */
  description(element: Element): string {
    return squash((element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean).map((id) => this.root.getElementById(id)?.textContent).join(' '));
  }

  /** Every heading level in reading order, the rights form's included. */
  headings(): number[] {
    const levels: number[] = [];
    const walk = (root: ParentNode) => {
      for (const element of root.querySelectorAll('*')) {
        if (/^h[1-6]$/.test(element.localName) && isShown(element)) levels.push(Number(element.localName[1]));
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(this.root);
    return levels;
  }

  /** The text of the status region of a section. */
  status(title: string): string {
    return squash(this.section(title).querySelector('[role=status]')?.textContent);
  }

  get dialog(): HTMLDialogElement {
    return this.root.querySelector('dialog')!;
  }
}

/** Records the links the element follows (downloads, mailto) instead of following them. */
function captureLinks(): {links: {href: string; download: string}[]; restore: () => void} {
  const links: {href: string; download: string}[] = [];
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    links.push({href: this.href, download: this.download});
  };
  return {links, restore: () => void (HTMLAnchorElement.prototype.click = click)};
}

function cleanUpCenter(): void {
  for (const element of placed.splice(0)) element.remove();
  for (const manager of managers.splice(0)) manager.destroy();
  delete (window as unknown as {samtycke?: unknown}).samtycke;
}

suite('samtycke-privacy-center: choices and history', () => {
  teardown(cleanUpCenter);

  test('an undecided visitor reads that only necessary cookies are used, category by category', async () => {
    const center = await CenterHarness.create();
    assert.include(center.text('Your cookie choices'), 'You have not made a choice on this device yet, so only necessary cookies are used.');
    assert.deepEqual(center.choices(), [
      'Necessary: Always on', 'Functional: Not allowed', 'Analytics: Not allowed', 'Google Analytics 4: Not allowed',
      'Marketing: Not allowed', 'Meta pixel: Not allowed', 'YouTube: Not allowed',
    ], 'each category and service in words');
    assert.include(center.text('Your choices on this device'), 'No choices are recorded on this device.');
  });

  test('shows the choice in force with when it was made and until when, and follows every change', async () => {
    const center = await CenterHarness.create();
    const {manager} = center.context;
    await manager.save({analytics: true}, {source: 'banner'});
    await center.element.updateComplete;
    const record = manager.state.record!;
    const format = (iso: string) => new Intl.DateTimeFormat('en', {dateStyle: 'long', timeStyle: 'short'}).format(Date.parse(iso));
    assert.include(center.text('Your cookie choices'), `You made this choice on ${format(record.timestamp)}. It applies until ${format(record.expires)}; then we ask you again.`);
    assert.includeMembers(center.choices(), ['Analytics: Allowed', 'Google Analytics 4: Allowed', 'Marketing: Not allowed'], 'the change shows at once');
    assert.deepEqual(center.history(), [{
      'Date and time': format(record.timestamp), Decision: 'Own choice', Allowed: 'Analytics', Where: 'Cookie banner', 'Receipt id': 'receipt-1',
    }], 'the new receipt is in the history');

    await manager.acceptAll({source: 'preferences'});
    await center.element.updateComplete;
    assert.deepEqual(center.history().map((r) => [r.Decision, r.Allowed, r.Where, r['Receipt id']]), [
      ['Accepted all', 'Functional, Analytics, and Marketing', 'Cookie settings', 'receipt-2'],
      ['Own choice', 'Analytics', 'Cookie banner', 'receipt-1'],
    ], 'newest first');
  });

  test('the history says which services differ from their category', async () => {
    const center = await CenterHarness.create();
    await center.context.manager.save({marketing: true}, {services: {'meta-pixel': false}, source: 'preferences'});
    await center.context.manager.allowService('ga4', {source: 'embed'});
    await center.element.updateComplete;
    assert.deepEqual(center.history().map((r) => [r.Allowed, r.Where]), [
      ['Marketing (except Meta pixel) and Google Analytics 4', 'Embedded content'],
      ['Marketing (except Meta pixel)', 'Cookie settings'],
    ]);
  });

  test('"Withdraw all consent" records the same withdrawal as the banner, from the privacy center, and says so', async () => {
    const center = await CenterHarness.create();
    const {manager} = center.context;
    await manager.acceptAll({source: 'banner'});
    await center.element.updateComplete;
    await center.press('Withdraw all consent');
    assert.equal(manager.state.record?.method, 'withdrawal', 'recorded as a withdrawal');
    assert.equal(manager.state.record?.source, 'privacy-center', 'given in the privacy center');
    assert.isFalse(manager.isAllowed('marketing'), 'marketing is off in the shared state');
    assert.equal(center.status('Your cookie choices'), 'Your consent is withdrawn. Only necessary cookies are used from now on.', 'the status region tells the result');
    assert.includeMembers(center.choices(), ['Functional: Not allowed', 'Analytics: Not allowed', 'Marketing: Not allowed']);
    assert.deepEqual(center.history()[0]!.Decision, 'Withdrew consent', 'the withdrawal is in the history');
    assert.deepEqual(center.history()[0]!.Where, 'Privacy center');
  });

  test('"Withdraw all consent" does nothing while nothing optional is allowed, and says why', async () => {
    const center = await CenterHarness.create();
    const {manager} = center.context;
    const withdraw = center.button('Withdraw all consent');
    assert.equal(withdraw.getAttribute('aria-disabled'), 'true', 'undecided: nothing to withdraw');
    assert.equal(center.description(withdraw), 'Nothing optional is allowed now, so there is no consent to withdraw.', 'the reason is its description');
    assert.isTrue(isShown(center.root.getElementById('withdraw-none')), 'and on screen');
    assert.isAtLeast(withdraw.tabIndex, 0, 'still reachable by Tab, so the reason can be heard');
    await center.press('Withdraw all consent');
    assert.strictEqual(manager.state.record, null, 'pressing it records nothing');
    assert.equal(center.status('Your cookie choices'), '', 'and announces nothing');

    await manager.rejectAll({source: 'banner'});
    await center.element.updateComplete;
    assert.equal(center.button('Withdraw all consent').getAttribute('aria-disabled'), 'true', 'after "Reject all" still nothing to withdraw');
    await center.press('Withdraw all consent');
    assert.equal(manager.state.record?.method, 'reject-all', 'no withdrawal recorded over a refusal');

    await manager.allowService('youtube', {source: 'embed'});
    await center.element.updateComplete;
    assert.isFalse(center.button('Withdraw all consent').hasAttribute('aria-disabled'), 'one service allowed on its own: there is a consent to withdraw');
    assert.equal(center.description(center.button('Withdraw all consent')), '');
    assert.isNull(center.root.getElementById('withdraw-none'));
    await center.press('Withdraw all consent');
    assert.equal(manager.state.record?.method, 'withdrawal');
    assert.equal(center.button('Withdraw all consent').getAttribute('aria-disabled'), 'true', 'after withdrawing, inactive again');
  });

  test('the inactive "Withdraw all consent" in Swedish', async () => {
    const center = await CenterHarness.create(fakeContext({language: 'sv'}));
    const withdraw = center.button('Återkalla allt samtycke');
    assert.equal(withdraw.getAttribute('aria-disabled'), 'true');
    assert.equal(center.description(withdraw), 'Inget valfritt är tillåtet nu, så det finns inget samtycke att återkalla.');
  });

  test('"Change choices" opens the preferences dialog, with focus to come back to the button', async () => {
    const center = await CenterHarness.create();
    await center.press('Change choices');
    assert.deepEqual(center.context.opened, [center.button('Change choices')], 'showPreferences got the button as opener');
  });

  test('speaks Swedish on a Swedish page, with lang set', async () => {
    const center = await CenterHarness.create(fakeContext({language: 'sv'}));
    await center.context.manager.rejectAll({source: 'banner'});
    await center.element.updateComplete;
    assert.equal(center.element.lang, 'sv');
    assert.include(center.choices(), 'Statistik: Inte tillåten');
    assert.deepEqual(center.history().map((r) => [r.Beslut, r.Var]), [['Nekade alla', 'Cookierutan']]);
    assert.match(center.history()[0]!['Datum och tid']!, /\d{1,2} [a-zåäö]+ \d{4}/, 'a Swedish date');
    assert.equal(center.history()[0]!.Tillåtet, 'Bara nödvändiga');
  });

  test('takes the shop\'s wording from texts; an override with wrong placeholders is ignored and reported', async () => {
    const texts = {en: {'rights.title': 'Your rights at Skiktverket', 'center.choices.decided': 'Chosen {when}'}};
    const out = recordingConsole();
    const saved = {error: console.error, groupCollapsed: console.groupCollapsed, groupEnd: console.groupEnd};
    Object.assign(console, {error: out.error, groupCollapsed: out.groupCollapsed, groupEnd: out.groupEnd});
    try {
      const center = await CenterHarness.create(fakeContext({json: {...rawConfig({texts}), privacy: PRIVACY}}));
      assert.equal(squash(center.form.shadowRoot!.querySelector('h2')?.textContent), 'Your rights at Skiktverket');
      await center.context.manager.rejectAll();
      await center.element.updateComplete;
      assert.include(center.text('Your cookie choices'), 'You made this choice on', 'the broken override is not used');
    } finally {
      Object.assign(console, saved);
    }
    assert.isTrue(out.lines.some((l) => l.text.includes('$.texts.en["center.choices.decided"]')), 'the problem names the key');
  });

  test('headings: h2 sections under the page\'s h1, or from heading-level; the form and its receipt one deeper', async () => {
    const center = await CenterHarness.create();
    assert.deepEqual(center.headings(), [2, 2, 2, 2], 'choices, history, data, rights');
    center.element.setAttribute('heading-level', '3');
    await center.element.updateComplete;
    await center.form.updateComplete;
    assert.deepEqual(center.headings(), [3, 3, 3, 3], 'the form follows the center');
    const dialogHeading = center.dialog.querySelector('h1, h2, h3, h4, h5, h6')!;
    assert.equal(dialogHeading.localName, 'h4', 'the confirmation is under its section');
    assert.equal(center.dialog.getAttribute('aria-labelledby'), dialogHeading.id, 'and names the dialog');
  });

  test('appearance.colorScheme sets scheme on the center and its form; the boxes paint that palette', async () => {
    const center = await CenterHarness.create(fakeContext({appearance: {colorScheme: 'dark'}}));
    assert.equal(center.element.getAttribute('scheme'), 'dark');
    assert.equal(center.form.getAttribute('scheme'), 'dark');
    assert.equal(getComputedStyle(center.root.querySelector('.card')!).backgroundColor, 'rgb(42, 44, 49)', 'the dark surface');
    assert.equal(getComputedStyle(center.form.shadowRoot!.querySelector('.card')!).backgroundColor, 'rgb(42, 44, 49)', 'the form too');
    center.element.setAttribute('scheme', 'light');
    await Promise.resolve();
    await center.element.updateComplete;
    assert.equal(center.form.getAttribute('scheme'), 'light', 'a change reaches the form');
  });

  test('::part(document, section, heading, table, button, form, field) reach the center\'s and the form\'s pieces', async () => {
    const parts = ['document', 'section', 'heading', 'table', 'button', 'form', 'field'];
    const style = document.createElement('style');
    style.textContent = parts.map((part, i) => `samtycke-privacy-center::part(${part}) { outline: 1px solid rgb(${i + 1}, 0, 0); }`).join('\n');
    document.head.append(style);
    try {
      const center = await CenterHarness.create();
      await center.context.manager.acceptAll();
      await center.element.updateComplete;
      const inForm = (selector: string) => Array.from(center.form.shadowRoot!.querySelectorAll(selector));
      const inCenter = (selector: string) => Array.from(center.root.querySelectorAll(selector));
      const expected: [string, Element[]][] = [
        ['document', inCenter('.document')], ['section', [...inCenter('section'), ...inForm('section')]], ['heading', [...inCenter('h2'), ...inForm('h2')]],
        ['table', inCenter('table')], ['button', [...inCenter('button'), ...inForm('button')]], ['form', inForm('form')], ['field', inForm('input:not([type=radio]), textarea')],
      ];
      expected.forEach(([part, elements]) => {
        assert.isNotEmpty(elements, part);
        for (const e of elements) assert.equal(getComputedStyle(e).outlineColor, `rgb(${parts.indexOf(part) + 1}, 0, 0)`, `::part(${part}) reaches ${e.localName}#${e.id}`);
      });
    } finally {
      style.remove();
    }
  });

  test('while it waits for the widget, the loading text carries the page\'s language', async () => {
    document.documentElement.lang = 'sv';
    (window as unknown as {samtycke: unknown}).samtycke = {[CONTEXT]: new Promise(() => undefined)};
    try {
      const element = document.createElement('samtycke-privacy-center');
      placed.push(element);
      document.body.append(element);
      await element.updateComplete;
      const status = element.shadowRoot!.querySelector('[role=status]')!;
      assert.equal(status.getAttribute('lang'), 'sv');
      assert.include(status.textContent, 'integritet', 'Swedish text');
    } finally {
      document.documentElement.lang = 'en';
    }
  });

  test('says so when the widget did not start', async () => {
    install(null);
    const element = document.createElement('samtycke-privacy-center');
    placed.push(element);
    document.body.append(element);
    await Promise.resolve();
    await element.updateComplete;
    assert.include(squash(element.shadowRoot!.textContent), 'The privacy center cannot be shown because the cookie settings did not start');
  });
});

suite('samtycke-privacy-center: data on this device', () => {
  let capture: ReturnType<typeof captureLinks>;
  setup(() => (capture = captureLinks()));
  teardown(() => {
    capture.restore();
    cleanUpCenter();
  });

  test('"Download my data" saves what exportData gives as a dated JSON file', async () => {
    const center = await CenterHarness.create();
    await center.context.manager.acceptAll({source: 'banner'});
    await center.press('Download my data (JSON)');
    assert.lengthOf(capture.links, 1, 'one download');
    const {href, download} = capture.links[0]!;
    const today = new Date();
    const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    assert.equal(download, `samtycke-data-${date}.json`);
    const saved = await (await fetch(href)).json();
    assert.deepEqual(saved, JSON.parse(JSON.stringify(await center.context.exportData())), 'the file holds exactly the export');
    assert.equal(saved.receipts[0].receiptId, 'receipt-1');
    assert.equal(center.status('Your data in this browser'), `Your data is saved as samtycke-data-${date}.json.`);
  });

  test('"Forget this device" asks first; Cancel erases nothing', async () => {
    const center = await CenterHarness.create();
    await center.context.manager.acceptAll({source: 'banner'});
    await center.press('Forget this device');
    assert.isTrue(center.dialog.matches(':modal'), 'a modal confirmation');
    assert.include(squash(center.dialog.textContent), 'This erases from this browser: your cookie choice, its history');
    assert.include(squash(center.dialog.textContent), 'Your cart and login stay', 'says what a visitor keeps');
    await center.press('Cancel');
    assert.isFalse(center.dialog.open);
    assert.equal(center.context.forgotten, 0, 'nothing erased');
    assert.equal(center.root.activeElement, center.button('Forget this device'), 'focus is back on the button');
  });

  test('confirmed, it erases the device and says what was erased', async () => {
    const center = await CenterHarness.create();
    await center.context.manager.save({analytics: true}, {source: 'banner'});
    await center.context.manager.acceptAll({source: 'preferences'});
    await center.press('Forget this device');
    await center.press('Yes, forget this device');
    assert.equal(center.context.forgotten, 1);
    assert.equal(center.status('Your data in this browser'),
      'This device is forgotten. We erased your cookie choice, 2 consent receipts and the cookies and stored data of 2 services. ' +
      'We will ask you about cookies again. Cookies that other companies set on their own domains can only be removed in your browser\'s settings.');
    assert.include(center.text('Your choices on this device'), 'No choices are recorded on this device.', 'the history is empty');
    assert.include(center.text('Your cookie choices'), 'You have not made a choice on this device yet');
  });
});
