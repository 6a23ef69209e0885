import {assert} from '@esm-bundle/chai';
import {createTranslator} from '../../src/core/i18n/translator.js';
import {dueDate, formatCalendarDate, localDate} from '../../src/core/rights/due-date.js';
import {mailtoUrl, requestMail} from '../../src/core/rights/request-mail.js';
import {RIGHTS_REQUEST_TYPES} from '../../src/core/rights/request-types.js';
import {buildRequest, type RightsRequest} from '../../src/core/rights/rights-request.js';
import {submitRequest} from '../../src/core/rights/submit-request.js';
import en from '../../locales/center/en.json';
import sv from '../../locales/center/sv.json';

/** Noon local time, so the calendar date is the same in every zone the tests may run in. */
const day = (year: number, month: number, date: number) => new Date(year, month - 1, date, 12);

suite('rights requests: due date (GDPR art. 12(3), one calendar month)', () => {
  test('the same day of the next month', () => {
    assert.equal(dueDate(day(2026, 11, 22)), '2026-12-22', 'a request of 22 November is due 22 December');
    assert.equal(dueDate(day(2026, 1, 15)), '2026-02-15', 'mid-month stays mid-month');
    assert.equal(dueDate(day(2026, 12, 15)), '2027-01-15', 'December rolls over into the next year');
  });

  test('a day the next month lacks becomes its last day', () => {
    assert.equal(dueDate(day(2026, 1, 31)), '2026-02-28', '31 January → 28 February in a common year');
    assert.equal(dueDate(day(2026, 1, 29)), '2026-02-28', '29 January → 28 February in a common year');
    assert.equal(dueDate(day(2026, 3, 31)), '2026-04-30', '31 March → 30 April');
    assert.equal(dueDate(day(2026, 8, 31)), '2026-09-30', '31 August → 30 September');
    assert.equal(dueDate(day(2026, 10, 31)), '2026-11-30', '31 October → 30 November');
    assert.equal(dueDate(day(2026, 2, 28)), '2026-03-28', 'the last day of February is not moved to the last day of March');
  });

  test('leap years', () => {
    assert.equal(dueDate(day(2028, 1, 31)), '2028-02-29', '31 January 2028 → 29 February (leap year)');
    assert.equal(dueDate(day(2028, 1, 30)), '2028-02-29', '30 January 2028 → 29 February');
    assert.equal(dueDate(day(2028, 2, 29)), '2028-03-29', '29 February → 29 March');
    assert.equal(dueDate(day(2100, 1, 31)), '2100-02-28', '2100 is not a leap year (divisible by 100)');
    assert.equal(dueDate(day(2000, 1, 31)), '2000-02-29', '2000 is a leap year (divisible by 400)');
  });

  test('the extended date is three calendar months, also clamped', () => {
    assert.equal(dueDate(day(2026, 11, 30), {months: 3}), '2027-02-28', '30 November + 3 months → 28 February');
    assert.equal(dueDate(day(2026, 5, 31), {months: 3}), '2026-08-31', '31 May + 3 months → 31 August');
  });

  test('counts from the calendar date in the given time zone', () => {
    const lateEvening = new Date('2026-01-31T23:30:00Z');
    assert.equal(dueDate(lateEvening, {timeZone: 'Europe/Stockholm'}), '2026-03-01', 'already 1 February in Stockholm → 1 March');
    assert.equal(dueDate(lateEvening, {timeZone: 'UTC'}), '2026-02-28', 'still 31 January in UTC → 28 February');
    assert.equal(localDate(lateEvening, 'Europe/Stockholm'), '2026-02-01', 'localDate follows the zone too');
    assert.equal(localDate(day(2026, 11, 22)), '2026-11-22', 'without a zone: the browser\'s calendar date');
  });

  test('an invalid date is an error, not a made-up deadline', () => {
    assert.throws(() => dueDate(new Date('not a date')), RangeError);
  });

  test('dates are written out in the visitor\'s language', () => {
    assert.equal(formatCalendarDate('2026-12-22', 'sv'), '22 december 2026', 'Swedish');
    assert.equal(formatCalendarDate('2026-12-22', 'en'), 'December 22, 2026', 'English');
  });
});

suite('rights requests: the payload', () => {
  const input = {type: 'erasure', name: '  Kim Exempel ', email: ' kim@example.com ', orderNumber: '  ', message: ' Radera allt ',
    language: 'sv', page: 'https://shop.example/integritetscenter.html?utm_source=mail&token=abc#rights'};
  const fixed = {now: () => new Date('2026-11-22T09:30:00Z'), randomId: () => '11111111-2222-4333-8444-555555555555', timeZone: 'Europe/Stockholm'};

  test('has the fields of the contract, trimmed, without empty optional fields or the page\'s query', () => {
    assert.deepEqual(buildRequest(input, fixed), {
      requestId: '11111111-2222-4333-8444-555555555555',
      type: 'erasure',
      submittedAt: '2026-11-22T09:30:00.000Z',
      dueDate: '2026-12-22',
      language: 'sv',
      name: 'Kim Exempel',
      email: 'kim@example.com',
      message: 'Radera allt',
      page: 'https://shop.example/integritetscenter.html',
    });
  });

  test('keeps a given request id, so a resent request is the same request', () => {
    const again = buildRequest(input, {...fixed, requestId: 'kept-id'});
    assert.equal(again.requestId, 'kept-id');
  });

  test('gets a random UUID by default', () => {
    const {requestId} = buildRequest(input);
    assert.match(requestId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a version 4 UUID');
    assert.notEqual(buildRequest(input).requestId, requestId, 'a new one each time');
  });

  test('the built-in types are the eight rights of the GDPR, in the form\'s order', () => {
    assert.deepEqual([...RIGHTS_REQUEST_TYPES], ['access', 'rectification', 'erasure', 'restriction', 'objection',
      'objection-direct-marketing', 'portability', 'withdraw-consent']);
  });
});

suite('rights requests: mailto', () => {
  const decode = (url: string) => {
    const parsed = new URL(url);
    return {to: decodeURIComponent(parsed.pathname), subject: parsed.searchParams.get('subject'), body: parsed.searchParams.get('body')};
  };

  test('every character the visitor typed arrives as written', () => {
    const tricky = 'Åsa & Örjan? #1 + 100% = "klart"\n/ ; , = <b>';
    const url = mailtoUrl({to: 'integritet@skiktverket.example', subject: `Radering: ${tricky}`, body: tricky});
    assert.match(url, /^mailto:integritet@skiktverket\.example\?subject=[^&]*&body=[^&]*$/, 'only the separators are raw');
    const parts = decode(url);
    assert.equal(parts.to, 'integritet@skiktverket.example');
    assert.equal(parts.subject, `Radering: ${tricky.replace('\n', '\r\n')}`, 'the subject round-trips');
    assert.equal(parts.body, tricky.replace('\n', '\r\n'), 'the body round-trips');
  });

  test('line breaks are CRLF (RFC 6068) and spaces are %20, not +', () => {
    const url = mailtoUrl({to: 'a@b.example', subject: 'Hej där', body: 'rad 1\nrad 2\r\nrad 3'});
    assert.include(url, 'subject=Hej%20d%C3%A4r', 'UTF-8 percent-encoding, %20 for space');
    assert.include(url, 'body=rad%201%0D%0Arad%202%0D%0Arad%203', 'each line break once, as %0D%0A');
  });

  test('refuses an address that would add recipients or headers', () => {
    for (const to of ['a@b.example?cc=x@y.example', 'a@b.example,c@d.example', 'no-at-sign', 'a b@c.example', '']) {
      assert.throws(() => mailtoUrl({to, subject: '', body: ''}), RangeError, undefined, JSON.stringify(to));
    }
  });

  test('the e-mail is readable in the visitor\'s language', () => {
    const t = createTranslator({language: 'sv', locales: {en, sv}}).t;
    const request: RightsRequest = {requestId: 'abc-123', type: 'erasure', submittedAt: '2026-01-31T10:00:00.000Z', dueDate: '2026-02-28',
      language: 'sv', name: 'Kim Exempel', email: 'kim@example.com', orderNumber: 'SV-1042', message: 'Radera mitt konto.', page: 'https://shop.example/'};
    const mail = requestMail(request, 'integritet@skiktverket.example', {t, typeTitle: 'Radering', note: sv['rights.erasure.keep']});
    assert.equal(mail.subject, 'Begäran enligt GDPR: Radering');
    assert.equal(mail.body, [
      'Hej!', '',
      'Jag vill använda min rättighet enligt dataskyddsförordningen (GDPR): Radering.', '',
      'Namn: Kim Exempel', 'E-postadress: kim@example.com', 'Ordernummer: SV-1042', '',
      'Meddelande:', 'Radera mitt konto.', '',
      'Skickad: 31 januari 2026',
      'Enligt GDPR (artikel 12.3) ska svaret komma senast 28 februari 2026.', '',
      sv['rights.erasure.keep'], '',
      'Begärans id: abc-123',
    ].join('\n'));
  });
});

suite('rights requests: sending to the endpoint', () => {
  const request: RightsRequest = {requestId: 'r-1', type: 'access', submittedAt: '2026-11-22T09:30:00.000Z', dueDate: '2026-12-22',
    language: 'en', name: 'Kim', email: 'kim@example.com', page: 'https://shop.example/privacy-center'};
  const answer = (status: number, body?: unknown) => async () =>
    new Response(body === undefined ? null : JSON.stringify(body), {status, headers: {'content-type': 'application/json'}});

  test('POSTs the request as JSON', async () => {
    const calls: {url: string; init: RequestInit}[] = [];
    const fetcher = (async (url: string, init: RequestInit) => {
      calls.push({url, init});
      return new Response(JSON.stringify({requestId: 'r-1', receivedAt: '2026-11-22T09:30:01.000Z'}), {status: 201});
    }) as typeof fetch;
    const result = await submitRequest('/samtycke-api/requests', request, fetcher);
    assert.deepEqual(result, {ok: true, requestId: 'r-1', receivedAt: '2026-11-22T09:30:01.000Z'});
    assert.equal(calls.length, 1, 'sent once');
    assert.equal(calls[0]!.url, '/samtycke-api/requests');
    assert.equal(calls[0]!.init.method, 'POST');
    assert.equal((calls[0]!.init.headers as Record<string, string>)['Content-Type'], 'application/json');
    assert.deepEqual(JSON.parse(String(calls[0]!.init.body)), request, 'the body is the request, nothing more');
  });

  test('a known request id (200) is a success too', async () => {
    const result = await submitRequest('/x', request, answer(200, {requestId: 'r-1', receivedAt: '2026-11-22T09:00:00.000Z'}) as typeof fetch);
    assert.isTrue(result.ok);
  });

  test('a 400 is "rejected" with the endpoint\'s reasons', async () => {
    const result = await submitRequest('/x', request, answer(400, {errors: [{path: 'email', message: 'not an address'}, {bogus: 1}]}) as typeof fetch);
    assert.deepEqual(result, {ok: false, reason: 'rejected', status: 400, errors: [{path: 'email', message: 'not an address'}]});
  });

  test('a server error is "server" with its status', async () => {
    assert.deepEqual(await submitRequest('/x', request, answer(503) as typeof fetch), {ok: false, reason: 'server', status: 503, errors: []});
    assert.deepEqual(await submitRequest('/x', request, answer(404, {}) as typeof fetch), {ok: false, reason: 'server', status: 404, errors: []});
  });

  test('no answer at all is "network", never a thrown error', async () => {
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    assert.deepEqual(await submitRequest('/x', request, offline), {ok: false, reason: 'network', errors: []});
    const hanging = ((_: string, init: RequestInit) => new Promise((_resolve, reject) => {
      init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
    })) as typeof fetch;
    assert.deepEqual(await submitRequest('/x', request, hanging, {timeout: 10}), {ok: false, reason: 'network', errors: []}, 'a timeout gives up');
  });
});
