// vanilla-cookieconsent v3 configuration for the benchmark storefront: the same three categories
// (necessary, analytics, marketing) and the same two services as the Samtycke and Klaro configs.
// hideFromBots is off because the benchmark browser is automated (navigator.webdriver), which
// vanilla-cookieconsent otherwise treats as a bot and never shows the banner to.
CookieConsent.run({
  hideFromBots: false,
  cookie: {name: 'cc_cookie', expiresAfterDays: 365},
  guiOptions: {
    consentModal: {layout: 'box', position: 'bottom right', equalWeightButtons: true},
    preferencesModal: {layout: 'box', equalWeightButtons: true},
  },
  categories: {
    necessary: {enabled: true, readOnly: true},
    analytics: {
      autoClear: {cookies: [{name: /^_ga/}]},
      services: {'shop-analytics': {label: 'Web analytics'}},
    },
    marketing: {
      autoClear: {cookies: [{name: '_fbp'}]},
      services: {'ad-pixel': {label: 'Advertising pixel'}},
    },
  },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'Your choice of cookies',
          description: 'We use cookies and similar technology. The necessary ones keep the shop working. With your consent we also use cookies for analytics and marketing. <a href="/privacy">Privacy policy</a>',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Customize',
        },
        preferencesModal: {
          title: 'Cookie settings',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save choices',
          closeIconLabel: 'Close',
          sections: [
            {title: 'Necessary', description: 'Keep the shop working: cart, checkout and security. Always on.', linkedCategory: 'necessary'},
            {title: 'Analytics', description: 'Web analytics (Example Analytics Ltd, Ireland): counts visits and shows which pages are used, so we can improve the shop. Cookie: _ga, 2 years.', linkedCategory: 'analytics'},
            {title: 'Marketing', description: 'Advertising pixel (Example Ads Ltd, Ireland): measures how our ads perform and shows our ads to people who have visited the shop. Cookie: _fbp, 90 days.', linkedCategory: 'marketing'},
          ],
        },
      },
    },
  },
});
