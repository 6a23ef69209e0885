/*
 * Stand-in for Google's gtag.js (GA4), used by the Samtycke demo shop.
 * No network traffic: it only mimics the parts that matter for consent
 * testing. Like the real thing it
 *   - reads window.dataLayer and processes queued gtag() commands,
 *   - wraps dataLayer.push so later commands are processed as they arrive,
 *   - sets the first-party cookies _ga and _ga_<CONTAINER>,
 *   - honours Consent Mode: no cookies while analytics_storage is 'denied'.
 * Deliberately NOT guarded against double execution: every run is counted in
 * window.__samtyckeDemo.analyticsRuns so tests can assert it ran exactly once.
 */
(function () {
  'use strict';

  var TWO_YEARS = 2 * 365 * 24 * 60 * 60;
  var script = document.currentScript;
  var demo = (window.__samtyckeDemo = window.__samtyckeDemo || {});

  if (demo.analyticsRanAt === undefined) demo.analyticsRanAt = performance.now();
  demo.analyticsRuns = (demo.analyticsRuns || 0) + 1;
  demo.gtagCommands = demo.gtagCommands || [];

  var consent = { analytics_storage: 'granted' };
  var configured = {};

  function nowSeconds() {
    return Math.floor(Date.now() / 1000);
  }

  function randomDigits(n) {
    var s = String(Math.floor(Math.random() * 9) + 1);
    while (s.length < n) s += Math.floor(Math.random() * 10);
    return s;
  }

  function readCookie(name) {
    var parts = document.cookie ? document.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf('=');
      if (parts[i].slice(0, eq) === name) return parts[i].slice(eq + 1);
    }
    return null;
  }

  function writeCookie(name, value, maxAge) {
    var secure = location.protocol === 'https:' ? '; Secure' : '';
    document.cookie =
      name + '=' + value + '; max-age=' + maxAge + '; path=/; SameSite=Lax' + secure;
  }

  function measurementIdFromSrc() {
    try {
      return new URL(script.src, location.href).searchParams.get('id');
    } catch (e) {
      return null;
    }
  }

  function setCookies(measurementId) {
    if (consent.analytics_storage === 'denied') return;
    // Keep an existing client id, like the real library does.
    var existing = readCookie('_ga');
    var clientId = existing
      ? existing.split('.').slice(2).join('.')
      : randomDigits(10) + '.' + nowSeconds();
    writeCookie('_ga', 'GA1.1.' + clientId, TWO_YEARS);
    if (measurementId) {
      var container = String(measurementId).replace(/^G-/, '');
      writeCookie(
        '_ga_' + container,
        'GS1.1.' + nowSeconds() + '.1.0.' + nowSeconds() + '.0.0.0',
        TWO_YEARS
      );
    }
  }

  function processCommand(args) {
    // gtag() pushes its `arguments` object; ignore plain objects like {event: ...}.
    if (!args || typeof args.length !== 'number' || typeof args[0] !== 'string') return;
    var command = args[0];
    demo.gtagCommands.push(Array.prototype.slice.call(args));

    if (command === 'consent' && args[2] && typeof args[2] === 'object') {
      if (args[2].analytics_storage) consent.analytics_storage = args[2].analytics_storage;
      // A grant after a denial: now the cookies may be set.
      if (consent.analytics_storage === 'granted') {
        for (var id in configured) setCookies(id);
      }
    } else if (command === 'config' && typeof args[1] === 'string') {
      configured[args[1]] = true;
      setCookies(args[1]);
    }
    // 'js', 'event', 'set', 'get': recorded above, nothing else to do here.
  }

  var dataLayer = (window.dataLayer = window.dataLayer || []);

  // Process what was queued before we loaded, then take over push().
  for (var i = 0; i < dataLayer.length; i++) processCommand(dataLayer[i]);

  var originalPush = dataLayer.push;
  dataLayer.push = function () {
    var result = originalPush.apply(dataLayer, arguments);
    for (var j = 0; j < arguments.length; j++) processCommand(arguments[j]);
    return result;
  };

  // The real tag sets its cookies as soon as it runs with an id in its URL.
  var srcId = measurementIdFromSrc();
  if (srcId && !configured[srcId]) {
    configured[srcId] = true;
    setCookies(srcId);
  }

  window.dispatchEvent(new CustomEvent('demo:analytics-ran'));
})();
