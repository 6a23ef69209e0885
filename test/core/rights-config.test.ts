import {assert} from '@esm-bundle/chai';
import {validatePrivacy} from '../../src/core/privacy/validate-privacy.js';
import {readRightsConfig} from '../../src/core/rights/rights-config.js';
import {privacySection} from './privacy-fixtures.js';
import en from '../../locales/center/en.json';
import sv from '../../locales/center/sv.json';

const controller = {name: 'Skiktverket AB', email: 'integritet@skiktverket.example'};

suite('rights requests: reading the config', () => {
  test('defaults: e-mail to the controller, no endpoint, no shop types', () => {
    const {config, problems} = readRightsConfig({privacy: {controller}});
    assert.deepEqual(config, {email: 'integritet@skiktverket.example', endpoint: null, types: []});
    assert.deepEqual(problems, []);
  });

  test('rightsRequests.email wins over the controller\'s address; the endpoint and shop types are read', () => {
    const types = [{id: 'delete-uploads', title: {sv: 'Radera mina uppladdade filer', en: 'Delete my uploaded files'}, description: 'STL/3MF'}];
    const {config, problems} = readRightsConfig({privacy: {controller, rightsRequests: {email: 'dpo@skiktverket.example', endpoint: '/samtycke-api/requests', types}}});
    assert.deepEqual(config, {email: 'dpo@skiktverket.example', endpoint: '/samtycke-api/requests', types});
    assert.deepEqual(problems, []);
  });

  test('without a privacy section or any address, the form cannot work and says how to fix it', () => {
    for (const json of [{}, null, 'x', {privacy: {}}, {privacy: {controller: {email: 'not an address'}}}]) {
      const {config, problems} = readRightsConfig(json);
      assert.isNull(config, JSON.stringify(json));
      assert.isNotEmpty(problems, `a problem for ${JSON.stringify(json)}`);
      for (const p of problems) assert.match(p.path, /^\$\.privacy/, 'each problem names a JSON path');
    }
  });

  test('a bad endpoint falls back to e-mail, with a problem', () => {
    const {config, problems} = readRightsConfig({privacy: {controller, rightsRequests: {endpoint: 'javascript:alert(1)'}}});
    assert.equal(config?.endpoint, null, 'never posts to a javascript: URL');
    assert.equal(config?.email, controller.email, 'still reachable by e-mail');
    assert.deepEqual(problems.map((p) => p.path), ['$.privacy.rightsRequests.endpoint']);
  });

  test('an endpoint alone is enough', () => {
    const {config} = readRightsConfig({privacy: {controller: {}, rightsRequests: {endpoint: 'https://api.shop.example/requests'}}});
    assert.deepEqual(config, {email: null, endpoint: 'https://api.shop.example/requests', types: []});
  });

  test('invalid shop types are left out with a problem each; valid ones stay', () => {
    const types = [
      {id: 'erasure', title: 'Mine'},
      {id: 'Bad Id', title: 'x'},
      {id: 'no-title'},
      {id: 'delete-uploads', title: 'Delete my uploaded files'},
      {id: 'delete-uploads', title: 'Again'},
    ];
    const {config, problems} = readRightsConfig({privacy: {controller, rightsRequests: {types}}});
    assert.deepEqual(config?.types, [{id: 'delete-uploads', title: 'Delete my uploaded files'}]);
    assert.deepEqual(problems.map((p) => p.path), [
      '$.privacy.rightsRequests.types[0].id', '$.privacy.rightsRequests.types[1].id', '$.privacy.rightsRequests.types[2].title',
      '$.privacy.rightsRequests.types[4].id',
    ]);
  });
});

suite('privacy center locales', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  test('Swedish has exactly the English keys, with the same placeholders', () => {
    assert.deepEqual(Object.keys(sv).sort(), Object.keys(en).sort(), 'same keys');
    for (const [key, text] of Object.entries(en)) {
      assert.deepEqual(placeholders((sv as Record<string, string>)[key]!), placeholders(text), `placeholders of ${key}`);
    }
  });

  test('every key belongs to the privacy center or the rights form', () => {
    for (const key of Object.keys(en)) assert.match(key, /^(center|rights)\./, key);
  });

  test('the erasure note names the Bookkeeping Act and its seven years', () => {
    assert.include(sv['rights.erasure.keep'], 'bokföringslagen');
    assert.include(sv['rights.erasure.keep'], 'sju år');
    assert.include(en['rights.erasure.keep'], 'Bokföringslagen');
    assert.include(en['rights.erasure.keep'], 'seven years');
  });
});

suite('rights requests: reading a validated privacy section', () => {
  const languages = ['en', 'sv'];
  const types = [{id: 'delete-uploads', title: {en: 'Delete my uploaded files', sv: 'Radera mina uppladdade filer'}}];

  test('a section that passes validatePrivacy is taken as validated', () => {
    const json = {privacy: privacySection({rightsRequests: {endpoint: '/samtycke-api/requests', types}})};
    assert.deepEqual(validatePrivacy(json, {languages}).problems, [], 'the fixture is a valid section');
    const {config, problems} = readRightsConfig(json, {languages});
    assert.deepEqual(config, {email: 'privacy@provtryck.example', endpoint: '/samtycke-api/requests', types});
    assert.deepEqual(problems, []);
  });

  test('a problem elsewhere in the section does not take the form away from the visitor', () => {
    const json = {privacy: privacySection({version: 7, rightsRequests: {email: 'dpo@provtryck.example'}})};
    assert.isNull(validatePrivacy(json, {languages}).privacy, 'the policy itself is refused');
    const {config, problems} = readRightsConfig(json, {languages});
    assert.deepEqual(config, {email: 'dpo@provtryck.example', endpoint: null, types: []}, 'the form still has its address');
    assert.deepEqual(problems, [], 'the form\'s own settings are fine: the policy reports the rest');
  });
});
