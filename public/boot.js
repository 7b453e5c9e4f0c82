// Runs before the first paint (a classic script in index.html's head): the screen the link asks
// for, and the reader's text size, so the page does not jump when the app starts. A file of its
// own because the page's Content-Security-Policy allows no inline script.
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
})();
