// The built-in service catalogue: every entry meets the catalogue's own schema (legal entity,
// country, English and Swedish, hosts, cookie parties) and is a valid service of a shop's
// configuration; the bundled index matches the entries.
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

test('texts are written for each language, not copied', () => {
  for (const {entry} of entries) {
    const texts = [entry.purpose, entry.embed?.shares, ...(entry.cookies ?? []).map((c) => c.purpose)].filter(Boolean);
    for (const text of texts) assert.notEqual(text.sv, text.en, `${entry.id}: Swedish text "${text.sv}" is the English one`);
  }
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
