import {assert} from '@esm-bundle/chai';
import {CATALOGUE_INDEX} from '../../src/core/catalogue/catalogue-index.js';
import {isHostPattern, matchHost, serviceForUrl} from '../../src/core/catalogue/host-match.js';

const GA4 = ['www.googletagmanager.com/gtag/js?id=G-', '*.google-analytics.com', '*.analytics.google.com'];
const BASE = 'https://shop.example.se/products/shoe';

/** The catalogue's own rules: what automatic blocking will hold for a shop that declares every service. */
const catalogueRules = Object.fromEntries(Object.entries(CATALOGUE_INDEX).map(([id, entry]) => [id, entry.hosts]));

suite('host patterns', () => {
  test('a query prefix tells GA4 from Google Ads on the same gtag.js URL', () => {
    assert.isTrue(matchHost('https://www.googletagmanager.com/gtag/js?id=G-ABC123', GA4, BASE), 'the GA4 tag');
    assert.isTrue(matchHost('https://www.googletagmanager.com/gtag/js?l=dataLayer&id=G-ABC123', GA4, BASE), 'id= later in the query');
    assert.isFalse(matchHost('https://www.googletagmanager.com/gtag/js?id=AW-123456', GA4, BASE), 'a Google Ads tag is not GA4');
    assert.isFalse(matchHost('https://www.googletagmanager.com/gtag/js?id=GT-ABC', GA4, BASE), 'a combined GT- tag is not GA4');
    assert.isFalse(matchHost('https://www.googletagmanager.com/gtag/js', GA4, BASE), 'no id at all');
    assert.isFalse(matchHost('https://www.googletagmanager.com/gtag/jsx?id=G-1', GA4, BASE), 'a different path that starts alike');
    assert.isFalse(matchHost('https://www.googletagmanager.com/gtm.js?id=G-1', GA4, BASE), 'Tag Manager with a G- lookalike');
  });

  test('*. matches the bare domain and every subdomain, and nothing that merely ends alike', () => {
    assert.isTrue(matchHost('https://google-analytics.com/g/collect', GA4, BASE), 'bare domain');
    assert.isTrue(matchHost('https://region1.google-analytics.com/g/collect?v=2', GA4, BASE), 'subdomain');
    assert.isTrue(matchHost('https://a.b.analytics.google.com/x', GA4, BASE), 'deeper subdomain');
    assert.isFalse(matchHost('https://evilgoogle-analytics.com/x.js', GA4, BASE), 'same ending without a dot');
    assert.isFalse(matchHost('https://google-analytics.com.evil.example/x.js', GA4, BASE), 'the domain as a subdomain of another');
    assert.isFalse(matchHost('https://www.google.com/analytics', GA4, BASE), 'analytics.google.com is not google.com');
  });

  test('a path prefix matches whole segments', () => {
    const pixel = ['www.facebook.com/tr'];
    assert.isTrue(matchHost('https://www.facebook.com/tr?id=1&ev=PageView&noscript=1', pixel, BASE));
    assert.isTrue(matchHost('https://www.facebook.com/tr/?id=1', pixel, BASE));
    assert.isTrue(matchHost('https://www.facebook.com/tr', pixel, BASE));
    assert.isFalse(matchHost('https://www.facebook.com/trending', pixel, BASE), 'not a longer segment');
    assert.isFalse(matchHost('https://www.facebook.com/plugins/like.php', pixel, BASE), 'other paths on the host');
    assert.isFalse(matchHost('https://facebook.com/tr?id=1', pixel, BASE), 'an exact host does not match its parent');
    assert.isTrue(matchHost('https://s.pinimg.com/ct/lib/main.js', ['s.pinimg.com/ct/'], BASE), 'a prefix ending in / matches below it');
  });

  test('relative and protocol-relative URLs resolve against the base', () => {
    assert.isTrue(matchHost('//connect.facebook.net/en_US/fbevents.js', ['connect.facebook.net'], BASE), 'protocol-relative');
    assert.isFalse(matchHost('/gtm.js', ['www.googletagmanager.com/gtm.js'], BASE), 'a path on the shop itself');
    assert.isTrue(matchHost('gtm.js?id=GTM-1', ['www.googletagmanager.com/gtm.js'], 'https://www.googletagmanager.com/'), 'relative to another base');
    assert.isFalse(matchHost('//connect.facebook.net/x.js', ['connect.facebook.net'], null), 'nothing to resolve against');
  });

  test('only http(s) URLs match; the host is the real host', () => {
    const meta = ['connect.facebook.net'];
    assert.isTrue(matchHost('HTTPS://Connect.Facebook.NET/en_US/fbevents.js', meta, BASE), 'case does not matter');
    assert.isTrue(matchHost('https://connect.facebook.net.:443/en_US/fbevents.js', meta, BASE), 'trailing dot and port');
    assert.isTrue(matchHost('http://connect.facebook.net/x.js', meta, BASE), 'plain http');
    assert.isFalse(matchHost('https://connect.facebook.net@evil.example/x.js', meta, BASE), 'user info is not the host');
    assert.isFalse(matchHost('https://evil.example/connect.facebook.net/x.js', meta, BASE), 'the name in the path');
    assert.isFalse(matchHost('https://evil.example/?src=connect.facebook.net', meta, BASE), 'the name in the query');
    for (const url of ['data:text/javascript,1', 'blob:https://connect.facebook.net/1', 'javascript:void(0)', 'http://[', '']) {
      assert.isFalse(matchHost(url, meta, BASE), `not matched: ${url}`);
    }
  });

  test('invalid patterns match nothing', () => {
    for (const pattern of ['*', '*.', '', 'https://connect.facebook.net', 'connect.facebook.net/x#y', '*.*.com', 'bad host.com']) {
      assert.isFalse(isHostPattern(pattern), `invalid: "${pattern}"`);
      assert.isFalse(matchHost('https://connect.facebook.net/x#y', [pattern], BASE), `matches nothing: "${pattern}"`);
    }
    assert.isTrue(isHostPattern('localhost'), 'a single-label host is fine (development)');
  });

  test('serviceForUrl picks the most precise service; a tie goes to the first listed', () => {
    const rules = new Map([['google', ['*.google.com']], ['maps', ['www.google.com/maps']], ['search', ['www.google.com']]]);
    assert.equal(serviceForUrl('https://www.google.com/maps/embed?pb=1', rules, BASE), 'maps', 'host + path beats the host alone');
    assert.equal(serviceForUrl('https://www.google.com/search?q=shoe', rules, BASE), 'search', 'an exact host beats a wildcard');
    assert.equal(serviceForUrl('https://mail.google.com/x', rules, BASE), 'google', 'only the wildcard matches');
    assert.isUndefined(serviceForUrl('https://example.com/x', rules, BASE));
    assert.equal(serviceForUrl('https://x.example/a.js', {first: ['x.example'], second: ['x.example']}, BASE), 'first', 'tie: first listed');
  });

  test('real loader URLs map to their catalogue service, and look-alikes to none', () => {
    const expected: [string, string | undefined][] = [
      ['https://www.googletagmanager.com/gtag/js?id=G-XXXXXXX', 'ga4'],
      ['https://region1.google-analytics.com/g/collect?v=2&tid=G-X', 'ga4'],
      ['https://www.googletagmanager.com/gtm.js?id=GTM-ABCD', 'google-tag-manager'],
      ['https://www.googletagmanager.com/ns.html?id=GTM-ABCD', 'google-tag-manager'],
      ['https://www.googletagmanager.com/gtag/js?id=AW-123456789', 'google-ads'],
      ['https://googleads.g.doubleclick.net/pagead/viewthroughconversion/123/?random=1', 'google-ads'],
      ['https://www.googleadservices.com/pagead/conversion.js', 'google-ads'],
      ['https://connect.facebook.net/en_US/fbevents.js', 'meta-pixel'],
      ['https://connect.facebook.net/signals/config/123?v=2.9', 'meta-pixel'],
      ['https://www.facebook.com/tr?id=123&ev=PageView&noscript=1', 'meta-pixel'],
      ['https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=ABC&lib=ttq', 'tiktok-pixel'],
      ['https://s.pinimg.com/ct/core.js', 'pinterest-tag'],
      ['https://ct.pinterest.com/v3/?event=init&tid=1&noscript=1', 'pinterest-tag'],
      ['https://snap.licdn.com/li.lms-analytics/insight.min.js', 'linkedin-insight'],
      ['https://px.ads.linkedin.com/collect/?pid=1&fmt=gif', 'linkedin-insight'],
      ['https://bat.bing.com/bat.js', 'microsoft-uet'],
      ['https://bat.bing.com/action/0?ti=1&Ver=2', 'microsoft-uet'],
      ['https://www.clarity.ms/tag/abcdef', 'microsoft-clarity'],
      ['https://static.hotjar.com/c/hotjar-123.js?sv=6', 'hotjar'],
      ['https://static.klaviyo.com/onsite/js/klaviyo.js?company_id=X', 'klaviyo'],
      ['https://chimpstatic.com/mcjs-connected/js/users/a1/b2.js', 'mailchimp'],
      ['https://js-eu1.hs-scripts.com/123.js', 'hubspot'],
      ['https://cdn.matomo.cloud/shop.matomo.cloud/matomo.js', 'matomo'],
      ['https://shop.matomo.cloud/matomo.php?idsite=1', 'matomo'],
      ['https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0', 'youtube'],
      ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 'youtube'],
      ['https://www.youtube.com/iframe_api', 'youtube'],
      ['https://player.vimeo.com/video/76979871?dnt=1', 'vimeo'],
      ['https://www.google.com/maps/embed?pb=!1m18', 'google-maps'],
      ['https://maps.google.com/maps?q=Stockholm&output=embed', 'google-maps'],
      ['https://maps.googleapis.com/maps/api/js?key=X', 'google-maps'],
      ['https://widget.trustpilot.com/bootstrap/v5/tp.widget.bootstrap.min.js', 'trustpilot'],
      ['https://eu-library.klarnaservices.com/lib.js', 'klarna-messaging'],
      ['https://js.stripe.com/v3/', 'stripe'],
      ['https://static.zdassets.com/ekr/snippet.js?key=abc', 'zendesk'],
      ['https://widget.intercom.io/widget/abc123', 'intercom'],
      // Look-alikes that must not be held: links, thumbnails and other pages on the same hosts.
      ['https://www.googletagmanager.com/gtag/js?id=GT-ABC', 'ga4'],
      ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', undefined],
      ['https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg', undefined],
      ['https://www.google.com/search?q=shoes', undefined],
      ['https://www.facebook.com/myshop', undefined],
      ['https://shop.example.se/tr?id=1', undefined],
    ];
    for (const [url, id] of expected) assert.equal(serviceForUrl(url, catalogueRules, BASE), id, url);
  });

  test('every catalogue host pattern is valid and claimed by one service only', () => {
    const owners = new Map<string, string>();
    for (const [id, patterns] of Object.entries(catalogueRules)) {
      for (const pattern of patterns) {
        assert.isTrue(isHostPattern(pattern), `${id}: "${pattern}" is a valid pattern`);
        assert.isFalse(owners.has(pattern), `"${pattern}" is claimed by ${owners.get(pattern)} and ${id}`);
        owners.set(pattern, id);
      }
    }
  });
});
