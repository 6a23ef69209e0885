import {assert} from '@esm-bundle/chai';
import {buildPrivacyPolicy} from '../../src/core/privacy/policy-document.js';
import {buildCookieDeclaration} from '../../src/core/privacy/declaration-document.js';
import {validatePrivacy} from '../../src/core/privacy/validate-privacy.js';
import {ACTIVITY_TEMPLATES, type PrivacyConfig} from '../../src/core/privacy/types.js';
import type {ResolvedConfig} from '../../src/core/index.js';
import privacyEn from '../../locales/privacy/en.json';
import privacySv from '../../locales/privacy/sv.json';
import {config, rawConfig} from '../helpers/fixtures.js';
import {configFile, fact, privacySection, privacyTexts, section, tableRows, texts} from './privacy-fixtures.js';

/** The validated section, failing the test when the fixture is invalid. */
function valid(privacy: unknown = privacySection(), resolved: ResolvedConfig = config()): PrivacyConfig {
  const result = validatePrivacy(configFile(rawConfig(), privacy), {languages: resolved.languages, services: resolved.services, referenceTexts: privacyEn});
  if (!result.privacy) throw new Error(`fixture invalid: ${JSON.stringify(result.problems)}`);
  return result.privacy;
}

const policy = (language = 'en', privacy: unknown = privacySection(), resolved: ResolvedConfig = config()) =>
  buildPrivacyPolicy(valid(privacy, resolved), resolved, privacyTexts(language, resolved));

/** Fails with the first text that still shows a locale key (a missing translation). */
function assertTranslated(blocks: ReturnType<typeof policy>, where: string): void {
  const raw = texts(blocks).find((text) => /\b(privacy|category)\.[\w.-]+/.test(text) || /\{\w+\}/.test(text));
  assert.isUndefined(raw, `${where}: an untranslated key or unfilled placeholder is shown`);
}

suite('privacy policy model', () => {
  test('names the controller with legal name, organisation number, address and e-mail', () => {
    const controller = section(policy(), 'controller');
    const all = texts(controller ? [controller] : []).join(' ');
    for (const part of ['Provtryck AB', '559000-0001', 'Testgatan 1, 111 11 Teststad', 'privacy@provtryck.example']) {
      assert.include(all, part, `the controller section shows ${part}`);
    }
    assert.notInclude(all, 'data protection officer', 'no DPO is mentioned when none is appointed');
    const withDpo = section(policy('en', privacySection({dpo: {name: 'Dana Skydd', email: 'dpo@provtryck.example'}})), 'controller');
    assert.include(texts([withDpo!]).join(' '), 'dpo@provtryck.example', 'an appointed DPO is shown with the contact address');
  });

  test('each activity states purpose, data, legal basis, requirement, retention and recipients', () => {
    const orders = section(policy(), 'activity-orders');
    assert.equal(orders?.heading, 'Orders and delivery');
    for (const term of ['Purpose', 'Data we use', 'Legal basis', 'Do you have to give us the data?', 'How long we keep it', 'Who receives it']) {
      assert.isNotEmpty(fact(orders, term), `orders shows "${term}"`);
    }
    assert.include(fact(orders, 'Legal basis'), 'art. 6(1)(b)', 'the contract basis names its article');
    assert.match(fact(orders, 'Do you have to give us the data?')!, /^Yes, for the contract\. Without/, 'whether required, and the consequence of not giving it');
    assert.equal(fact(orders, 'Who receives it'), 'Stripe Payments Europe, Limited and PostNord Sverige AB.', 'recipients by legal name');
  });

  test('legitimate interests state the interest; a legal obligation names the law', () => {
    const blocks = policy();
    assert.include(fact(section(blocks, 'activity-customer-service'), 'Our legitimate interest'), 'answer your questions');
    const bookkeeping = section(blocks, 'activity-bookkeeping');
    assert.include(fact(bookkeeping, 'The law that requires it'), 'Bookkeeping Act');
    assert.equal(fact(bookkeeping, 'How long we keep it'), '7 years after the end of the calendar year in which our financial year ended.',
      'Bokföringslagen 7 kap. 2 §: seven years after the end of the calendar year');
    const own = policy('en', privacySection({activities: [{template: 'orders', legalBasis: 'legitimate-interests', legitimateInterest: 'To sell things'}]}));
    assert.equal(fact(section(own, 'activity-orders'), 'Our legitimate interest'), 'To sell things', 'the shop\'s own interest is shown');
  });

  test('uploaded files are kept for the period the shop configures', () => {
    const uploads = section(policy(), 'activity-uploads');
    assert.equal(fact(uploads, 'How long we keep it'), '90 days after the order was delivered.');
    const sv = section(policy('sv'), 'activity-uploads');
    assert.equal(fact(sv, 'Hur länge vi sparar dem'), '90 dagar efter att beställningen levererades.');
    const longer = privacySection({activities: [{template: 'uploads', retention: {period: '6 months', after: 'order'}}]});
    assert.equal(fact(section(policy('en', longer), 'activity-uploads'), 'How long we keep it'), '6 months after the order was placed.');
  });

  test('cookie activities name the services of their category as recipients', () => {
    const analytics = section(policy(), 'activity-analytics-cookies');
    assert.include(fact(analytics, 'Legal basis'), 'Your consent');
    assert.include(fact(analytics, 'Who receives it'), 'Google Ireland Limited (Google Analytics 4)');
  });

  test('recipients are listed with role and country; transfers outside the EU/EEA with their safeguard', () => {
    const blocks = policy();
    const rows = tableRows(section(blocks, 'recipients'));
    assert.deepEqual(rows.map((r) => [r[0], r[1], r[3]]), [
      ['Stripe Payments Europe, Limited', 'Independent controller', 'Ireland'],
      ['PostNord Sverige AB', 'Independent controller', 'Sweden'],
      ['Serverhallen AB', 'Processor (works on our instructions)', 'Sweden'],
    ]);
    const transfers = tableRows(section(blocks, 'transfers'));
    assert.deepEqual(transfers.map((r) => r.slice(0, 2)), [['Stripe Payments Europe, Limited', 'United States']]);
    assert.include(transfers[0][2], 'Data Privacy Framework');
  });

  test('transfers come from the services in the config too, once per provider', () => {
    const resolved = config({services: [
      {id: 'ga4', name: 'Google Analytics 4', category: 'analytics', provider: 'Google Ireland Limited', purpose: 'Statistics', country: 'IE',
        transfers: [{country: 'US', safeguard: 'dpf'}, {country: 'NO', safeguard: 'adequacy'}]},
      {id: 'stripe-js', name: 'Stripe', category: 'necessary', provider: 'Stripe Payments Europe, Limited', purpose: 'Payments', country: 'IE',
        transfers: [{country: 'US', safeguard: 'dpf'}]},
    ]});
    const transfers = tableRows(section(policy('en', privacySection(), resolved), 'transfers'));
    assert.deepEqual(transfers.map((r) => r.slice(0, 2)), [
      ['Stripe Payments Europe, Limited', 'United States'],
      ['Google Ireland Limited (Google Analytics 4)', 'United States'],
    ], 'Norway is in the EEA, and Stripe as a service is the same entity as the recipient');
    const none = policy('en', privacySection({recipients: [], activities: [{template: 'orders'}]}), config({services: []}));
    assert.include(texts([section(none, 'transfers')!]).join(' '), 'We do not transfer your personal data');
  });

  test('the rights: every right, objection to direct marketing in a section of its own, how, and one month', () => {
    const blocks = policy();
    const rights = texts([section(blocks, 'rights')!]).join('\n');
    for (const right of ['Access', 'Rectification', 'Erasure', 'Restriction', 'Objection', 'Data portability', 'Withdrawal of consent']) {
      assert.include(rights, `${right} (art.`, `the right of ${right} is listed`);
    }
    assert.notInclude(rights, 'direct marketing', 'direct marketing is not buried in the list (GDPR art. 21(4))');
    assert.include(texts([section(blocks, 'direct-marketing')!]).join(' '), 'You can object at any time to our use of your personal data for direct marketing');
    const how = texts([section(blocks, 'use-your-rights')!]).join(' ');
    assert.include(how, 'privacy@provtryck.example', 'where to send requests');
    assert.include(how, 'within one month', 'the answer time');
    assert.include(how, 'two further months', 'the extension');
  });

  test('the rights link the privacy center and list the shop\'s own request types', () => {
    const blocks = policy('sv', privacySection({
      privacyCenterUrl: '/integritetscenter',
      rightsRequests: {email: 'begaran@provtryck.example', types: [{id: 'delete-uploads', title: {en: 'Delete my files', sv: 'Radera mina filer'}}]},
    }));
    const how = section(blocks, 'use-your-rights')!;
    const links = how.blocks.flatMap((b) => (b.type === 'paragraph' ? b.content : [])).filter((p) => typeof p !== 'string');
    assert.deepInclude(links, {type: 'link', text: 'integritetscenter', href: '/integritetscenter', external: false});
    assert.deepInclude(links, {type: 'link', text: 'begaran@provtryck.example', href: 'mailto:begaran@provtryck.example'});
    assert.include(texts([how]), 'Radera mina filer');
  });

  test('complaints go to IMY by default, or to the configured authority', () => {
    assert.include(texts([section(policy('sv'), 'complaint')!]).join(' '), 'Integritetsskyddsmyndigheten (IMY)');
    const other = policy('en', privacySection({authority: {name: 'Datatilsynet', website: 'https://www.datatilsynet.no'}}));
    const complaint = texts([section(other, 'complaint')!]).join(' ');
    assert.include(complaint, 'Datatilsynet');
    assert.notInclude(complaint, 'IMY');
  });

  test('the cookie section embeds the declaration; version and date are shown', () => {
    const blocks = policy();
    const cookies = section(blocks, 'cookies')!;
    assert.deepInclude(cookies.blocks, {type: 'cookie-declaration', level: 3}, 'the declaration, one level below the section');
    assert.include(texts(blocks), 'Version 2.1, last updated March 1, 2025.');
    assert.include(texts(policy('sv')), 'Version 2.1, senast ändrad 1 mars 2025.');
  });

  test('automated decisions are stated per activity, and their absence too', () => {
    assert.include(texts([section(policy(), 'automated')!]).join(' '), 'We do not make decisions about you based solely on automated processing');
    const scored = policy('en', privacySection({activities: [{template: 'fraud-prevention', automatedDecisions: 'Orders with a high risk score are stopped.'}]}));
    assert.equal(fact(section(scored, 'activity-fraud-prevention'), 'Automated decisions'), 'Orders with a high risk score are stopped.');
    assert.include(texts([section(scored, 'automated')!]).join(' '), 'right to have a person review');
  });

  test('every template reads complete in English and Swedish', () => {
    const all = privacySection({activities: ACTIVITY_TEMPLATES.map((template) =>
      template === 'uploads' ? {template, retention: {period: '30 days', after: 'delivered'}} : {template})});
    const headings: Record<string, string[]> = {};
    for (const language of ['en', 'sv']) {
      const blocks = policy(language, all);
      assertTranslated(blocks, language);
      headings[language] = ACTIVITY_TEMPLATES.map((template) => section(blocks, `activity-${template}`)?.heading ?? '');
      assert.notInclude(headings[language], '', `every template is in the ${language} policy`);
    }
    ACTIVITY_TEMPLATES.forEach((template, i) => assert.notEqual(headings.en[i], headings.sv[i], `${template} has a Swedish title of its own`));
    const en = texts(policy('en', all)).join(' ');
    const sv = texts(policy('sv', all)).join(' ');
    assert.include(sv, 'Bokföringslagen (1999:1078), 7 kap.', 'Swedish names the Swedish act');
    assert.notInclude(sv, 'Orders and delivery', 'no English left in the Swedish policy');
    assert.notInclude(en, 'Beställning och leverans', 'no Swedish left in the English policy');
  });

  test('the locales have the same keys and placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join();
    assert.deepEqual(Object.keys(privacySv).sort(), Object.keys(privacyEn).sort(), 'sv has exactly the keys of en');
    for (const [key, text] of Object.entries(privacyEn)) {
      assert.equal(placeholders((privacySv as Record<string, string>)[key]), placeholders(text), `${key}: same placeholders`);
      assert.match(key, /^privacy\./, 'every key of the privacy bundle starts with privacy.');
    }
  });

  test('shop texts stay text: markup in the config reaches the model unparsed', () => {
    const blocks = policy('en', privacySection({intro: '<img src=x onerror=alert(1)> Hello'}));
    assert.include(texts(blocks), '<img src=x onerror=alert(1)> Hello', 'the string is kept as written, for the renderers to escape');
  });
});

suite('cookie declaration model', () => {
  const declaration = (language = 'en', resolved = config()) => buildCookieDeclaration(resolved, privacyTexts(language, resolved));

  test('per category its services; per cookie name, purpose, duration with session or persistent, and party', () => {
    const blocks = declaration();
    assert.deepEqual(blocks.filter((b) => b.type === 'section').map((b) => b.type === 'section' && b.heading), ['Necessary', 'Functional', 'Analytics', 'Marketing']);
    const meta = section(blocks, 'cookie-service-meta-pixel');
    assert.equal(fact(meta, 'Provider'), 'Meta Platforms Ireland Limited');
    assert.deepEqual(tableRows(meta), [
      ['_fbp', 'Ads', '3 months (persistent)', 'First-party cookie'],
      ['fr', 'Ads', '3 months (persistent)', 'Third-party cookie (.facebook.com)'],
      ['fb_*', 'Ads', 'Until deleted (persistent)', 'Local storage (this shop)'],
    ]);
    assert.include(texts([section(blocks, 'cookies-functional')!]), 'No services use this category.');
    assert.include(texts([section(blocks, 'cookie-service-youtube')!]), 'This service stores no cookies or other data in your browser.');
  });

  test('a session cookie and the country are shown; choices and the settings button are placeholders for live pages', () => {
    const resolved = config({services: [{id: 'chat', name: 'Chat', category: 'functional', provider: 'Chat AB', purpose: 'Chat', country: 'SE',
      cookies: [{name: 'chat_sid', duration: 'session'}]}]});
    const blocks = declaration('sv', resolved);
    const chat = section(blocks, 'cookie-service-chat');
    assert.equal(fact(chat, 'Land'), 'Sverige');
    assert.deepEqual(tableRows(chat)[0], ['chat_sid', 'Chat', 'Tills du stänger webbläsaren (session)', 'Förstapartscookie']);
    assert.deepInclude(chat!.blocks, {type: 'choice', category: 'functional', service: 'chat'});
    assert.deepInclude(section(blocks, 'cookies-functional')!.blocks, {type: 'choice', category: 'functional'});
    assert.equal(blocks.find((b) => b.type === 'change-settings')?.type, 'change-settings');
  });
});

suite('transfers', () => {
  test('several services of one company share a row that names them all; EEA countries are not transfers', async () => {
    const {collectTransfers} = await import('../../src/core/privacy/transfers.js');
    const service = (id: string, name: string, country: string) =>
      ({id, name, category: 'marketing', provider: 'Google Ireland Limited', purpose: 'p', transfers: [{country, safeguard: 'dpf' as const}]});
    const rows = collectTransfers([], [service('ga4', 'Google Analytics 4', 'US'), service('youtube', 'YouTube', 'US'), service('x', 'X', 'DE')]);
    assert.deepEqual(rows, [{recipient: 'Google Ireland Limited (Google Analytics 4, YouTube)', country: 'US', safeguard: 'dpf'}]);
  });
});
