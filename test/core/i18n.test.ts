import {assert} from '@esm-bundle/chai';
import {createTranslator, localeChain, localeFileFor, resolveLanguage} from '../../src/core/index.js';
import en from '../../locales/en.json';
import sv from '../../locales/sv.json';

const locales = {en, sv};

suite('language', () => {
  const supported = ['sv', 'en'];
  test('the config forces a language when it says so', () => {
    assert.equal(resolveLanguage({forced: 'en', page: 'sv', supported, fallback: 'sv'}), 'en');
  });
  test('the page language comes next, a region falling back to its language', () => {
    assert.equal(resolveLanguage({page: 'en', browser: ['sv'], supported, fallback: 'sv'}), 'en');
    assert.equal(resolveLanguage({page: 'sv-FI', supported, fallback: 'en'}), 'sv');
  });
  test('then the browser languages in order, then the default', () => {
    assert.equal(resolveLanguage({page: 'de', browser: ['fr', 'en-GB'], supported, fallback: 'sv'}), 'en');
    assert.equal(resolveLanguage({page: '', browser: ['de'], supported, fallback: 'sv'}), 'sv');
  });
  test('a language finds a supported regional variant', () => {
    assert.equal(resolveLanguage({page: 'sv', supported: ['sv-FI', 'fi'], fallback: 'fi'}), 'sv-FI');
  });
});

suite('regional fallbacks', () => {
  test('a region reads its language: sv-FI and sv-SE read Swedish, de-AT German', () => {
    assert.equal(resolveLanguage({page: 'sv-FI', supported: ['en', 'sv'], fallback: 'en'}), 'sv');
    assert.equal(localeFileFor('sv-FI'), 'sv');
    assert.equal(localeFileFor('de-AT'), 'de');
    assert.deepEqual(localeChain('sv-FI'), ['sv-FI', 'sv', 'en']);
  });

  test('Nynorsk and "no" read Bokmål', () => {
    assert.equal(localeFileFor('nn'), 'nb');
    assert.equal(localeFileFor('no'), 'nb');
    assert.equal(localeFileFor('nn-NO'), 'nb');
    assert.deepEqual(localeChain('nn'), ['nn', 'nb', 'en']);
    assert.equal(resolveLanguage({page: 'nn', supported: ['sv', 'nb'], fallback: 'sv'}), 'nb');
    assert.equal(resolveLanguage({browser: ['no', 'en'], supported: ['en', 'nb'], fallback: 'en'}), 'nb');
  });

  test('a language we do not ship reads English', () => {
    assert.equal(localeFileFor('ja'), 'en');
    assert.equal(localeFileFor('pt-BR'), 'en');
  });

  test('a Nynorsk visitor of a shop without Norwegian gets the shop default, not Bokmål', () => {
    assert.equal(resolveLanguage({page: 'nn', supported: ['sv', 'en'], fallback: 'sv'}), 'sv');
  });
});

suite('translator', () => {
  test('texts come from the language, then English; placeholders are filled', () => {
    const t = createTranslator({language: 'sv', locales}).t;
    assert.equal(t('banner.acceptAll'), 'Acceptera alla');
    assert.equal(t('banner.withdraw.link', {settings: 'X'}), 'Du kan när som helst ändra ditt val eller återkalla ditt samtycke under ”X” längst ner på sidan.');
    assert.equal(createTranslator({language: 'de', locales}).t('banner.rejectAll'), 'Reject all', 'unknown language falls back to English');
    assert.equal(createTranslator({language: 'sv-FI', locales}).t('banner.rejectAll'), 'Neka alla', 'region falls back to language');
  });
  test('the shop overrides win', () => {
    const t = createTranslator({language: 'sv', locales, overrides: {sv: {'banner.title': 'Kakor hos oss'}}}).t;
    assert.equal(t('banner.title'), 'Kakor hos oss');
  });
  test('plurals follow the language rules', () => {
    const i18n = createTranslator({language: 'sv', locales});
    assert.equal(i18n.plural('preferences.services', 1), '1 tjänst');
    assert.equal(i18n.plural('preferences.services', 3), '3 tjänster');
  });
  test('durations are written out in the language', () => {
    assert.equal(createTranslator({language: 'sv', locales}).duration('2 years'), '2 år');
    assert.equal(createTranslator({language: 'en', locales}).duration('13 months'), '13 months');
    assert.equal(createTranslator({language: 'sv', locales}).duration('30 days'), '30 dagar', 'days, not "dygn"');
    assert.equal(createTranslator({language: 'sv', locales}).duration('1 day'), '1 dag');
    assert.equal(createTranslator({language: 'en', locales}).duration('session'), 'Until you close the browser');
  });
  test('shop texts pick the visitor language, else the default language', () => {
    const i18n = createTranslator({language: 'en', locales, defaultLanguage: 'sv'});
    assert.equal(i18n.localized({sv: 'Hej', en: 'Hi'}), 'Hi');
    assert.equal(i18n.localized({sv: 'Hej'}), 'Hej');
    assert.equal(i18n.localized('Same'), 'Same');
  });
});

suite('locales', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
  for (const [language, data] of Object.entries(locales)) {
    test(`${language} has exactly the English keys and placeholders`, () => {
      assert.deepEqual(Object.keys(data).sort(), Object.keys(en).sort(), 'same keys');
      for (const [key, text] of Object.entries(en)) {
        assert.equal(placeholders((data as Record<string, string>)[key]), placeholders(text), `placeholders of ${key}`);
        assert.isNotEmpty((data as Record<string, string>)[key].trim(), `${key} is not empty`);
      }
    });
  }
});
