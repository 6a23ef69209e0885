// Klaro configuration for the benchmark storefront: the same three categories (Klaro calls them
// purposes; "necessary" is a required service) and the same two services as the Samtycke and
// vanilla-cookieconsent configs. The notice (not the modal) is the first layer, as in the others.
var klaroConfig = {
  version: 1,
  elementID: 'klaro',
  storageMethod: 'cookie',
  cookieName: 'klaro',
  cookieExpiresAfterDays: 365,
  default: false,
  mustConsent: false,
  acceptAll: true,
  hideDeclineAll: false,
  hideLearnMore: false,
  noticeAsModal: false,
  htmlTexts: false,
  groupByPurpose: true,
  showNoticeTitle: true,
  lang: 'en',
  translations: {
    zz: {privacyPolicyUrl: '/privacy'},
    en: {
      consentNotice: {
        title: 'Your choice of cookies',
        description: 'We use cookies and similar technology. The necessary ones keep the shop working. With your consent we also use cookies for {purposes}. Read more in our {privacyPolicy}.',
        learnMore: 'Customize',
      },
      consentModal: {
        title: 'Cookie settings',
        description: 'Choose which cookies the shop may use. You can change your choice at any time.',
      },
      ok: 'Accept all',
      acceptAll: 'Accept all',
      decline: 'Reject all',
      purposes: {
        functional: {title: 'Necessary', description: 'Keep the shop working: cart, checkout and security.'},
        analytics: {title: 'Analytics', description: 'Count visits and show which pages are used.'},
        marketing: {title: 'Marketing', description: 'Measure our ads and show them to people who visited the shop.'},
      },
      'shop-session': {title: 'Shop session', description: 'Keeps your cart and checkout working.'},
      'shop-analytics': {title: 'Web analytics', description: 'Example Analytics Ltd, Ireland: counts visits and shows which pages are used, so we can improve the shop.'},
      'ad-pixel': {title: 'Advertising pixel', description: 'Example Ads Ltd, Ireland: measures how our ads perform and shows our ads to people who have visited the shop.'},
    },
  },
  services: [
    {name: 'shop-session', purposes: ['functional'], required: true, cookies: ['session']},
    {name: 'shop-analytics', purposes: ['analytics'], cookies: [/^_ga/]},
    {name: 'ad-pixel', purposes: ['marketing'], cookies: ['_fbp']},
  ],
};
