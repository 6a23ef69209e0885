// The privacy center on the demo shop's pages (/integritetscenter.html, /en/privacy-center.html),
// loaded as a shop loads it: samtycke.js alone, which imports chunks/privacy.js for the element.
// The rights-request endpoint is answered through Playwright routes, so each test chooses it.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {startServer} from '../../scripts/serve.mjs';
import {ready, state, storedDecision, useBrowser, visit, widget} from './helpers.mjs';

const env = useBrowser();
const SV = '/integritetscenter.html';
const EN = '/en/privacy-center.html';

/**
 * Opens a privacy center page in a fresh browser. `requests` answers POST /samtycke-api/requests
 * (default 201); the receipts endpoint always accepts, so only the test's own flow is logged.
 */
async function open(t, path, {requests = (body) => ({status: 201, body: {requestId: body.requestId, receivedAt: new Date().toISOString()}}), contextOptions = {}} = {}) {
  const visited = await visit(t, env, {contextOptions});
  const {context, page} = visited;
  const posted = [];
  await context.route('**/samtycke-api/requests', async (route) => {
    const body = JSON.parse(route.request().postData() ?? 'null');
    posted.push(body);
    const answer = await requests(body);
    if (answer === 'offline') return route.abort('internetdisconnected');
    return route.fulfill({status: answer.status, contentType: 'application/json', body: JSON.stringify(answer.body ?? {})});
  });
  await context.route('**/samtycke-api/receipts', async (route) => {
    const {receipts = []} = JSON.parse(route.request().postData() ?? '{}');
    await route.fulfill({status: 200, contentType: 'application/json', body: JSON.stringify({accepted: receipts.map((r) => r.receiptId), duplicates: []})});
  });
  await page.goto(env.url.replace(/\/$/, '') + path);
  await ready(page);
  const center = page.locator('samtycke-privacy-center');
  await center.locator('section').first().waitFor();
  return {...visited, center, form: page.locator('samtycke-rights-request'), posted};
}

const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
/** axe-core's WCAG 2.2 A/AA violations in the privacy center (its form included), one line each. */
async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({path: AXE});
  return page.evaluate(async () => {
    const {violations} = await window.axe.run(document.querySelector('samtycke-privacy-center'),
      {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}, resultTypes: ['violations']});
    return violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary}`).join(' | ')}`);
  });
}

const TEXTS = {
  sv: {path: SV, send: 'Skicka begäran', name: 'Namn', email: 'E-postadress', type: 'Registerutdrag', sent: 'Din begäran är skickad', failed: 'Din begäran skickades inte',
    withdraw: 'Återkalla allt samtycke', nothing: 'Inget valfritt är tillåtet nu, så det finns inget samtycke att återkalla.'},
  en: {path: EN, send: 'Send request', name: 'Name', email: 'E-mail', type: 'Access', sent: 'Your request has been sent', failed: 'Your request was not sent',
    withdraw: 'Withdraw all consent', nothing: 'Nothing optional is allowed now, so there is no consent to withdraw.'},
};

/** The history table as rows of cell texts, newest first. */
const history = (center) => center.locator('tbody tr').evaluateAll((rows) =>
  rows.map((row) => Array.from(row.querySelectorAll('td'), (td) => td.textContent.replace(/\s+/g, ' ').trim())));

/** Everything in Web Storage and every IndexedDB database of the page, as one string. */
const everythingStored = (page) => page.evaluate(async () => {
  const dump = [JSON.stringify({...localStorage}), JSON.stringify({...sessionStorage})];
  for (const {name} of await indexedDB.databases()) {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const store of db.objectStoreNames) {
      const values = await new Promise((resolve) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
      });
      dump.push(`${name}/${store}: ${JSON.stringify(values)}`);
    }
    db.close();
  }
  return dump.join('\n');
});

describe('privacy center on the demo shop', () => {
  test('samtycke.js alone brings the privacy center; it shows the choice made in the banner and its receipt', async (t) => {
    const {page, center, log} = await open(t, SV);
    assert.ok(await page.evaluate(() => !!customElements.get('samtycke-privacy-center')), 'the privacy bundle was loaded for the element');
    assert.equal(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/chunks/privacy.js')).length), 1, 'loaded once');
    await center.getByText('Du har inte gjort något val på den här enheten än').waitFor();
    assert.equal(await center.getAttribute('lang'), 'sv');

    await widget(page, 'sv').banner.rejectAll.click();
    await center.getByText('Du gjorde det här valet').waitFor();
    await center.locator('tbody tr').first().waitFor();
    const [row] = await history(center);
    const {record} = await state(page);
    assert.deepEqual(row.slice(1, 4), ['Nekade alla', 'Bara nödvändiga', 'Cookierutan'], 'the decision, what it allowed and where');
    assert.match(row[0], /^\d{1,2} [a-zåäö]+ \d{4} kl\. \d{2}:\d{2}$/, 'a Swedish date and time');
    assert.match(row[4], /^[0-9a-f-]{36}$/, 'the receipt id');
    assert.ok(record, 'decided');
    assert.deepEqual(log.samtycke().filter((m) => m.type === 'error' || m.type === 'pageerror'), [], 'no errors');
  });

  test('"Återkalla allt samtycke" changes the same consent as the banner, recorded from the privacy center', async (t) => {
    const {page, center} = await open(t, SV);
    await widget(page, 'sv').banner.acceptAll.click();
    await center.getByText('Marknadsföring: ✓ Tillåten').waitFor();
    // The demo's tagged trackers ran, so the widget reloads the page after the withdrawal.
    await Promise.all([page.waitForEvent('load'), center.getByRole('button', {name: 'Återkalla allt samtycke'}).click()]);
    await ready(page);
    const after = await state(page);
    assert.equal(after.record.method, 'withdrawal');
    assert.equal(after.record.source, 'privacy-center');
    assert.equal(after.categories.marketing, false, 'marketing is off for the whole shop');
    assert.equal((await storedDecision(page)).source, 'privacy-center', 'the stored decision is the same record');
    const center2 = page.locator('samtycke-privacy-center');
    await center2.locator('tbody tr').nth(1).waitFor();
    const rows = await history(center2);
    assert.deepEqual(rows.map((r) => [r[1], r[3]]), [['Återkallade samtycket', 'Integritetscentret'], ['Accepterade alla', 'Cookierutan']]);
  });

  test('"Download my data" saves everything Samtycke keeps in this browser as JSON', async (t) => {
    const {page, center} = await open(t, EN);
    await widget(page, 'en').banner.rejectAll.click();
    await center.locator('tbody tr').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), center.getByRole('button', {name: 'Download my data (JSON)'}).click()]);
    assert.match(download.suggestedFilename(), /^samtycke-data-\d{4}-\d{2}-\d{2}\.json$/);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    const data = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const {record} = await state(page);
    assert.deepEqual(data.decision, record, 'the decision in force');
    assert.equal(data.receipts.length, 1, 'the receipt of the decision');
    assert.equal(data.receipts[0].consentId, record.consentId);
    await center.getByText(`Your data is saved as ${download.suggestedFilename()}.`).waitFor();
  });

  test('"Forget this device" asks, then erases the record, the receipts and the decision cookie, and the banner asks again', async (t) => {
    const {context, page, center} = await open(t, EN);
    const ui = widget(page, 'en');
    await ui.banner.rejectAll.click();
    await center.locator('tbody tr').first().waitFor();
    await center.getByRole('button', {name: 'Forget this device'}).click();
    const dialog = center.getByRole('dialog', {name: 'Forget this device?'});
    await dialog.waitFor();
    await dialog.getByRole('button', {name: 'Yes, forget this device'}).click();
    await center.getByText('This device is forgotten. We erased your cookie choice, 1 consent receipt').waitFor();
    assert.equal((await state(page)).status, 'undecided');
    assert.equal(await storedDecision(page), null, 'no record in IndexedDB');
    assert.ok(!(await context.cookies()).some((c) => c.name === 'samtycke'), 'no decision cookie');
    await center.getByText('No choices are recorded on this device.').waitFor();
    await ui.banner.box.waitFor({state: 'visible'});
  });
});

describe('rights requests on the demo shop', () => {
  test('a request reaches the endpoint as JSON, the visitor gets a receipt, and nothing typed stays in the browser', async (t) => {
    const {page, form, posted} = await open(t, EN);
    await widget(page, 'en').banner.rejectAll.click();
    await form.getByRole('radio', {name: 'Delete my uploaded files'}).check();
    await form.getByLabel('Name', {exact: true}).fill('Kim Exempel');
    await form.getByLabel('E-mail', {exact: true}).fill('kim@example.com');
    await form.getByLabel('Order number (optional)').fill('SV-1042');
    await form.getByLabel('Message (optional)').fill('The files of order SV-1042, please.');
    await form.getByRole('button', {name: 'Send request'}).click();
    await form.getByRole('heading', {name: 'Your request has been sent'}).waitFor();

    assert.equal(posted.length, 1);
    const [request] = posted;
    assert.deepEqual({...request, requestId: '', submittedAt: '', dueDate: ''}, {
      requestId: '', type: 'delete-uploads', submittedAt: '', dueDate: '', language: 'en', name: 'Kim Exempel', email: 'kim@example.com',
      orderNumber: 'SV-1042', message: 'The files of order SV-1042, please.', page: `http://127.0.0.1:${env.server.port}/en/privacy-center.html`,
    });
    assert.match(request.dueDate, /^\d{4}-\d{2}-\d{2}$/);
    const receipt = await form.locator('.receipt').innerText();
    assert.match(receipt, /Request\s+Delete my uploaded files/);
    assert.match(receipt, new RegExp(`Request id\\s+${request.requestId}`));
    assert.match(receipt, /We answer by\s+\w+ \d{1,2}, \d{4}/);
    assert.match(receipt, /extend the time by two more months/);
    assert.equal(await form.getByLabel('Name', {exact: true}).count(), 0, 'the form is gone');

    const stored = await everythingStored(page);
    for (const typed of ['Kim Exempel', 'kim@example.com', 'SV-1042']) assert.ok(!stored.includes(typed), `"${typed}" is stored nowhere in the browser`);
  });

  test('offline, the form keeps what was typed, says what to do, and sends the same request once online', async (t) => {
    let online = false;
    const {page, form, posted} = await open(t, SV, {requests: (body) => (online ? {status: 201, body: {requestId: body.requestId, receivedAt: new Date().toISOString()}} : 'offline')});
    await widget(page, 'sv').banner.rejectAll.click();
    await form.getByRole('radio', {name: 'Radering', exact: true}).check();
    await form.getByText('enligt bokföringslagen måste vi spara räkenskapsinformation').waitFor();
    await form.getByLabel('Namn', {exact: true}).fill('Kim Exempel');
    await form.getByLabel('E-postadress', {exact: true}).fill('kim@example.com');
    await form.getByLabel('Meddelande (frivilligt)').fill('Radera mitt konto, tack.');
    await form.getByRole('button', {name: 'Skicka begäran'}).click();

    const alert = form.getByRole('alert');
    await alert.getByText('Din begäran skickades inte').waitFor();
    assert.match(await alert.innerText(), /Vi fick inte kontakt med butiken\. Kontrollera din internetanslutning och försök igen\.\s+Det du skrev finns kvar i formuläret\./);
    assert.equal(await form.getByLabel('Namn', {exact: true}).inputValue(), 'Kim Exempel');
    assert.equal(await form.getByLabel('Meddelande (frivilligt)').inputValue(), 'Radera mitt konto, tack.');
    const mailto = new URL(await alert.getByRole('link', {name: 'Skicka den med e-post till integritet@skiktverket.example i stället'}).getAttribute('href'));
    assert.equal(mailto.searchParams.get('subject'), 'Begäran enligt GDPR: Radering');
    assert.match(mailto.searchParams.get('body'), /Meddelande:\r\nRadera mitt konto, tack\./);

    online = true;
    await alert.getByRole('button', {name: 'Försök igen'}).click();
    await form.getByRole('heading', {name: 'Din begäran är skickad'}).waitFor();
    assert.equal(posted.length, 2);
    assert.equal(posted[1].requestId, posted[0].requestId, 'the same request id: the shop receives one request');
  });

  test('the demo\'s reference receiver stores the request, once', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'samtycke-requests-'));
    const server = await startServer({port: 0, receiver: {dir}});
    t.after(async () => {
      await server.close();
      rmSync(dir, {recursive: true, force: true});
    });
    const {page} = await visit(t, env);
    await page.goto(`${server.url.replace(/\/$/, '')}${EN}`);
    await widget(page, 'en').banner.rejectAll.click();
    const form = page.locator('samtycke-rights-request');
    await form.getByRole('radio', {name: 'Objection to direct marketing'}).check();
    await form.getByLabel('Name', {exact: true}).fill('Kim Exempel');
    await form.getByLabel('E-mail', {exact: true}).fill('kim@example.com');
    await form.getByRole('button', {name: 'Send request'}).click();
    await form.getByRole('heading', {name: 'Your request has been sent'}).waitFor();
    const requestId = await form.locator('.receipt code').innerText();
    const stored = await server.receiver.store.getRequest(requestId);
    assert.ok(stored, 'the receiver has the request under the id the visitor sees');
    assert.deepEqual({type: stored.type, name: stored.name, email: stored.email, language: stored.language},
      {type: 'objection-direct-marketing', name: 'Kim Exempel', email: 'kim@example.com', language: 'en'});
    assert.equal([...server.receiver.store.requests()].length, 1, 'received once');
  });
});

describe('accessibility of the privacy center on the demo shop', () => {
  for (const language of ['sv', 'en']) {
    test(`${language}: axe finds no violation in any state, with a light and a dark system setting`, async (t) => {
      const text = TEXTS[language];
      let online = false;
      const {page, center, form} = await open(t, text.path, {
        contextOptions: {bypassCSP: true},
        requests: (body) => (online ? {status: 201, body: {requestId: body.requestId, receivedAt: new Date().toISOString()}} : 'offline'),
      });
      await widget(page, language).banner.rejectAll.click();
      await center.locator('tbody tr').first().waitFor();
      const check = async (state) => {
        for (const colorScheme of ['light', 'dark']) {
          await page.emulateMedia({colorScheme});
          assert.deepEqual(await axeViolations(page), [], `${state}, ${colorScheme}`);
        }
      };
      await check('choices and history');
      await form.getByRole('button', {name: text.send}).click();
      await form.locator('[aria-invalid="true"]').first().waitFor();
      await check('field errors');
      await form.getByRole('radio', {name: text.type, exact: true}).check();
      await form.getByLabel(text.name, {exact: true}).fill('Kim Exempel');
      await form.getByLabel(text.email, {exact: true}).fill('kim.exempel.med.en.mycket.lang.adress@exempelforetaget-i-smastad.example');
      await form.getByRole('button', {name: text.send}).click();
      await form.getByRole('alert').getByText(text.failed).waitFor();
      await check('failed send');
      online = true;
      await form.getByRole('button', {name: text.send}).click();
      await form.getByRole('heading', {name: text.sent}).waitFor();
      await check('receipt');
      assert.equal(await form.getByRole('status').innerText(), text.sent, 'the sent request is announced');
    });
  }

  test('"Withdraw all consent" after "Reject all": reachable, inactive, and says why; the keyboard cannot withdraw', async (t) => {
    const {page, center} = await open(t, SV);
    await widget(page, 'sv').banner.rejectAll.click();
    await center.locator('tbody tr').first().waitFor();
    const withdraw = center.getByRole('button', {name: TEXTS.sv.withdraw});
    assert.equal(await withdraw.getAttribute('aria-disabled'), 'true');
    assert.equal(await withdraw.evaluate((b) => b.getRootNode().getElementById(b.getAttribute('aria-describedby')).textContent), TEXTS.sv.nothing);
    await center.getByText(TEXTS.sv.nothing).waitFor();
    await center.getByRole('button', {name: 'Ändra val'}).focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.querySelector('samtycke-privacy-center').shadowRoot.activeElement?.textContent), TEXTS.sv.withdraw, 'Tab reaches it');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    assert.equal((await state(page)).record.method, 'reject-all', 'no withdrawal is recorded over a refusal');
  });

  for (const [width, height, name] of [[320, 640, '320 px wide'], [640, 400, '1280 × 800 at 200 % zoom']]) {
    test(`${name}: the center, a failed send and the receipt do not scroll sideways`, async (t) => {
      let online = false;
      const {page, center, form} = await open(t, EN, {
        contextOptions: {viewport: {width, height}},
        requests: (body) => (online ? {status: 201, body: {requestId: body.requestId, receivedAt: new Date().toISOString()}} : 'offline'),
      });
      await widget(page, 'en').banner.rejectAll.click();
      await center.locator('tbody tr').first().waitFor();
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.equal(await overflow(), 0, 'choices and history');
      await form.getByRole('radio', {name: 'Delete my uploaded files'}).check();
      await form.getByLabel('Name', {exact: true}).fill('Kim Exempel');
      await form.getByLabel('E-mail', {exact: true}).fill('kim.exempel.med.en.mycket.lang.adress@exempelforetaget-i-smastad.example');
      await form.getByRole('button', {name: 'Send request'}).click();
      await form.getByRole('alert').getByText('Your request was not sent').waitFor();
      assert.equal(await overflow(), 0, 'the failure with its e-mail link');
      online = true;
      await form.getByRole('button', {name: 'Try again'}).click();
      await form.getByRole('heading', {name: 'Your request has been sent'}).waitFor();
      assert.equal(await overflow(), 0, 'the receipt');
    });
  }
});
