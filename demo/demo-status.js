/*
 * Demo status panel for the Skiktverket demo shop (not part of Samtycke).
 * A plain first-party script, deliberately NOT tagged for consent: it only
 * shows what the tagged stand-ins have done, so you can watch the widget work.
 *
 * Shows: whether the analytics and marketing stand-ins have run, whether the
 * video embed has loaded, and the names currently in document.cookie.
 */
(function () {
  'use strict';

  var TEXTS = {
    sv: {
      ran: 'körd',
      notRun: 'inte körd',
      loaded: 'laddad',
      notLoaded: 'inte laddad',
      times: 'gånger',
      none: 'inga',
    },
    en: {
      ran: 'ran',
      notRun: 'not run',
      loaded: 'loaded',
      notLoaded: 'not loaded',
      times: 'times',
      none: 'none',
    },
  };

  var panel = document.getElementById('demo-status');
  if (!panel) return;

  var lang = (document.documentElement.lang || 'en').toLowerCase().split('-')[0];
  var t = TEXTS[lang] || TEXTS.en;
  var videoLoadedByMessage = false;

  function demoState() {
    return window.__samtyckeDemo || {};
  }

  function field(name) {
    return panel.querySelector('[data-status="' + name + '"]');
  }

  // Only touch the DOM when something changed, to keep aria-live quiet.
  function setRow(name, state, text) {
    var row = field(name);
    if (!row) return;
    var value = row.querySelector('dd');
    if (row.getAttribute('data-state') !== state) row.setAttribute('data-state', state);
    if (value && value.textContent !== text) value.textContent = text;
  }

  function ranText(runs) {
    if (!runs) return t.notRun;
    return runs > 1 ? t.ran + ' (' + runs + ' ' + t.times + ')' : t.ran;
  }

  function cookieNames() {
    if (!document.cookie) return [];
    return document.cookie
      .split(';')
      .map(function (part) {
        var eq = part.indexOf('=');
        return (eq === -1 ? part : part.slice(0, eq)).trim();
      })
      .filter(Boolean)
      .sort();
  }

  function renderCookies() {
    var row = field('cookies');
    if (!row) return;
    var value = row.querySelector('dd');
    var names = cookieNames();
    var key = names.join('\n');
    if (value.getAttribute('data-names') === key && value.hasAttribute('data-rendered')) return;
    value.setAttribute('data-names', key);
    value.setAttribute('data-rendered', '');
    row.setAttribute('data-state', names.length ? 'some' : 'none');
    value.textContent = '';
    if (!names.length) {
      value.textContent = t.none;
      return;
    }
    names.forEach(function (name, i) {
      if (i > 0) value.appendChild(document.createTextNode(', '));
      var code = document.createElement('code');
      code.textContent = name;
      value.appendChild(code);
    });
  }

  function render() {
    var state = demoState();
    var analyticsRuns = state.analyticsRuns || 0;
    var pixelRuns = state.pixelRuns || 0;
    var videoLoaded = videoLoadedByMessage || (state.videoLoads || 0) > 0;

    setRow('analytics', analyticsRuns ? 'ran' : 'not-run', ranText(analyticsRuns));
    setRow('marketing', pixelRuns ? 'ran' : 'not-run', ranText(pixelRuns));
    setRow('video', videoLoaded ? 'loaded' : 'not-loaded', videoLoaded ? t.loaded : t.notLoaded);
    renderCookies();
  }

  // Render now and once more right after the current task, so cookies that
  // are written just after an event are picked up too. No polling.
  function update() {
    render();
    setTimeout(render, 0);
  }

  function isOwnFrame(source) {
    var frames = document.querySelectorAll('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return true;
    }
    return false;
  }

  window.addEventListener('demo:analytics-ran', update);
  window.addEventListener('demo:pixel-ran', update);
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'demo:video-loaded' || !isOwnFrame(event.source)) return;
    videoLoadedByMessage = true;
    update();
  });
  // The widget announces decisions on document; also listen on window in case
  // it is dispatched there (update() is idempotent, so hearing it twice is fine).
  document.addEventListener('samtycke-change', update);
  window.addEventListener('samtycke-change', update);
  window.addEventListener('pageshow', update);

  update();
})();
