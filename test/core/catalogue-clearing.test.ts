// Issue 3, item 7: the catalogue's cookie patterns and storage keys are deleted on withdrawal,
// on the host and its parent domains, by the existing tracker cleanup.
import {assert} from '@esm-bundle/chai';
import {clearTrackerData, createDocumentCookieJar, type CookieJar} from '../../src/core/gating/tracker-cleanup.js';
import type {ServiceConfig} from '../../src/core/index.js';

const entry = async (id: string) => (await import(`../../catalogue/${id}.json`)).default as ServiceConfig;
const entries = (ids: string[]) => Promise.all(ids.map(entry));

const cookieNames = () => document.cookie.split(';').map((c) => c.split('=')[0].trim()).filter(Boolean);

suite('clearing catalogue cookies', () => {
  teardown(() => {
    for (const name of cookieNames()) document.cookie = `${name}=; max-age=0; path=/`;
    localStorage.clear();
    sessionStorage.clear();
  });

  test('cookies named by catalogue patterns are gone from the page; the shop\'s own stay', async () => {
    const trackers = ['_ga', '_ga_ABC123XYZ', '_fbp', '_fbc', '_uetsid', '_uetvid', '_uetmsclkid', '_hjSessionUser_3712345', '_hjSession_3712345',
      '_pk_id.1.a1b2', '_pk_ses.1.a1b2', '_clck', '_clsk', '_ttp', 'ttcsid_C123', '__kla_id', 'intercom-id-abc1', '__hstc'];
    // Names that only look like catalogue cookies belong to the shop.
    const shop = ['cart', '_galaxy_theme', '_pk_idea', '_uetfoo', '_hjSessionUserX'];
    for (const name of [...trackers, ...shop]) document.cookie = `${name}=1; path=/`;
    const services = await entries(['ga4', 'meta-pixel', 'microsoft-uet', 'hotjar', 'matomo', 'microsoft-clarity', 'tiktok-pixel', 'klaviyo', 'intercom', 'hubspot']);

    const cleared = clearTrackerData(services, {cookies: createDocumentCookieJar(document), location, localStorage, sessionStorage});

    assert.sameMembers(cookieNames(), shop, 'only the shop\'s own cookies are left');
    assert.sameMembers(cleared, trackers, 'every tracker cookie is reported as cleared');
  });

  test('storage keys the catalogue declares are removed; others stay', async () => {
    for (const key of ['_uetsid', '_uetsid_exp', '_uetvid', '_uetvid_exp', '_hjUserAttributes', 'hjActiveViewportIds', '_gcl_ls', 'theme']) localStorage.setItem(key, '1');
    for (const key of ['hjViewportId', 'tt_sessionId', 'tt_appInfo', 'checkout-step']) sessionStorage.setItem(key, '1');
    const services = await entries(['microsoft-uet', 'hotjar', 'google-ads', 'tiktok-pixel']);

    clearTrackerData(services, {cookies: createDocumentCookieJar(document), location, localStorage, sessionStorage});

    assert.deepEqual(Object.keys(localStorage), ['theme'], 'localStorage keeps only the shop\'s key');
    assert.deepEqual(Object.keys(sessionStorage), ['checkout-step'], 'sessionStorage keeps only the shop\'s key');
  });

  test('on a shop\'s subdomain, pattern cookies are expired on the host and every parent domain; third-party ones are not touched', async () => {
    const removed: string[] = [];
    const jar: CookieJar = {
      names: () => ['_ga', '_ga_ABC123', '_uetvid', '_hjSession_1', '_pk_id.3.ff01', 'MUID', 'fr'],
      remove: (name, {domain, path}) => void removed.push(`${name}|${domain ?? 'host-only'}|${path}`),
    };
    const services = await entries(['ga4', 'microsoft-uet', 'hotjar', 'matomo', 'meta-pixel']);

    clearTrackerData(services, {cookies: jar, location: {hostname: 'www.shop.example.se', pathname: '/'}});

    for (const name of ['_ga', '_ga_ABC123', '_uetvid', '_hjSession_1', '_pk_id.3.ff01']) {
      for (const domain of ['host-only', 'www.shop.example.se', '.shop.example.se', 'example.se', '.example.se']) {
        assert.include(removed, `${name}|${domain}|/`, `${name} expired on ${domain}`);
      }
    }
    assert.isFalse(removed.some((r) => r.startsWith('MUID|') || r.startsWith('fr|')), 'Microsoft\'s and Meta\'s own cookies live on their domains');
  });
});
