// `npx samtycke render`: the static HTML export of the privacy policy and the cookie declaration,
// run as a shop runs it (bin/samtycke.mjs over dist/samtycke-render.mjs, built by `npm test`).
// Also: the privacy schema that editors use agrees with the validator the elements run.
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import {build} from 'esbuild';

const root = new URL('../../', import.meta.url);
const bin = fileURLToPath(new URL('bin/samtycke.mjs', root));
const demoConfig = fileURLToPath(new URL('demo/samtycke.config.json', root));
const demo = JSON.parse(readFileSync(demoConfig, 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'samtycke-render-'));

/** Runs the CLI; resolves with its exit code and output, never rejects. */
const samtycke = (...args) => new Promise((resolve) => {
  execFile(process.execPath, [bin, ...args], {cwd: dir}, (error, stdout, stderr) => resolve({code: error ? error.code : 0, stdout, stderr}));
});

/** Writes a config file into the temporary folder and returns its path. */
const configFile = (name, json) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(json));
  return path;
};

/** Heading levels in document order. */
const headingLevels = (html) => [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));

describe('samtycke render privacy', () => {
  test('writes the demo shop\'s whole policy as a standalone Swedish page', async () => {
    const {code, stdout, stderr} = await samtycke('render', 'privacy', demoConfig);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^<!doctype html>\n<html lang="sv">/);
    assert.match(stdout, /<title>Integritetspolicy – Skiktverket AB<\/title>/);
    assert.match(stdout, /<style>/, 'styled without any file beside it');
    assert.doesNotMatch(stdout, /<script/i, 'the page needs no JavaScript');
    const levels = headingLevels(stdout);
    assert.equal(levels[0], 1, 'one h1 first');
    assert.equal(levels.filter((l) => l === 1).length, 1);
    levels.forEach((level, i) => i && assert.ok(level - levels[i - 1] <= 1, `heading ${i} does not skip a level`));
    for (const part of ['Skiktverket AB, organisationsnummer 559999-0000', '90 dagar efter att beställningen levererades.',
      'Din rätt att invända mot direktmarknadsföring', 'Integritetsskyddsmyndigheten (IMY)', '<th role="rowheader" scope="row"><code>_ga</code></th>',
      '<caption>Överföringar utanför EU/EES och deras skyddsåtgärder</caption>', 'Version 1.0, senast ändrad 20 november 2025.']) {
      assert.ok(stdout.includes(part), `the page has ${part}`);
    }
    assert.ok(stdout.includes('Du kan när som helst ändra ditt val under ”Cookieinställningar”'), 'instead of the live button, where to change the choice');
  });

  test('--lang, --out and --fragment', async () => {
    const out = join(dir, 'privacy-en.html');
    const written = await samtycke('render', 'privacy', demoConfig, '--lang', 'en', '--out', out);
    assert.equal(written.code, 0, written.stderr);
    assert.equal(written.stdout, '', 'nothing on standard output when writing a file');
    const html = readFileSync(out, 'utf8');
    assert.match(html, /<html lang="en">/);
    assert.ok(html.includes('<h2 id="rights">Your rights</h2>'));
    const fragment = await samtycke('render', 'cookies', demoConfig, '--lang', 'en', '--fragment');
    assert.match(fragment.stdout, /^<div class="samtycke-document" lang="en">/);
    assert.doesNotMatch(fragment.stdout, /<html|<h1/, 'only the document, for a page of the shop\'s own');
    const wrong = await samtycke('render', 'privacy', demoConfig, '--lang', 'de');
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /--lang: "de" is not one of languages \(sv, en\)/);
  });

  test('text from the config comes out as text: a <script> in it cannot run', async () => {
    const hostile = '<script>alert("x")</script>';
    const config = structuredClone(demo);
    config.privacy.intro = hostile;
    config.privacy.controller.name = `Evil "AB" ${hostile}`;
    config.services[2].name = `<img src=x onerror=alert(1)>`;
    config.privacy.recipients[0].privacyPolicyUrl = 'https://example.com/?a="><script>alert(1)</script>';
    const {code, stdout, stderr} = await samtycke('render', 'privacy', configFile('hostile.json', config), '--lang', 'en');
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stdout, /<script|<img/i, 'no element comes from config text');
    assert.ok(stdout.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'), 'the intro is shown as written');
    assert.ok(stdout.includes('<title>Privacy policy – Evil &quot;AB&quot; &lt;script&gt;'), 'escaped in the title too');
    assert.ok(stdout.includes('href="https://example.com/?a=&quot;&gt;&lt;script&gt;'), 'and inside attributes');
  });

  test('a config with problems writes nothing and says where and how to fix it', async () => {
    const config = structuredClone(demo);
    delete config.privacy.controller.email;
    config.privacy.activities.push({template: 'orders', legalBasis: 'legitimate-interests', id: 'orders-2'});
    const path = configFile('broken.json', config);
    const {code, stdout, stderr} = await samtycke('render', 'privacy', path);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.ok(stderr.includes(`${path} $.privacy.controller.email: is required but missing.\n  Fix: add "email" to $.privacy.controller.`), stderr);
    const missing = configFile('no-privacy.json', {...demo, privacy: undefined});
    const none = await samtycke('render', 'privacy', missing);
    assert.match(none.stderr, /\$\.privacy: is missing/);
    const cookies = await samtycke('render', 'cookies', missing);
    assert.equal(cookies.code, 0, 'the cookie declaration does not need the privacy section');
  });

  test('catalogue ids are resolved from the package\'s catalogue folder', async () => {
    const config = {revision: 1, languages: ['en'], privacyPolicyUrl: '/privacy', services: ['ga4']};
    const {code, stdout, stderr} = await samtycke('render', 'cookies', configFile('catalogue.json', config));
    assert.equal(code, 0, stderr);
    assert.ok(stdout.includes('<dd>Google Ireland Limited</dd>'), 'the provider from catalogue/ga4.json');
    assert.ok(stdout.includes('<code>_ga</code>'), 'its cookies');
    const unknown = await samtycke('render', 'cookies', configFile('unknown.json', {...config, services: ['ga5']}));
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /\$\.services\[0\]: "ga5" is not a service in the built-in catalogue/);
  });

  test('usage mistakes are explained', async () => {
    assert.equal((await samtycke('--help')).code, 0);
    const wrong = await samtycke('render', 'policy', demoConfig);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /Usage: samtycke render privacy\|cookies/);
    const missing = await samtycke('render', 'cookies', join(dir, 'nope.json'));
    assert.match(missing.stderr, /cannot read .*nope\.json: no such file/);
  });
});

describe('the privacy schema', () => {
  const schema = JSON.parse(readFileSync(new URL('schema/privacy.schema.json', root), 'utf8'));
  const loadValidator = async () => {
    const {outputFiles} = await build({
      entryPoints: [fileURLToPath(new URL('src/core/privacy/validate-privacy.ts', root))],
      bundle: true, format: 'esm', write: false, platform: 'neutral', loader: {'.json': 'json'}, logLevel: 'silent',
    });
    return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
  };
  const base = demo.privacy;
  const cases = [
    ['the demo shop', base, true],
    ['no controller e-mail', {...base, controller: {...base.controller, email: undefined}}, false],
    ['an unknown key', {...base, versoin: '1'}, false],
    ['a bad date', {...base, lastUpdated: '2025-13-01'}, false],
    ['no activities', {...base, activities: []}, false],
    ['an unknown template', {...base, activities: [{template: 'raffle'}]}, false],
    ['uploads without retention', {...base, activities: [{template: 'uploads'}]}, false],
    ['a custom activity in full', {...base, activities: [{id: 'x', title: 'X', purpose: 'p', dataCategories: ['email'], legalBasis: 'consent',
      requirement: {type: 'none'}, retention: {until: 'withdrawal'}}]}, true],
    ['a custom activity without retention', {...base, activities: [{id: 'x', title: 'X', purpose: 'p', dataCategories: ['email'], legalBasis: 'consent',
      requirement: {type: 'none'}}]}, false],
    ['legitimate interests without the interest', {...base, activities: [{template: 'orders', legalBasis: 'legitimate-interests'}]}, false],
    ['the fraud template\'s own interest', {...base, activities: [{template: 'fraud-prevention'}]}, true],
    ['a lowercase country', {...base, recipients: [{...base.recipients[0], country: 'ie'}]}, false],
    ['a bad safeguard', {...base, recipients: [{...base.recipients[0], transfers: [{country: 'US', safeguard: 'trust'}]}]}, false],
  ];

  test('is a valid JSON Schema 2020-12', () => {
    const ajv = new Ajv2020({allErrors: true, strict: false});
    assert.ok(ajv.validateSchema(schema), JSON.stringify(ajv.errors));
  });

  test('editors and the elements agree on what is valid', async () => {
    const {validatePrivacy} = await loadValidator();
    const check = new Ajv2020({allErrors: true, strict: false}).compile(schema);
    for (const [name, privacy, valid] of cases) {
      const json = JSON.parse(JSON.stringify(privacy));
      assert.equal(check(json), valid, `JSON Schema on ${name}: ${JSON.stringify(check.errors)}`);
      const {problems} = validatePrivacy({privacy: json}, {languages: demo.languages});
      assert.equal(problems.length === 0, valid, `validatePrivacy on ${name}: ${JSON.stringify(problems)}`);
    }
  });

  test('the schema beside the widget checks the privacy section too', () => {
    const merged = JSON.parse(readFileSync(new URL('dist/samtycke.config.schema.json', root), 'utf8'));
    const check = new Ajv2020({allErrors: true, strict: false}).compile(merged);
    assert.ok(check(demo), JSON.stringify(check.errors));
    assert.equal(check(JSON.parse(JSON.stringify({...demo, privacy: {...demo.privacy, lastUpdated: 'yesterday'}}))), false, 'an editor sees the bad date');
  });
});

describe('npx samtycke resolve', () => {
  test('writes the catalogue ids out, keeping the owner\'s overrides, so the widget fetches no catalogue entry', async () => {
    const {code, stdout} = await samtycke('resolve', demoConfig);
    assert.equal(code, 0);
    const resolved = JSON.parse(stdout);
    assert.ok(resolved.services.every((s) => typeof s === 'object' && s.name && s.provider), 'every service in full');
    const youtube = resolved.services.find((s) => s.id === 'youtube');
    assert.equal(youtube.provider, 'Google Ireland Limited');
    assert.ok(youtube.hosts.length > 0, 'with the hosts automatic blocking needs');
    const ga4 = resolved.services.find((s) => s.id === 'ga4');
    assert.equal(ga4.purpose.sv, demo.services.find((s) => s.id === 'ga4').purpose.sv, 'the owner\'s purpose wins');
  });

  test('an unknown id writes nothing and names the path and the fix', async () => {
    const {code, stdout, stderr} = await samtycke('resolve', configFile('bad-id.json', {revision: 1, languages: ['sv'], privacyPolicyUrl: '/p', services: ['ga5']}));
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /\$\.services\[0\]: "ga5" is not a service in the built-in catalogue/);
    assert.match(stderr, /did you mean "ga4"/);
  });
});
