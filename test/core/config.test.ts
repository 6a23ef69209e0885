import {assert} from '@esm-bundle/chai';
import {validateConfig, type Problem} from '../../src/core/index.js';
import en from '../../locales/en.json';
import {rawConfig} from '../helpers/fixtures.js';

const problemsOf = (input: unknown): readonly Problem[] => {
  const {config, problems} = validateConfig(input, {referenceTexts: en});
  assert.isNull(config, 'an invalid config must not resolve');
  return problems;
};

const at = (problems: readonly Problem[], path: string): Problem => {
  const found = problems.find((p) => p.path === path);
  assert.exists(found, `expected a problem at ${path}, got ${JSON.stringify(problems)}`);
  return found!;
};

suite('config validation', () => {
  test('a valid config resolves with every default applied', () => {
    const {config, problems} = validateConfig({revision: 3, languages: ['sv'], privacyPolicyUrl: '/integritet'});
    assert.deepEqual(problems, [], 'no problems');
    assert.equal(config!.lifetimeDays, 365, 'lifetime defaults to 365 days');
    assert.equal(config!.defaultLanguage, 'sv', 'default language is the first language');
    assert.isTrue(config!.floatingButton, 'floating button on by default');
    assert.isTrue(config!.reloadOnWithdrawal, 'reload on withdrawal on by default');
    assert.deepEqual(config!.categories.map((c) => c.id), ['necessary', 'functional', 'analytics', 'marketing'], 'default categories');
    assert.deepEqual(config!.categories.map((c) => c.required), [true, false, false, false], 'only necessary is required');
  });

  test('necessary is added when the owner leaves it out, and services are grouped by category', () => {
    const {config} = validateConfig(rawConfig({categories: {analytics: {}, marketing: {}}}));
    assert.deepEqual(config!.categories.map((c) => c.id), ['necessary', 'analytics', 'marketing']);
    assert.deepEqual(config!.categories[2].services.map((s) => s.id), ['meta-pixel', 'youtube']);
  });

  test('an unknown key names its path and suggests the right spelling', () => {
    const problem = at(problemsOf({...rawConfig(), lifetimeDayz: 200}), '$.lifetimeDayz');
    assert.match(problem.message, /unknown property/);
    assert.match(problem.fix, /did you mean "lifetimeDays"/);
  });

  test('a wrong type names its path and the expected type', () => {
    const problem = at(problemsOf({...rawConfig(), revision: '1'}), '$.revision');
    assert.match(problem.message, /expected integer, found "1"/);
    assert.match(problem.fix, /whole number/);
  });

  test('consent lifetime outside 183–395 days is refused', () => {
    assert.match(at(problemsOf(rawConfig({lifetimeDays: 730})), '$.lifetimeDays').message, /out of range/);
    assert.match(at(problemsOf(rawConfig({lifetimeDays: 30})), '$.lifetimeDays').fix, /183/);
    assert.isNotNull(validateConfig(rawConfig({lifetimeDays: 183})).config, '183 is allowed');
    assert.isNotNull(validateConfig(rawConfig({lifetimeDays: 395})).config, '395 is allowed');
  });

  test('missing required properties are each reported', () => {
    const problems = problemsOf({languages: ['en']});
    at(problems, '$.revision');
    at(problems, '$.privacyPolicyUrl');
  });

  test('deep paths into services and cookies', () => {
    const input = rawConfig();
    const services = structuredClone(input.services!) as any[];
    services[1].cookies[0].duration = 'forever';
    services[0].cookies[1].party = 'fourth';
    const problems = problemsOf({...input, services});
    assert.match(at(problems, '$.services[1].cookies[0].duration').fix, /13 months/);
    assert.match(at(problems, '$.services[0].cookies[1].party').fix, /"first", "third"/);
  });

  test('a service naming an undeclared category is refused with a suggestion', () => {
    const input = rawConfig();
    const services = [{...input.services![0], category: 'analytic'}];
    assert.match(at(problemsOf({...input, services}), '$.services[0].category').fix, /did you mean "analytics"/);
  });

  test('duplicate service ids are refused', () => {
    const input = rawConfig();
    at(problemsOf({...input, services: [input.services![0], input.services![0]]}), '$.services[1].id');
  });

  test('per-language text must cover every language', () => {
    const problem = at(problemsOf(rawConfig({privacyPolicyUrl: {en: '/privacy'}})), '$.privacyPolicyUrl');
    assert.match(problem.message, /no "sv" text/);
  });

  test('own categories need a title and description; built-in ones do not', () => {
    const problems = problemsOf(rawConfig({categories: {necessary: {}, 'ugc-files': {}}}));
    at(problems, '$.categories.ugc-files.title');
    at(problems, '$.categories.ugc-files.description');
    assert.isNotNull(validateConfig(rawConfig({services: [], categories: {'ugc-files': {title: 'Files', description: 'Uploaded files'}}})).config);
  });

  test('links cannot be javascript: URLs', () => {
    at(problemsOf(rawConfig({privacyPolicyUrl: 'javascript:alert(1)'})), '$.privacyPolicyUrl');
    at(problemsOf(rawConfig({privacyPolicyUrl: ' JavaScript:alert(1)'})), '$.privacyPolicyUrl');
    assert.isNotNull(validateConfig(rawConfig({privacyPolicyUrl: 'https://shop.example/privacy'})).config);
  });

  test('text overrides must use known keys and placeholders', () => {
    const problems = problemsOf(rawConfig({texts: {en: {'banner.titel': 'Hi', 'banner.withdraw.link': 'Go to {link}'}}}));
    assert.match(at(problems, '$.texts.en["banner.titel"]').fix, /did you mean "banner.title"/);
    assert.match(at(problems, '$.texts.en["banner.withdraw.link"]').fix, /\{settings\}/);
  });

  test('per-language text for a language not in languages is refused', () => {
    assert.match(at(problemsOf(rawConfig({privacyPolicyUrl: {en: '/privacy', sv: '/integritet', se: '/x'}})), '$.privacyPolicyUrl.se').fix, /did you mean "sv"/);
  });

  test('the default and the forced language must be among the languages', () => {
    at(problemsOf(rawConfig({defaultLanguage: 'de'})), '$.defaultLanguage');
    at(problemsOf(rawConfig({language: 'de'})), '$.language');
    assert.isNotNull(validateConfig(rawConfig({language: 'sv'})).config, 'a listed language may be forced');
  });

  test('a config that is not an object is one clear problem', () => {
    assert.match(at(problemsOf([1, 2]), '$').message, /expected an object/);
    assert.match(at(problemsOf(null), '$').message, /expected an object/);
  });
});

suite('config validation against hostile input', () => {
  test('"__proto__" keys are refused, so they cannot smuggle values past the schema', () => {
    const hostile = JSON.parse('{"revision": 1, "languages": ["en"], "privacyPolicyUrl": "/p", "__proto__": {"services": [{"id": "x", "name": "X", "category": "analytics", "provider": "P", "purpose": "p", "privacyPolicyUrl": "javascript:alert(1)"}]}}');
    const {config, problems} = validateConfig(hostile);
    assert.isNull(config, 'refused');
    assert.equal(problems[0].path, '$.__proto__');
  });

  test('keys named like Object.prototype members are ordinary unknown keys', () => {
    const {problems} = validateConfig({...rawConfig(), constructor: 1, toString: 2});
    assert.deepEqual(problems.map((p) => p.path), ['$.constructor', '$.toString']);
    const texts = validateConfig(rawConfig({texts: {en: {constructor: 'x'}}}), {referenceTexts: en});
    assert.match(texts.problems[0].message, /unknown text key "constructor"/, 'never throws');
  });
});
