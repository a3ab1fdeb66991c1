// Keeps "Embargoed until ..." countdowns running on desk pages. The page already shows the
// time itself, so without this script nothing is lost; with it, the editor sees how long
// is left ("in 1 h 02 min 05 s") and "due now" once it has passed. The countdown has
// role="timer", which screen readers do not announce on every tick.
(function () {
  'use strict';
  var timers = document.querySelectorAll('.countdown[data-until]');
  if (timers.length === 0) {
    return;
  }

  function two(n) {
    return (n < 10 ? '0' : '') + n;
  }

  function left(ms) {
    var seconds = Math.floor(ms / 1000);
    var days = Math.floor(seconds / 86400);
    var hours = Math.floor((seconds % 86400) / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var text = two(minutes) + ' min ' + two(seconds % 60) + ' s';
    if (days > 0 || hours > 0) {
      text = hours + ' h ' + text;
    }
    if (days > 0) {
      text = days + ' d ' + text;
    }
    return 'in ' + text;
  }

  function tick() {
    var now = Date.now();
    timers.forEach(function (timer) {
      var ms = Date.parse(timer.getAttribute('data-until')) - now;
      timer.textContent = ms > 0 ? '(' + left(ms) + ')' : '(due now)';
    });
  }

  tick();
  window.setInterval(tick, 1000);
}());
