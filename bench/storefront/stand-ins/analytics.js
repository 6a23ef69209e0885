/*
 * Benchmark stand-in for an analytics tag (gtag.js-like). Records when it ran; the benchmark's
 * release and returning-visit times end here. Sets a first-party cookie as the real tag would.
 */
(function () {
  var ran = (window.__benchScripts = window.__benchScripts || {});
  if (ran.analytics === undefined) ran.analytics = performance.now();
  ran.analyticsRuns = (ran.analyticsRuns || 0) + 1;
  window.dataLayer = window.dataLayer || [];
  window.dataLayer.push({event: 'page_view', page: location.pathname});
  document.cookie = '_ga=GA1.1.' + Math.floor(Math.random() * 1e10) + '.' + Math.floor(Date.now() / 1000) + '; max-age=63072000; path=/; SameSite=Lax';
  window.dispatchEvent(new Event('bench:ran'));
})();
