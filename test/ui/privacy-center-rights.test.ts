import {assert} from '@esm-bundle/chai';
import {sendKeys} from '@web/test-runner-commands';
import {createConsentManager, createMemoryReceiptLog, createMemoryStore, createTranslator, type RightsConfig, type RightsRequest} from '../../src/core/index.js';
import {CONTEXT, type SamtyckeContext} from '../../src/context.js';
import {createCenterTranslator} from '../../src/ui/privacy-center/center-translator.js';
import '../../src/ui/privacy-center/samtycke-privacy-center.js';
import '../../src/ui/privacy-center/samtycke-rights-request.js';
import type {SamtyckeRightsRequest} from '../../src/ui/privacy-center/samtycke-rights-request.js';
import en from '../../locales/en.json';
import sv from '../../locales/sv.json';
import {accessibleName, isShown, press} from '../helpers/banner-harness.js';
import {config, rawConfig} from '../helpers/fixtures.js';

const squash = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
const SHOP_TYPE = {id: 'delete-uploads', title: {en: 'Delete my uploaded files', sv: 'Radera mina uppladdade filer'},
  description: {en: 'Erase the 3D models you uploaded for quotes.', sv: 'Radera 3D-modellerna du laddade upp för offert.'}};
const ENDPOINT: RightsConfig = {email: 'integritet@skiktverket.example', endpoint: '/samtycke-api/requests', types: [SHOP_TYPE]};
const MAIL: RightsConfig = {...ENDPOINT, endpoint: null};

const placed: Element[] = [];

/** Drives `<samtycke-rights-request>` as a visitor does: options and fields by their labels. */
class FormHarness {
  constructor(readonly element: SamtyckeRightsRequest) {}

  static async create(settings: RightsConfig | null = ENDPOINT, language = 'en'): Promise<FormHarness> {
    const element = document.createElement('samtycke-rights-request');
    placed.push(element);
    element.translator = createCenterTranslator(createTranslator({language, locales: {en, sv}}), {}).translator;
    element.settings = settings;
    document.body.append(element);
    await element.updateComplete;
    return new FormHarness(element);
  }

  get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  /** The form control whose accessible name is `label`. */
  control(label: string): HTMLInputElement | HTMLTextAreaElement {
    const found = Array.from(this.root.querySelectorAll<HTMLInputElement>('input, textarea')).find((c) => isShown(c) && accessibleName(c) === label);
    if (!found) throw new Error(`no field "${label}"; there are ${JSON.stringify(this.labels())}`);
    return found;
  }

  /** The accessible names of the text fields, in order. */
  labels(): string[] {
    return Array.from(this.root.querySelectorAll('input:not([type=radio]), textarea'), accessibleName);
  }

  /** The request types offered: title and explanation. */
  options(): {title: string; description: string}[] {
    return Array.from(this.root.querySelectorAll<HTMLInputElement>('input[type=radio]'), (radio) => ({
      title: accessibleName(radio),
      description: squash(radio.getAttribute('aria-describedby')?.split(' ').map((id) => this.root.getElementById(id)).filter(isShown).map((e) => e.textContent).join(' ')),
    }));
  }

  async choose(title: string): Promise<void> {
    press(this.control(title) as HTMLInputElement, `the option "${title}"`);
    await this.element.updateComplete;
  }

  /** Types `value` into the field labelled `label`, as the browser reports typing. */
  async fill(label: string, value: string): Promise<void> {
    const control = this.control(label);
    control.value = value;
    control.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
    await this.element.updateComplete;
  }

  button(name: string): HTMLElement {
    const found = Array.from(this.root.querySelectorAll<HTMLElement>('button, a')).find((b) => isShown(b) && squash(b.textContent) === name);
    if (!found) throw new Error(`no button "${name}" on screen`);
    return found;
  }

  async press(name: string): Promise<void> {
    press(this.button(name), `"${name}"`);
    await this.element.updateComplete;
  }

  /** The error messages on screen. */
  errors(): string[] {
    return Array.from(this.root.querySelectorAll('.error'), (e) => squash(e.textContent)).filter(Boolean);
  }

  /** The receipt's facts, label → value. */
  receipt(): Record<string, string> {
    return Object.fromEntries(Array.from(this.root.querySelectorAll('.receipt dl > div'), (row) => [squash(row.querySelector('dt')?.textContent), squash(row.querySelector('dd')?.textContent)]));
  }

  text(): string {
    return squash(this.root.textContent);
  }

  /** The element with focus inside the form. */
  focused(): Element | null {
    return this.root.activeElement;
  }
}

/** Answers `fetch` with `respond` and records what was sent. */
function stubFetch(respond: (body: RightsRequest) => Response | Promise<Response>) {
  const original = window.fetch;
  const sent: {url: string; body: RightsRequest; headers: Record<string, string>}[] = [];
  window.fetch = (async (url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as RightsRequest;
    sent.push({url, body, headers: init.headers as Record<string, string>});
    return respond(body);
  }) as typeof fetch;
  return {sent, restore: () => void (window.fetch = original)};
}

const created = (request: RightsRequest) => new Response(JSON.stringify({requestId: request.requestId, receivedAt: new Date().toISOString()}), {status: 201});
const offline = () => Promise.reject(new TypeError('Failed to fetch'));

function captureLinks() {
  const links: {href: string; download: string}[] = [];
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    links.push({href: this.href, download: this.download});
  };
  return {links, restore: () => void (HTMLAnchorElement.prototype.click = click)};
}

/** Everything the page keeps in Web Storage and the names of its IndexedDB databases. */
async function browserStorage(): Promise<{texts: string; databases: string[]}> {
  const entries = (storage: Storage) => Array.from({length: storage.length}, (_, i) => `${storage.key(i)}=${storage.getItem(storage.key(i)!)}`);
  const databases = (await indexedDB.databases()).map((d) => d.name ?? '').sort();
  return {texts: [...entries(localStorage), ...entries(sessionStorage)].join('\n'), databases};
}

async function fillValid(form: FormHarness, type = 'Access'): Promise<void> {
  await form.choose(type);
  await form.fill('Name', 'Kim Exempel');
  await form.fill('E-mail', 'kim@example.com');
  await form.fill('Order number (optional)', 'SV-1042');
  await form.fill('Message (optional)', 'Gäller ordern i mars & filerna #3.');
}

let restore: (() => void)[] = [];
teardown(() => {
  for (const undo of restore.splice(0)) undo();
  for (const element of placed.splice(0)) element.remove();
  delete (window as unknown as {samtycke?: unknown}).samtycke;
});

suite('rights request form: what it asks', () => {
  test('offers every right of the GDPR and the shop\'s own types, each explained in one line, as a labelled group', async () => {
    const form = await FormHarness.create();
    const options = form.options();
    assert.deepEqual(options.map((o) => o.title), ['Access', 'Rectification', 'Erasure', 'Restriction', 'Objection',
      'Objection to direct marketing', 'Data portability', 'Withdraw consent', 'Delete my uploaded files']);
    for (const option of options) assert.isAbove(option.description.length, 20, `"${option.title}" is explained`);
    assert.equal(options[8]!.description, 'Erase the 3D models you uploaded for quotes.', 'the shop\'s description');
    const group = form.root.querySelector('fieldset')!;
    assert.equal(squash(group.querySelector('legend')?.textContent), 'What do you want to ask for?');
    assert.equal(accessibleName(group), 'What do you want to ask for?', 'the group is named by its legend');
  });

  test('asks only what identification needs: name, e-mail, an optional order number and a message', async () => {
    const form = await FormHarness.create();
    assert.deepEqual(form.labels(), ['Name', 'E-mail', 'Order number (optional)', 'Message (optional)']);
    assert.equal(form.control('E-mail').getAttribute('autocomplete'), 'email');
    assert.equal(form.control('Name').getAttribute('autocomplete'), 'name');
  });

  test('an erasure request explains what the shop must keep by law', async () => {
    const form = await FormHarness.create();
    const keep = 'What we must keep: the Swedish Bookkeeping Act (Bokföringslagen) requires us to keep accounting records, such as orders, receipts and invoices, for seven years.';
    assert.notInclude(form.options()[2]!.description, keep, 'not shown before erasure is chosen');
    await form.choose('Erasure');
    assert.include(form.options()[2]!.description, keep, 'shown with the erasure option, and read with it');
    assert.include(form.text(), keep);
  });

  test('in Swedish', async () => {
    const form = await FormHarness.create(ENDPOINT, 'sv');
    assert.deepEqual(form.labels(), ['Namn', 'E-postadress', 'Ordernummer (frivilligt)', 'Meddelande (frivilligt)']);
    assert.include(form.options().map((o) => o.title), 'Radera mina uppladdade filer');
    await form.choose('Radering');
    assert.include(form.text(), 'enligt bokföringslagen måste vi spara räkenskapsinformation');
    assert.equal(form.element.lang, 'sv');
  });

  test('without an address, says whom to contact instead of showing a form that cannot be sent', async () => {
    const form = await FormHarness.create(null);
    assert.isNull(form.root.querySelector('form'));
    assert.include(form.text(), 'The request form is not available because the shop has not given an address for it.');
  });
});

suite('rights request form: validation', () => {
  test('an empty form is not sent: each problem is told at its field and focus goes to the first', async () => {
    const fetched = stubFetch(created);
    restore.push(fetched.restore);
    const form = await FormHarness.create();
    await form.press('Send request');
    assert.lengthOf(fetched.sent, 0, 'nothing is sent');
    assert.deepEqual(form.errors(), ['Choose what you want to ask for.', 'Fill in name.', 'Fill in e-mail.']);
    const name = form.control('Name');
    assert.equal(name.getAttribute('aria-invalid'), 'true');
    assert.include(name.getAttribute('aria-describedby')!.split(' '), 'name-error', 'the message is read with the field');
    const group = form.root.querySelector('fieldset')!;
    assert.equal(group.getAttribute('aria-invalid'), 'true');
    assert.equal(group.getAttribute('aria-describedby'), 'type-error');
    assert.equal(form.focused(), form.control('Access'), 'focus on the first invalid field: the type');

    await form.choose('Access');
    await form.fill('E-mail', 'kim@');
    await form.press('Send request');
    assert.deepEqual(form.errors(), ['Fill in name.', 'Write an e-mail address, such as name@example.com.']);
    assert.equal(form.focused(), form.control('Name'), 'then the name');
    assert.equal(form.control('Order number (optional)').getAttribute('aria-invalid'), 'false');
  });

  test('each error is the first thing its field says; each option of the type carries the group\'s error', async () => {
    const form = await FormHarness.create();
    await form.press('Send request');
    const name = form.control('Name');
    assert.equal(name.getAttribute('aria-describedby')!.split(' ')[0], 'name-error', 'the problem is read first, before the hints');
    for (const radio of form.root.querySelectorAll('input[type=radio]')) {
      assert.equal(radio.getAttribute('aria-describedby')!.split(' ')[0], 'type-error', `${accessibleName(radio)}: the group's error is read on each option`);
    }
    await form.choose('Access');
    assert.notInclude(form.control('Access').getAttribute('aria-describedby')!, 'type-error', 'gone once fixed');
  });

  test('errors clear as the visitor fixes them', async () => {
    const form = await FormHarness.create();
    await form.press('Send request');
    await form.choose('Access');
    await form.fill('Name', 'Kim');
    assert.deepEqual(form.errors(), ['Fill in e-mail.']);
  });

  test('rectification needs a message saying what is wrong', async () => {
    const form = await FormHarness.create();
    await form.choose('Rectification');
    assert.include(form.labels(), 'Message', 'no longer optional');
    await form.fill('Name', 'Kim');
    await form.fill('E-mail', 'kim@example.com');
    await form.press('Send request');
    assert.deepEqual(form.errors(), ['Fill in message.']);
    assert.include(form.text(), 'Say what is wrong and what it should be.');
    assert.equal(form.focused(), form.control('Message'));
  });
});

suite('rights request form: sending', () => {
  test('sends the request as JSON and shows a receipt with the type, the date and the due date', async () => {
    const fetched = stubFetch(created);
    restore.push(fetched.restore);
    const before = await browserStorage();
    const form = await FormHarness.create();
    await fillValid(form, 'Erasure');
    await form.press('Send request');

    assert.lengthOf(fetched.sent, 1);
    const {url, body, headers} = fetched.sent[0]!;
    assert.equal(url, '/samtycke-api/requests');
    assert.equal(headers['Content-Type'], 'application/json');
    assert.deepEqual(Object.keys(body).sort(), ['dueDate', 'email', 'language', 'message', 'name', 'orderNumber', 'page', 'requestId', 'submittedAt', 'type']);
    assert.include(body, {type: 'erasure', name: 'Kim Exempel', email: 'kim@example.com', orderNumber: 'SV-1042', message: 'Gäller ordern i mars & filerna #3.', language: 'en'});
    assert.equal(body.page, location.origin + location.pathname, 'the page without query');

    const submitted = new Date(body.submittedAt);
    const long = (date: Date) => new Intl.DateTimeFormat('en', {dateStyle: 'long'}).format(date);
    const due = new Date(submitted.getFullYear(), submitted.getMonth() + 1, Math.min(submitted.getDate(), new Date(submitted.getFullYear(), submitted.getMonth() + 2, 0).getDate()));
    assert.deepEqual(form.receipt(), {'Request': 'Erasure', 'Sent': long(submitted), 'We answer by': long(due), 'Request id': body.requestId});
    assert.include(form.text(), 'We must answer within one month. If the request is complex or we receive many, we may extend the time by two more months');
    assert.include(form.text(), 'Bokföringslagen', 'the erasure receipt repeats what must be kept');
    assert.equal(form.focused()?.id, 'receipt-title', 'focus moves to the receipt');
    assert.isNull(form.root.querySelector('form'), 'the form and what was typed are gone');
    assert.isTrue(isShown(form.button('Print or save as PDF')));

    const after = await browserStorage();
    assert.deepEqual(after.databases, before.databases, 'no IndexedDB database was created');
    for (const typed of ['Kim Exempel', 'kim@example.com', 'SV-1042', 'filerna']) assert.notInclude(after.texts, typed, `"${typed}" is not in Web Storage`);
  });

  test('sending and sent are announced in a status region that is there before and stays after the form', async () => {
    let answer!: (response: Response) => void;
    const fetched = stubFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
    restore.push(fetched.restore);
    const form = await FormHarness.create();
    const region = form.root.querySelector('[role=status]')!;
    assert.equal(squash(region.textContent), '', 'empty, and present before anything is sent');
    await fillValid(form);
    press(form.button('Send request'), 'Send request');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    assert.strictEqual(form.root.querySelector('[role=status]'), region, 'the same region');
    assert.equal(squash(region.textContent), 'Sending your request…');
    answer(created(fetched.sent[0]!.body));
    await form.element.updateComplete;
    assert.strictEqual(form.root.querySelector('[role=status]'), region, 'it outlives the form');
    assert.isNull(form.root.querySelector('form'));
    assert.equal(squash(region.textContent), 'Your request has been sent', 'the result is announced');
    assert.equal(form.focused()?.id, 'receipt-title', 'and focus is on the receipt\'s heading');
  });

  test('the receipt can be saved as a text file', async () => {
    const fetched = stubFetch(created);
    const links = captureLinks();
    restore.push(fetched.restore, links.restore);
    const form = await FormHarness.create();
    await fillValid(form);
    await form.press('Send request');
    await form.press('Save receipt as a text file');
    fetched.restore();
    assert.lengthOf(links.links, 1);
    assert.match(links.links[0]!.download, /^rights-request-\d{4}-\d{2}-\d{2}\.txt$/);
    const text = await (await fetch(links.links[0]!.href)).text();
    assert.include(text, 'Your request has been sent');
    assert.include(text, `Request id: ${fetched.sent[0]!.body.requestId}`);
    assert.include(text, 'We answer by: ');
  });

  test('a failed send keeps everything typed, says what to do, and offers the same request by e-mail', async () => {
    let answer: (request: RightsRequest) => Response | Promise<Response> = offline;
    const fetched = stubFetch((request) => answer(request));
    restore.push(fetched.restore);
    const form = await FormHarness.create();
    await fillValid(form, 'Data portability');
    await form.press('Send request');

    assert.equal(form.control('Name').value, 'Kim Exempel', 'the name is still there');
    assert.equal(form.control('Message (optional)').value, 'Gäller ordern i mars & filerna #3.', 'the message is still there');
    assert.isTrue((form.control('Data portability') as HTMLInputElement).checked, 'the type is still chosen');
    const alert = form.root.querySelector('[role=alert]')!;
    assert.include(squash(alert.textContent), 'Your request was not sent We could not reach the shop. Check your internet connection and try again. What you wrote is still in the form.');
    const mail = form.button('Send it by e-mail to integritet@skiktverket.example instead') as HTMLAnchorElement;
    const url = new URL(mail.href);
    assert.equal(url.protocol, 'mailto:');
    assert.equal(url.pathname, 'integritet@skiktverket.example');
    assert.equal(url.searchParams.get('subject'), 'Request under the GDPR: Data portability');
    assert.include(url.searchParams.get('body')!, 'Message:\r\nGäller ordern i mars & filerna #3.', 'the e-mail carries the message as typed');

    answer = created;
    await form.press('Try again');
    assert.lengthOf(fetched.sent, 2);
    assert.equal(fetched.sent[1]!.body.requestId, fetched.sent[0]!.body.requestId, 'the same request, so the shop can tell it is one');
    assert.equal(form.receipt()['Request'], 'Data portability');
  });

  test('a server error gives its status; a refusal is told at the field it concerns', async () => {
    let answer = () => new Response('', {status: 503});
    const fetched = stubFetch(() => answer());
    restore.push(fetched.restore);
    const form = await FormHarness.create();
    await fillValid(form);
    await form.press('Send request');
    assert.include(form.text(), 'The shop\'s server could not take the request just now (error 503). Try again in a while.');

    answer = () => new Response(JSON.stringify({errors: [{path: 'email', message: 'This address cannot receive mail.'}]}), {status: 400});
    await form.fill('E-mail', 'kim@example.org');
    await form.press('Try again');
    assert.include(form.text(), 'The shop\'s server did not accept the request:');
    assert.deepEqual(form.errors(), ['This address cannot receive mail.']);
    assert.equal(form.control('E-mail').getAttribute('aria-invalid'), 'true');
    assert.notEqual(fetched.sent[1]!.body.requestId, fetched.sent[0]!.body.requestId, 'a changed request is a new request');
  });

  test('works with the keyboard alone', async () => {
    const fetched = stubFetch(created);
    restore.push(fetched.restore);
    const form = await FormHarness.create();
    form.control('Access').focus();
    await sendKeys({press: 'ArrowDown'});
    await sendKeys({press: 'ArrowDown'});
    await sendKeys({press: 'Tab'});
    await sendKeys({type: 'Kim Exempel'});
    await sendKeys({press: 'Tab'});
    await sendKeys({type: 'kim@example.com'});
    await sendKeys({press: 'Enter'});
    await form.element.updateComplete;
    assert.lengthOf(fetched.sent, 1, 'Enter in a field sends the form');
    assert.include(fetched.sent[0]!.body, {type: 'erasure', name: 'Kim Exempel', email: 'kim@example.com'}, 'the arrow keys chose the third type');
    assert.equal(form.focused()?.id, 'receipt-title', 'and focus is on the receipt');
  });
});

suite('rights request form: by e-mail (the default)', () => {
  test('without an endpoint, opens a prefilled e-mail to the privacy address in the visitor\'s language', async () => {
    const links = captureLinks();
    const fetched = stubFetch(created);
    restore.push(links.restore, fetched.restore);
    const log = createMemoryReceiptLog();
    const manager = createConsentManager(config(), {document, store: createMemoryStore()});
    restore.push(() => manager.destroy());
    const context: SamtyckeContext = {
      manager, receipts: log, json: {...rawConfig(), privacy: {controller: {email: 'integritet@skiktverket.example'}}}, source: '/samtycke.config.json',
      translator: createTranslator({language: 'sv', locales: {en, sv}}),
      forgetDevice: async () => undefined, exportData: async () => ({}), showPreferences: () => undefined,
    };
    (window as unknown as {samtycke: unknown}).samtycke = {[CONTEXT]: Promise.resolve(context)};
    const before = await browserStorage();
    const center = document.createElement('samtycke-privacy-center');
    placed.push(center);
    document.body.append(center);
    await Promise.resolve();
    await center.updateComplete;
    const form = new FormHarness(center.shadowRoot!.querySelector('samtycke-rights-request')!);
    await form.element.updateComplete;

    assert.include(form.text(), 'Ditt e-postprogram öppnas med begäran ifylld, adresserad till integritet@skiktverket.example.');
    await form.choose('Invändning mot direktmarknadsföring');
    await form.fill('Namn', 'Kim Exempel');
    await form.fill('E-postadress', 'kim@example.com');
    await form.press('Skriv e-postmeddelandet');

    assert.lengthOf(fetched.sent, 0, 'nothing is posted anywhere');
    assert.lengthOf(links.links, 1, 'the e-mail program is opened once');
    const url = new URL(links.links[0]!.href);
    assert.equal(url.pathname, 'integritet@skiktverket.example');
    assert.equal(url.searchParams.get('subject'), 'Begäran enligt GDPR: Invändning mot direktmarknadsföring');
    const body = url.searchParams.get('body')!;
    assert.include(body, 'Jag vill använda min rättighet enligt dataskyddsförordningen (GDPR): Invändning mot direktmarknadsföring.');
    assert.include(body, 'Namn: Kim Exempel\r\nE-postadress: kim@example.com');
    assert.match(body, /Enligt GDPR \(artikel 12\.3\) ska svaret komma senast \d{1,2} [a-zåäö]+ \d{4}\./);

    assert.include(form.text(), 'Ditt e-postmeddelande är klart att skicka');
    assert.equal(form.receipt()['Begäran'], 'Invändning mot direktmarknadsföring');
    const text = form.root.querySelector('textarea')!;
    assert.include(text.value, body.replaceAll('\r\n', '\n'), 'the text to send by hand, if no e-mail program opened');
    assert.equal((form.button('Öppna e-postmeddelandet igen') as HTMLAnchorElement).href, links.links[0]!.href);

    const after = await browserStorage();
    assert.deepEqual(after.databases, before.databases, 'no IndexedDB database was created');
    for (const typed of ['Kim Exempel', 'kim@example.com']) assert.notInclude(after.texts, typed, `"${typed}" is not in Web Storage`);

    await form.press('Gör en ny begäran');
    assert.equal(form.control('Namn').value, '', 'a new request starts empty');
  });
});
