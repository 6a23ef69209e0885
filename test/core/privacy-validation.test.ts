import {assert} from '@esm-bundle/chai';
import {validatePrivacy} from '../../src/core/privacy/validate-privacy.js';
import type {ServiceConfig} from '../../src/core/index.js';
import privacyEn from '../../locales/privacy/en.json';
import {rawConfig} from '../helpers/fixtures.js';
import {configFile, privacySection} from './privacy-fixtures.js';

const languages = ['en', 'sv'];

/** The problems of a `privacy` section (or of a whole file, with `file`). */
function problems(privacy: unknown, {file, services}: {file?: unknown; services?: ServiceConfig[]} = {}) {
  const result = validatePrivacy(file ?? configFile(rawConfig(), privacy), {languages, source: '/samtycke.config.json', referenceTexts: privacyEn, services});
  assert.equal(result.privacy === null, result.problems.length > 0, 'a section with problems yields no privacy config, and only then');
  return result.problems;
}

/** Asserts exactly one problem, at `path`, whose message matches. Returns its fix. */
function only(found: ReturnType<typeof problems>, path: string, message: RegExp): string {
  assert.deepEqual(found.map((p) => p.path), [path], `one problem, at ${path}: ${JSON.stringify(found)}`);
  assert.match(found[0].message, message);
  assert.isNotEmpty(found[0].fix, 'every problem says how to fix it');
  return found[0].fix;
}

suite('validatePrivacy', () => {
  test('a complete section is valid, with templates applied and defaults filled in', () => {
    const result = validatePrivacy(configFile(rawConfig(), privacySection()), {languages});
    assert.deepEqual(result.problems, []);
    const uploads = result.privacy!.activities.find((a) => a.id === 'uploads')!;
    assert.equal(uploads.legalBasis, 'contract', 'the template gives the legal basis');
    assert.deepEqual(uploads.retention, {period: '90 days', after: 'delivered'}, 'the shop gives the period');
    assert.equal(result.privacy!.rightsRequests.email, 'privacy@provtryck.example', 'requests go to the controller by default');
    assert.isNull(result.privacy!.authority, 'IMY by default');
  });

  test('a missing section or missing required fields are problems with their JSON path', () => {
    only(problems(undefined, {file: rawConfig()}), '$.privacy', /missing/);
    const {email: _email, ...controller} = privacySection().controller as Record<string, string>;
    const fix = only(problems(privacySection({controller})), '$.privacy.controller.email', /required/);
    assert.include(fix, 'add "email"');
    only(problems(privacySection({lastUpdated: '1 March 2025'})), '$.privacy.lastUpdated', /not valid/);
    only(problems(privacySection({lastUpdated: '2025-02-30'})), '$.privacy.lastUpdated', /not a date/);
    only(problems(privacySection({activities: []})), '$.privacy.activities', /at least 1/);
    only(problems(privacySection({controller: {...controller, email: 'privacy at shop'}})), '$.privacy.controller.email', /not valid/);
  });

  test('a misspelt key is caught with a suggestion', () => {
    const fix = only(problems(privacySection({activities: [{template: 'orders', retension: {until: 'delivered'}}]})), '$.privacy.activities[0].retension', /unknown property/);
    assert.include(fix, '"retention"');
  });

  test('legitimate interests without the interest, and a legal obligation without the law, are problems', () => {
    const custom = {id: 'reviews', title: 'Reviews', purpose: 'Ask for a review', dataCategories: ['email'], legalBasis: 'legitimate-interests',
      requirement: {type: 'none'}, retention: {period: '1 year', after: 'order'}};
    only(problems(privacySection({activities: [custom]})), '$.privacy.activities[0].legitimateInterest', /interest is not stated/);
    only(problems(privacySection({activities: [{template: 'orders', legalBasis: 'legitimate-interests'}]})), '$.privacy.activities[0].legitimateInterest', /not stated/);
    assert.deepEqual(problems(privacySection({activities: [{template: 'fraud-prevention'}]})), [], 'the template states its interest');
    only(problems(privacySection({activities: [{...custom, legalBasis: 'legal-obligation'}]})), '$.privacy.activities[0].law', /law is not named/);
  });

  test('an activity without a template must be complete; uploads need their retention', () => {
    const found = problems(privacySection({activities: [{id: 'raffle', title: 'Raffle'}]}));
    assert.deepEqual(found.map((p) => p.path), ['purpose', 'dataCategories', 'legalBasis', 'requirement', 'retention'].map((k) => `$.privacy.activities[0].${k}`));
    const fix = only(problems(privacySection({activities: [{template: 'uploads'}]})), '$.privacy.activities[0].retention', /needs your own retention/);
    assert.include(fix, '"90 days"');
  });

  test('a retention is one of its three forms', () => {
    only(problems(privacySection({activities: [{template: 'orders', retention: {period: '1 year'}}]})), '$.privacy.activities[0].retention.after', /counts from/);
    only(problems(privacySection({activities: [{template: 'orders', retention: {until: 'withdrawal', text: 'x'}}]})), '$.privacy.activities[0].retention', /mixes/);
    only(problems(privacySection({activities: [{template: 'orders', retention: {period: '90 dagar', after: 'order'}}]})), '$.privacy.activities[0].retention.period', /not valid/);
  });

  test('recipients must exist: among privacy.recipients or the services', () => {
    const fix = only(problems(privacySection({activities: [{template: 'orders', recipients: ['postnrd']}]})), '$.privacy.activities[0].recipients[0]', /neither a recipient nor a service/);
    assert.include(fix, '"postnord"');
    assert.deepEqual(problems(privacySection({activities: [{template: 'orders', recipients: ['ga4']}]}), {services: rawConfig().services as ServiceConfig[]}), [],
      'a configured service may be named');
    only(problems(privacySection({recipients: [...(privacySection().recipients as object[]), {id: 'host', name: 'Again AB', role: 'processor', purpose: 'x', country: 'SE'}]})),
      '$.privacy.recipients[3].id', /twice/);
  });

  test('a recipient or service outside the EU/EEA must state its safeguard', () => {
    const recipients = [{id: 'mailer', name: 'Mailer Inc.', role: 'processor', purpose: 'E-mail', country: 'US'}];
    const fix = only(problems(privacySection({recipients, activities: [{template: 'newsletter', recipients: ['mailer']}]})), '$.privacy.recipients[0].transfers', /outside the EU\/EEA/);
    assert.include(fix, '"country": "US"');
    const services = [{id: 'chat', name: 'Chat', category: 'functional', provider: 'Chat Inc.', purpose: 'Chat', country: 'US'}];
    only(problems(privacySection(), {services}), '$.services[0].transfers', /Chat Inc\./);
  });

  test('every text has every language, and no other', () => {
    only(problems(privacySection({intro: {en: 'Hello'}})), '$.privacy.intro', /no "sv" text/);
    only(problems(privacySection({intro: {en: 'Hello', sv: 'Hej', de: 'Hallo'}})), '$.privacy.intro.de', /not one of languages/);
    const recipients = [{id: 'host', name: 'Host AB', role: 'processor', purpose: {sv: 'Drift'}, country: 'SE'}];
    only(problems(privacySection({recipients, activities: [{template: 'orders'}]})), '$.privacy.recipients[0].purpose', /no "en" text/);
    assert.deepEqual(problems(privacySection({intro: 'One text for every language'})), [], 'one string serves every language');
  });

  test('text overrides use known privacy keys and their placeholders', () => {
    const texts = {sv: {'privacy.controller.heading': 'Vem vi är', 'privacy.policy.verison': 'x', 'privacy.policy.version': 'Version {nummer}'}};
    const found = problems(undefined, {file: {...configFile(rawConfig(), privacySection()), texts}});
    assert.deepEqual(found.map((p) => p.path), ['$.texts.sv["privacy.policy.verison"]', '$.texts.sv["privacy.policy.version"]']);
    assert.include(found[0].fix, 'privacy.policy.version', 'a misspelt key gets a suggestion');
    assert.include(found[1].fix, '{version}');
  });

  test('shop request types may not reuse a built-in id', () => {
    const rightsRequests = {types: [{id: 'erasure', title: 'Delete'}]};
    only(problems(privacySection({rightsRequests})), '$.privacy.rightsRequests.types[0].id', /built-in/);
  });
});
