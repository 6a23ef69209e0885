import {assert} from '@esm-bundle/chai';
import {CATALOGUE_INDEX} from '../../src/core/catalogue/catalogue-index.js';
import {CatalogueLoadError, catalogueUrl, createCatalogueLoader, resolveCatalogue} from '../../src/core/catalogue/resolve-services.js';
import {validateConfig, type ServiceConfig} from '../../src/core/index.js';
import en from '../../locales/en.json';

/** The real entries from catalogue/ (the test server hands JSON over as modules), counting loads. */
function realLoader() {
  const loads: string[] = [];
  const load = async (id: string) => {
    loads.push(id);
    return (await import(`../../catalogue/${id}.json`)).default as unknown;
  };
  return {load, loads};
}

const base = {revision: 1, languages: ['sv', 'en'], privacyPolicyUrl: '/integritet'};
const servicesOf = (json: unknown) => (json as {services: ServiceConfig[]}).services;

/** A fetch stand-in answering from a table of URL → response. */
const fakeFetch = (answers: Record<string, () => Response>): typeof fetch =>
  async (input) => {
    const answer = answers[String(input)];
    if (!answer) throw new TypeError('Failed to fetch');
    return answer();
  };

suite('catalogue services in a configuration', () => {
  test('a catalogue id becomes the full entry, ready for the validator', async () => {
    const {load} = realLoader();
    const {json, problems, catalogue} = await resolveCatalogue({...base, services: ['ga4', 'youtube']}, load);
    assert.deepEqual(problems, []);
    assert.deepEqual([...catalogue].sort(), ['ga4', 'youtube'], 'which services came from the catalogue');
    const [ga4, youtube] = servicesOf(json);
    assert.equal(ga4.provider, 'Google Ireland Limited');
    assert.deepEqual(ga4.cookies!.map((c) => c.name), ['_ga', '_ga_*']);
    assert.include(ga4.hosts!, 'www.googletagmanager.com/gtag/js?id=G-');
    assert.deepEqual(Object.keys(ga4.purpose), ['sv', 'en'], 'texts in the shop\'s languages');
    assert.equal(youtube.embed!.kind, 'video');
  });

  test('the owner\'s fields win; objects merge per key; arrays replace', async () => {
    const {load} = realLoader();
    const owner = {id: 'youtube', category: 'functional', purpose: {sv: 'Våra egna instruktionsfilmer.'}, cookies: []};
    const input = {...base, services: [owner]};
    const before = structuredClone(input);
    const {json, problems} = await resolveCatalogue(input, load);
    assert.deepEqual(problems, []);
    const [youtube] = servicesOf(json);
    assert.equal(youtube.category, 'functional', 'the owner\'s category');
    assert.deepEqual(youtube.purpose, {sv: 'Våra egna instruktionsfilmer.', en: 'Plays videos from YouTube on our pages.'},
      'the owner\'s Swedish text, the catalogue\'s English');
    assert.deepEqual(youtube.cookies, [], 'the owner\'s empty list replaces the catalogue\'s cookies');
    assert.equal(youtube.provider, 'Google Ireland Limited', 'untouched fields come from the catalogue');
    assert.deepEqual(input, before, 'the input is not changed');
  });

  test('texts follow the shop\'s languages: region to language, else English', async () => {
    const {load} = realLoader();
    const {json} = await resolveCatalogue({...base, languages: ['sv-FI', 'de', 'pt'], services: ['meta-pixel']}, load);
    const [meta] = servicesOf(json);
    const purpose = meta.purpose as Record<string, string>;
    assert.deepEqual(Object.keys(purpose), ['sv-FI', 'de', 'pt']);
    assert.match(purpose['sv-FI'], /annonser/, 'sv-FI gets the Swedish text');
    assert.match(purpose.de, /Anzeigen/, 'German gets German');
    assert.match(purpose.pt, /ads/, 'a language the catalogue lacks falls back to English');
    assert.deepEqual(Object.keys(meta.cookies![0].purpose as object), ['sv-FI', 'de', 'pt'], 'cookie texts too');
  });

  test('only the entries used are loaded, each once, all at once', async () => {
    const started: string[] = [];
    const pending: (() => void)[] = [];
    const {load: real} = realLoader();
    const load = (id: string) => {
      started.push(id);
      return new Promise<unknown>((resolve) => pending.push(() => resolve(real(id))));
    };
    const resolution = resolveCatalogue({...base, services: ['hotjar', {id: 'hotjar', category: 'marketing'}, 'stripe']}, load);
    assert.deepEqual(started, ['hotjar', 'stripe'], 'both requests start before either answers');
    pending.forEach((answer) => answer());
    const {json, problems} = await resolution;
    assert.deepEqual(problems, []);
    assert.deepEqual(servicesOf(json).map((s) => [s.id, s.category]), [['hotjar', 'analytics'], ['hotjar', 'marketing'], ['stripe', 'necessary']]);
  });

  test('an unknown id is a problem that suggests the closest catalogue id', async () => {
    const {load, loads} = realLoader();
    const custom = {id: 'own-chat', name: 'Chat', category: 'functional', provider: 'Butiken AB', purpose: 'Chatt'};
    const {json, problems} = await resolveCatalogue({...base, services: [custom, 'gaa4', 'my-tracker']}, load);
    assert.deepEqual(problems.map((p) => p.path), ['$.services[1]', '$.services[2]']);
    assert.match(problems[0].message, /"gaa4" is not a service in the built-in catalogue/);
    assert.equal(problems[0].fix, 'did you mean "ga4"?');
    assert.match(problems[1].fix, /write the service out in full/);
    assert.deepEqual(servicesOf(json), [custom, 'gaa4', 'my-tracker'] as unknown[], 'a custom service and unknown ids are kept as written');
    assert.deepEqual(loads, [], 'nothing is downloaded for unknown ids');
  });

  test('an entry that cannot be loaded names the URL and how to fix it; the config stays invalid', async () => {
    const load = createCatalogueLoader({base: 'https://shop.example.se/assets/samtycke.js', fetch: fakeFetch({})});
    const {json, problems} = await resolveCatalogue({...base, services: ['ga4']}, load);
    assert.lengthOf(problems, 1);
    assert.equal(problems[0].path, '$.services[0]');
    assert.include(problems[0].message, 'https://shop.example.se/assets/catalogue/ga4.json');
    assert.match(problems[0].fix, /upload the catalogue folder that comes with samtycke.js beside it, or write the service out in full/);
    assert.deepEqual(servicesOf(json), ['ga4'] as unknown[], 'kept as written');
    assert.isNull(validateConfig(json, {referenceTexts: en}).config, 'the validator refuses it: nothing is released');
  });

  test('a file that holds another entry is refused', async () => {
    const {json, problems} = await resolveCatalogue({...base, services: ['ga4']}, async () => ({id: 'hotjar'}));
    assert.match(problems[0].message, /does not hold the entry for "ga4"/);
    assert.deepEqual(servicesOf(json), ['ga4'] as unknown[]);
  });

  test('a configuration without a services list is handed back as it is', async () => {
    for (const input of [null, 'text', [], {...base}, {...base, services: 'ga4'}]) {
      const {json, problems} = await resolveCatalogue(input, async () => assert.fail('nothing to load'));
      assert.strictEqual(json, input);
      assert.deepEqual(problems, []);
    }
  });

  test('every catalogue entry is a valid service of a configuration', async () => {
    const {load} = realLoader();
    const ids = Object.keys(CATALOGUE_INDEX);
    const {json, problems} = await resolveCatalogue({...base, services: ids}, load);
    assert.deepEqual(problems, []);
    const result = validateConfig(json, {referenceTexts: en});
    assert.deepEqual(result.problems, [], 'the widget accepts all entries');
    assert.lengthOf(result.config!.services, ids.length);
  });
});

suite('catalogue loader', () => {
  const base = 'https://shop.example.se/assets/samtycke/samtycke.js';

  test('entries are read from catalogue/ beside samtycke.js', async () => {
    assert.equal(catalogueUrl('meta-pixel', base), 'https://shop.example.se/assets/samtycke/catalogue/meta-pixel.json');
    const load = createCatalogueLoader({base, fetch: fakeFetch({
      'https://shop.example.se/assets/samtycke/catalogue/ga4.json': () => Response.json({id: 'ga4'}),
    })});
    assert.deepEqual(await load('ga4'), {id: 'ga4'});
  });

  test('a missing file, a failed request and broken JSON reject with the URL and the reason', async () => {
    const url = 'https://shop.example.se/assets/samtycke/catalogue/ga4.json';
    const cases: [Record<string, () => Response>, RegExp][] = [
      [{[url]: () => new Response('Not found', {status: 404})}, /answered 404/],
      [{}, /could not be fetched/],
      [{[url]: () => new Response('{"id": ')}, /not valid JSON/],
    ];
    for (const [answers, reason] of cases) {
      const error = await createCatalogueLoader({base, fetch: fakeFetch(answers)})('ga4').then(() => null, (e: unknown) => e);
      assert.instanceOf(error, CatalogueLoadError);
      assert.equal((error as CatalogueLoadError).url, url);
      assert.match((error as CatalogueLoadError).reason, reason);
    }
  });
});
