// Every shipped language says everything English says: the same keys (plural forms as the
// language needs them), the same {placeholders}, no markup, nothing left empty or untranslated.
import assert from 'node:assert/strict';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {test} from 'node:test';

const root = new URL('../../', import.meta.url);
const LANGUAGES = ['en', 'sv', 'nb', 'da', 'fi', 'de', 'fr', 'nl', 'es', 'it', 'pl'];
const FOLDERS = ['locales', 'locales/privacy', 'locales/center'];
const read = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
const PLURAL = /\.(zero|one|two|few|many|other)$/;

/** The plural categories a language uses for whole numbers (Polish: one, few, many, other). */
const categoriesOf = (language) => {
  const rules = new Intl.PluralRules(language);
  return new Set([...Array.from({length: 1001}, (_, n) => rules.select(n)), 'other']);
};

/** The keys a language must have: English's, with each plural group in the language's forms. */
const expectedKeys = (english, language) => {
  const groups = new Set(Object.keys(english).filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
  const plain = Object.keys(english).filter((k) => !(PLURAL.test(k) && groups.has(k.replace(PLURAL, ''))));
  return new Set([...plain, ...[...groups].flatMap((g) => [...categoriesOf(language)].map((c) => `${g}.${c}`))]);
};

test('the widget ships exactly the languages its code lists', () => {
  const source = readFileSync(new URL('src/core/i18n/resolve-language.ts', root), 'utf8');
  const listed = JSON.parse(/WIDGET_LANGUAGES = (\[[^\]]*\])/.exec(source)[1].replaceAll("'", '"'));
  assert.deepEqual(listed, LANGUAGES);
  for (const folder of FOLDERS) {
    const files = readdirSync(new URL(folder, root)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
    assert.deepEqual(files, [...LANGUAGES].sort(), `${folder}: one file per language`);
  }
});

for (const folder of FOLDERS) {
  const english = read(`${folder}/en.json`);
  for (const language of LANGUAGES.filter((l) => l !== 'en')) {
    test(`${folder}/${language}.json has English's keys and placeholders`, () => {
      const path = `${folder}/${language}.json`;
      assert.ok(existsSync(new URL(path, root)), `${path} is missing`);
      const texts = read(path);
      const want = expectedKeys(english, language);
      const missing = [...want].filter((k) => !Object.hasOwn(texts, k));
      const extra = Object.keys(texts).filter((k) => !want.has(k));
      assert.deepEqual({missing, extra}, {missing: [], extra: []}, path);
      const untranslated = [];
      for (const [key, text] of Object.entries(texts)) {
        assert.equal(typeof text, 'string', `${path} ${key}`);
        assert.ok(text.trim(), `${path} ${key} is empty`);
        assert.ok(!/<[a-z/][^>]*>/i.test(text), `${path} ${key} contains markup`);
        const reference = english[key] ?? english[key.replace(PLURAL, '.other')];
        assert.equal(placeholders(text), placeholders(reference), `${path} ${key}: placeholders differ from English`);
        // Long sentences copied from English were not translated (short ones may be names).
        if (text === reference && reference.length > 25) untranslated.push(key);
      }
      assert.deepEqual(untranslated, [], `${path}: left in English`);
    });
  }
}
