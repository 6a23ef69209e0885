/*
 * Benchmark stand-in for a marketing pixel (Meta-pixel-like). Records when it ran and sets the
 * first-party cookie the real pixel sets.
 */
(function () {
  var ran = (window.__benchScripts = window.__benchScripts || {});
  if (ran.marketing === undefined) ran.marketing = performance.now();
  ran.marketingRuns = (ran.marketingRuns || 0) + 1;
  var queue = (window.__pixelEvents = window.__pixelEvents || []);
  queue.push(['track', 'ViewContent', {content_ids: ['petg-175-1kg'], value: 259, currency: 'SEK'}]);
  document.cookie = '_fbp=fb.1.' + Date.now() + '.' + Math.floor(Math.random() * 9e9) + '; max-age=7776000; path=/; SameSite=Lax';
  window.dispatchEvent(new Event('bench:ran'));
})();
