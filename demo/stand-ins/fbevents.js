/*
 * Stand-in for Meta's fbevents.js (Meta Pixel), used by the Samtycke demo shop.
 * No network traffic. Like the real library it
 *   - takes over the fbq() stub created by the base code snippet,
 *   - installs fbq.callMethod and processes the queued init/track/consent calls,
 *   - sets the first-party cookie _fbp,
 *   - honours fbq('consent', 'revoke'): no cookie until fbq('consent', 'grant').
 * Deliberately NOT guarded against double execution: every run is counted in
 * window.__samtyckeDemo.pixelRuns so tests can assert it ran exactly once.
 */
(function () {
  'use strict';

  var NINETY_DAYS = 90 * 24 * 60 * 60;
  var demo = (window.__samtyckeDemo = window.__samtyckeDemo || {});

  if (demo.pixelRanAt === undefined) demo.pixelRanAt = performance.now();
  demo.pixelRuns = (demo.pixelRuns || 0) + 1;
  demo.pixelEvents = demo.pixelEvents || [];

  var consentGranted = true;
  var pixelIds = [];

  function readCookie(name) {
    var parts = document.cookie ? document.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf('=');
      if (parts[i].slice(0, eq) === name) return parts[i].slice(eq + 1);
    }
    return null;
  }

  function setFbp() {
    if (!consentGranted || pixelIds.length === 0) return;
    var value = readCookie('_fbp');
    if (!value) {
      var random = String(Math.floor(Math.random() * 9e9) + 1e9);
      value = 'fb.1.' + Date.now() + '.' + random;
    }
    var secure = location.protocol === 'https:' ? '; Secure' : '';
    document.cookie =
      '_fbp=' + value + '; max-age=' + NINETY_DAYS + '; path=/; SameSite=Lax' + secure;
  }

  function processCall(args) {
    var method = args[0];
    demo.pixelEvents.push(Array.prototype.slice.call(args));
    if (method === 'consent') {
      consentGranted = args[1] !== 'revoke';
      setFbp();
    } else if (method === 'init' && args[1] !== undefined) {
      if (pixelIds.indexOf(String(args[1])) === -1) pixelIds.push(String(args[1]));
      setFbp();
    }
    // 'track', 'trackCustom', 'trackSingle', 'set': recorded above only.
  }

  // The base code normally defines the stub; create one if it did not.
  var fbq = window.fbq;
  if (typeof fbq !== 'function') {
    fbq = window.fbq = function () {
      fbq.callMethod ? fbq.callMethod.apply(fbq, arguments) : fbq.queue.push(arguments);
    };
    fbq.push = fbq;
    fbq.loaded = true;
    fbq.version = '2.0';
    fbq.queue = [];
    if (!window._fbq) window._fbq = fbq;
  }
  if (!Array.isArray(fbq.queue)) fbq.queue = [];

  fbq.callMethod = function () {
    processCall(arguments);
  };

  // Drain the calls queued before we loaded; the queue array itself stays.
  var queued = fbq.queue.splice(0, fbq.queue.length);
  for (var i = 0; i < queued.length; i++) processCall(queued[i]);

  window.dispatchEvent(new CustomEvent('demo:pixel-ran'));
})();
