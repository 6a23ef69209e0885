// The JSON Schema that editors use and the validator the widget runs must agree: the same
// configs pass and fail under both. The validator is bundled from source with esbuild.
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {test} from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import {build} from 'esbuild';

const root = new URL('../../', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('schema/samtycke.config.schema.json', root), 'utf8'));
const demo = JSON.parse(readFileSync(new URL('demo/samtycke.config.json', root), 'utf8'));

const loadModule = async (path) => {
  const {outputFiles} = await build({
    entryPoints: [new URL(path, root).pathname],
    bundle: true, format: 'esm', write: false, platform: 'neutral', loader: {'.json': 'json'}, logLevel: 'silent',
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
};
const loadValidator = () => loadModule('src/core/config/validate-config.ts');

/** The config as the widget validates it: catalogue ids written out from catalogue/. */
const writtenOut = async (config) => {
  const {resolveCatalogue} = await loadModule('src/core/catalogue/resolve-services.ts');
  const {json} = await resolveCatalogue(config, async (id) => JSON.parse(readFileSync(new URL(`catalogue/${id}.json`, root), 'utf8')));
  return json;
};

const base = {revision: 1, languages: ['sv', 'en'], privacyPolicyUrl: '/privacy'};
const cases = [
  ['the demo shop config', demo, true],
  ['a minimal config', base, true],
  ['an unknown key', {...base, lifetimeDayz: 365}, false],
  ['revision as a string', {...base, revision: '1'}, false],
  ['revision 0', {...base, revision: 0}, false],
  ['lifetime 30 days', {...base, lifetimeDays: 30}, false],
  ['lifetime 400 days', {...base, lifetimeDays: 400}, false],
  ['no languages', {...base, languages: []}, false],
  ['a bad language tag', {...base, languages: ['Swedish']}, false],
  ['a javascript: link', {...base, privacyPolicyUrl: 'javascript:alert(1)'}, false],
  ['per-language links', {...base, privacyPolicyUrl: {sv: '/integritet', en: '/privacy'}}, true],
  ['a category id with capitals', {...base, categories: {Analytics: {}}}, false],
  ['an unknown category key', {...base, categories: {analytics: {titel: 'x'}}}, false],
  ['a service without provider', {...base, services: [{id: 'x', name: 'X', category: 'analytics', purpose: 'p'}]}, false],
  ['a cookie with a bad duration', {...base, services: [{id: 'x', name: 'X', category: 'analytics', provider: 'P', purpose: 'p', cookies: [{name: 'a', duration: '2 yrs'}]}]}, false],
  ['a cookie pattern', {...base, services: [{id: 'x', name: 'X', category: 'analytics', provider: 'P', purpose: 'p', cookies: [{name: '_ga_*', duration: '13 months', party: 'first'}]}]}, true],
  ['a storage key without type', {...base, services: [{id: 'x', name: 'X', category: 'analytics', provider: 'P', purpose: 'p', storage: [{name: 'k'}]}]}, false],
  ['text overrides', {...base, texts: {sv: {'banner.title': 'Hej'}}}, true],
  ['a text override that is not a string', {...base, texts: {sv: {'banner.title': 1}}}, false],
  ['catalogue ids', {...base, services: ['ga4', 'meta-pixel']}, true],
  ['a catalogue id with an override', {...base, services: [{id: 'youtube', category: 'functional'}]}, true],
  ['an override with an unknown field', {...base, services: [{id: 'youtube', colour: 'red'}]}, false],
  ['a partial service that is not in the catalogue', {...base, services: [{id: 'my-chat', category: 'functional'}]}, false],
];

test('the schema is a valid JSON Schema 2020-12', () => {
  const ajv = new Ajv2020({allErrors: true, strict: false});
  assert.ok(ajv.validateSchema(schema), JSON.stringify(ajv.errors));
});

test('the schema and the widget agree on what is valid', async () => {
  const {validateConfig} = await loadValidator();
  const ajv = new Ajv2020({allErrors: true, strict: false});
  const check = ajv.compile(schema);
  for (const [name, config, valid] of cases) {
    assert.equal(check(config), valid, `JSON Schema on ${name}: ${JSON.stringify(check.errors)}`);
    const {problems} = validateConfig(await writtenOut(config));
    assert.equal(problems.length === 0, valid, `widget on ${name}: ${JSON.stringify(problems)}`);
  }
});

test('the schema lists exactly the catalogue ids as overridable', () => {
  const ids = readdirSync(new URL('catalogue/', root)).filter((f) => f.endsWith('.json') && f !== 'index.json').map((f) => f.slice(0, -5)).sort();
  assert.deepEqual([...schema.$defs.catalogueOverride.properties.id.enum].sort(), ids, 'update $defs.catalogueOverride in the schema after adding an entry');
});
