// The built-in service catalogue: every entry meets the catalogue's own schema (legal entity,
// country, hosts, cookie parties) and is a valid service of a shop's configuration, every visitor
// text is written in all eleven languages; the bundled index matches the entries.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {test} from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';

const root = new URL('../../', import.meta.url);
const read = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const entrySchema = read('schema/catalogue-entry.schema.json');
const configSchema = read('schema/samtycke.config.schema.json');
const files = readdirSync(new URL('catalogue/', root)).filter((f) => f.endsWith('.json') && f !== 'index.json').sort();
const entries = files.map((file) => ({file, entry: read(`catalogue/${file}`)}));

const REQUIRED = ['ga4', 'google-tag-manager', 'google-ads', 'meta-pixel', 'tiktok-pixel', 'pinterest-tag', 'linkedin-insight',
  'microsoft-uet', 'microsoft-clarity', 'hotjar', 'klaviyo', 'mailchimp', 'hubspot', 'matomo', 'youtube', 'vimeo', 'google-maps',
  'trustpilot', 'klarna-messaging', 'stripe', 'zendesk', 'intercom'];
const EMBEDS = {youtube: 'video', vimeo: 'video', 'google-maps': 'map'};

const errors = (validate) => JSON.stringify(validate.errors?.map((e) => `${e.instancePath} ${e.message}`));

test('catalogue/index.json is generated from the entries as they are now', () => {
  const run = spawnSync(process.execPath, ['scripts/catalogue-index.mjs', '--check'], {cwd: root, encoding: 'utf8'});
  assert.equal(run.status, 0, run.stderr || run.stdout);
});

test('the catalogue has every service the issue asks for, each in <id>.json', () => {
  for (const {file, entry} of entries) assert.equal(file, `${entry.id}.json`, `${file} holds "${entry.id}"`);
  const ids = entries.map(({entry}) => entry.id);
  for (const id of REQUIRED) assert.ok(ids.includes(id), `catalogue/${id}.json is missing`);
});

test('the entry schema is a valid JSON Schema 2020-12', () => {
  const ajv = new Ajv2020({allErrors: true, strict: false});
  assert.ok(ajv.validateSchema(entrySchema), JSON.stringify(ajv.errors));
});

test('every entry meets the catalogue entry schema', () => {
  const validate = new Ajv2020({allErrors: true, strict: false}).compile(entrySchema);
  for (const {file, entry} of entries) assert.ok(validate(entry), `${file}: ${errors(validate)}`);
});

test('every entry is a valid service of a shop\'s configuration', () => {
  const ajv = new Ajv2020({allErrors: true, strict: false});
  ajv.addSchema(configSchema);
  const validate = ajv.compile({$ref: `${configSchema.$id}#/$defs/service`});
  for (const {file, entry} of entries) assert.ok(validate(entry), `${file}: ${errors(validate)}`);
});

test('embeds say what loading them shares; nothing else claims to be an embed', () => {
  for (const {entry} of entries) {
    assert.equal(entry.embed?.kind, EMBEDS[entry.id], `${entry.id}: embed kind`);
  }
});

/** The widget's languages, in the order every catalogue text lists them. */
const LANGUAGES = ['en', 'sv', 'nb', 'da', 'fi', 'de', 'fr', 'nl', 'es', 'it', 'pl'];
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
// The keys mergeService() fits to the shop's languages, read from its source so the two cannot drift.
const mergeSource = readFileSync(new URL('src/core/catalogue/merge-service.ts', root), 'utf8');
const LOCALIZED = new Set(JSON.parse(mergeSource.match(/const LOCALIZED = new Set\((\[[^\]]*\])\)/)[1].replaceAll("'", '"')));

/**
 * Every visitor text of an entry as [path, text]: the value of every LOCALIZED key, and any other
 * object whose keys are all language tags (a text the merge would not fit to the shop's languages).
 */
function localizedTexts(entry) {
  const found = [];
  const walk = (value, path, key) => {
    if (Array.isArray(value)) return value.forEach((item, i) => walk(item, `${path}[${i}]`));
    const isObject = typeof value === 'object' && value !== null;
    const keys = isObject ? Object.keys(value) : [];
    if (LOCALIZED.has(key) || (keys.length && keys.every((k) => LANGUAGE_TAG.test(k)))) return found.push([path, value]);
    for (const k of keys) walk(value[k], `${path}.${k}`, k);
  };
  walk(entry, entry.id);
  return found;
}

/** What is wrong with an entry's texts: a text not in LOCALIZED, a language missing, out of order, empty, or copied from English. */
function textProblems(entry) {
  const problems = [];
  const names = new Set([entry.name, entry.provider]);
  for (const [path, text] of localizedTexts(entry)) {
    if (!LOCALIZED.has(path.split('.').at(-1))) problems.push(`${path}: a visitor text under a key merge-service.ts does not fit to the shop's languages`);
    if (typeof text !== 'object' || text === null || Array.isArray(text)) {
      problems.push(`${path}: not an object of languages`);
      continue;
    }
    if (JSON.stringify(Object.keys(text)) !== JSON.stringify(LANGUAGES)) {
      problems.push(`${path}: languages ${Object.keys(text).join(', ')}; expected ${LANGUAGES.join(', ')}`);
    }
    for (const lang of LANGUAGES) {
      const value = text[lang];
      if (typeof value !== 'string' || !value.trim()) problems.push(`${path}.${lang}: empty`);
      else if (lang !== 'en' && value === text.en && !names.has(value)) problems.push(`${path}.${lang}: the English text, not a translation`);
    }
  }
  return problems;
}

test('every visitor text is written in all eleven languages, in order, not copied from English', () => {
  assert.ok(LOCALIZED.has('purpose'), `LOCALIZED read from merge-service.ts: ${[...LOCALIZED]}`);
  let count = 0;
  for (const {entry} of entries) {
    count += localizedTexts(entry).length;
    assert.deepEqual(textProblems(entry), [], entry.id);
  }
  assert.ok(count >= entries.length, `every entry has at least its purpose (found ${count} texts)`);
});

test('the language check finds a missing, empty or copied translation and a text the merge would not fit', () => {
  const full = Object.fromEntries(LANGUAGES.map((lang) => [lang, `${lang} text`]));
  const entry = {
    id: 'x', name: 'Acme Chat', provider: 'Acme Ltd',
    purpose: {...full, de: 'en text'},
    cookies: [{name: 'a', purpose: {en: 'Keeps the chat.', sv: 'Behåller chatten.'}}, {name: 'b', purpose: {...full, pl: ' '}}],
    embed: {kind: 'video', shares: {fr: 'Acme Chat', ...full, en: 'Acme Chat'}}, // a proper name may stay as it is
    note: {en: 'Shown nowhere.', sv: 'Visas ingenstans.'},
  };
  assert.deepEqual(textProblems(entry), [
    'x.purpose.de: the English text, not a translation',
    'x.cookies[0].purpose: languages en, sv; expected en, sv, nb, da, fi, de, fr, nl, es, it, pl',
    ...LANGUAGES.slice(2).map((lang) => `x.cookies[0].purpose.${lang}: empty`),
    'x.cookies[1].purpose.pl: empty',
    'x.embed.shares: languages fr, en, sv, nb, da, fi, de, nl, es, it, pl; expected en, sv, nb, da, fi, de, fr, nl, es, it, pl',
    'x.note: a visitor text under a key merge-service.ts does not fit to the shop\'s languages',
    'x.note: languages en, sv; expected en, sv, nb, da, fi, de, fr, nl, es, it, pl',
    ...LANGUAGES.slice(2).map((lang) => `x.note.${lang}: empty`),
  ]);
});

test('transfers go outside the EEA; the Data Privacy Framework only to the US', () => {
  const eea = new Set(['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL',
    'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO']);
  for (const {entry} of entries) {
    for (const {country, safeguard} of entry.transfers ?? []) {
      assert.ok(!eea.has(country), `${entry.id}: ${country} is in the EEA, no transfer safeguard is needed`);
      if (safeguard === 'dpf') assert.equal(country, 'US', `${entry.id}: the Data Privacy Framework covers the US only`);
    }
  }
});
