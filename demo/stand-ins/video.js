/* Video player stand-in: tells the embedding shop page that it has loaded. */
(function () {
  'use strict';

  // Same-origin convenience for the demo status panel / tests: count loads on
  // the parent page too (silently skipped if the parent is cross-origin).
  if (window.parent !== window) {
    try {
      var demo = (window.parent.__samtyckeDemo = window.parent.__samtyckeDemo || {});
      if (demo.videoLoadedAt === undefined) demo.videoLoadedAt = window.parent.performance.now();
      demo.videoLoads = (demo.videoLoads || 0) + 1;
    } catch (e) {
      /* cross-origin parent */
    }
    window.parent.postMessage({ type: 'demo:video-loaded' }, '*');
  }

  var button = document.getElementById('play');
  var note = document.getElementById('player-note');
  if (button && note) {
    button.addEventListener('click', function () {
      document.body.classList.add('is-playing');
      note.textContent = document.documentElement.lang === 'en'
        ? 'No real video here: just a stand-in in the demo shop.'
        : 'Ingen riktig video här – bara en platshållare i demobutiken.';
    });
  }
})();
