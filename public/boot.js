// Runs before the first paint (a classic script in index.html's head): the screen the link asks
// for, and the reader's text size, so the page does not jump when the app starts. A file of its
// own because the page's Content-Security-Policy allows no inline script.
// On a lesson it also starts the engine worker (named by the build in <meta name="cellpost-engine">),
// so that the worker's script loads beside the app's instead of after it; a linked lesson's id rides
// in the address's fragment, and the worker fetches and checks that lesson at once. The app takes
// this worker when it starts the engine (src/app/engine/client.ts).
(function () {
  var q = new URLSearchParams(location.search);
  var b = document.documentElement;
  var building = q.has('build') || q.has('scenario');
  b.dataset.screen = q.has('teacher') ? 'teacher' : q.has('lesson') || q.has('bench') || building ? 'lesson' : 'home';
  b.dataset.mode = q.get('mode') === 'lab' || (building && q.get('mode') !== 'learn') ? 'lab' : 'learn';
  try {
    if (q.get('text') === 'large' || (q.get('text') !== 'normal' && localStorage.getItem('cellpost.text') === 'large')) b.dataset.text = 'large';
  } catch {
    // Storage can be off (private windows, strict settings): the normal text size then.
  }
  var meta = document.querySelector('meta[name="cellpost-engine"]');
  if (b.dataset.screen !== 'lesson' || !meta || typeof Worker !== 'function') return;
  try {
    var lesson = q.get('lesson');
    var url = new URL(meta.getAttribute('content'), location.href);
    if (lesson !== null) url.hash = new URLSearchParams({ lesson: lesson.slice(0, 100) }).toString();
    var w = new Worker(url, { type: 'module', name: 'cellpost-engine' });
    var early = { worker: w, failed: null };
    // An error before the app takes the worker: the app then starts a fresh one.
    w.addEventListener('error', function (e) {
      early.failed = (e && e.message) || 'the engine worker failed to start';
    });
    window.cellpostEarlyEngine = early;
  } catch {
    // No early worker: the app starts one itself.
  }
})();
