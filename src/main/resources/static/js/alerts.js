// Flash and Bulletin alerts. ticker-live.js hands each 'alert' event of the live stream
// to this script as a 'newswire:alert' DOM event with detail {id, urgency, level,
// headline, url}; it shows a banner (role="alert", announced by screen readers) at the
// foot of the window until the reader dismisses it. Dismissed alert ids are kept in
// localStorage, so the stream raising the same alert again (every new connection gets
// the standing ones) shows nothing. A banner goes when a ticker snapshot no longer
// carries its line as an alert (superseded, withdrawn, killed, or the wire moved on).
// Without JavaScript there are no banners; the ticker still leads with the alert.
(function () {
  'use strict';
  var box = document.querySelector('[data-alerts]');
  if (!box) {
    return;
  }
  var KEY = 'newswire.dismissedAlerts';
  // Alerts are few; the newest ids are enough to remember.
  var KEEP = 100;
  var unsaved = [];

  function dismissed() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(KEY));
      return Array.isArray(saved) ? saved : unsaved;
    } catch (blocked) {
      // No storage: remembered for this page only.
      return unsaved;
    }
  }

  function remember(id) {
    var ids = dismissed().filter(function (seen) {
      return seen !== id;
    });
    ids.push(id);
    unsaved = ids.slice(-KEEP);
    try {
      window.localStorage.setItem(KEY, JSON.stringify(unsaved));
    } catch (blocked) {
      // Still dismissed on this page.
    }
  }

  function banner(id) {
    return box.querySelector('[data-alert-id="' + CSS.escape(id) + '"]');
  }

  // The page keeps room below its last line for the banners, so none of it stays hidden
  // behind them, and focus moved by keyboard is never scrolled underneath them.
  function fit() {
    box.hidden = box.children.length === 0;
    document.documentElement.style.setProperty('--wire-alerts-height', box.offsetHeight + 'px');
  }

  function remove(element) {
    var next = element.nextElementSibling || element.previousElementSibling;
    var hadFocus = element.contains(document.activeElement);
    element.remove();
    fit();
    // Focus was on the banner that is gone: to the next alert's button, or the text.
    var target = next ? next.querySelector('button') : document.getElementById('main');
    if (hadFocus && target) {
      target.focus({ preventScroll: true });
    }
  }

  function dismiss(element) {
    remember(element.dataset.alertId);
    remove(element);
  }

  function show(alert) {
    var id = String(alert.id);
    var element = document.createElement('div');
    element.className = 'wire-alert' + (alert.urgency === 1 ? ' is-flash' : ' is-bulletin');
    element.dataset.alertId = id;
    // A reader who paused the ticker has asked for stillness: the banner just appears.
    if (document.querySelector('[data-ticker].is-paused')) {
      element.classList.add('is-still');
    }
    var text = document.createElement('p');
    text.className = 'wire-alert-text';
    var level = document.createElement('strong');
    level.className = 'wire-alert-level';
    level.textContent = alert.level;
    var link = document.createElement('a');
    link.href = alert.url;
    link.textContent = alert.headline;
    text.appendChild(level);
    text.appendChild(document.createTextNode(' '));
    text.appendChild(link);
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'wire-alert-dismiss';
    button.textContent = box.dataset.dismissLabel;
    button.addEventListener('click', function () {
      dismiss(element);
    });
    element.setAttribute('role', 'alert');
    element.appendChild(text);
    element.appendChild(button);
    // The region is shown before the alert goes in: screen readers do not announce an
    // alert added inside a hidden one. Newest first.
    box.hidden = false;
    box.insertBefore(element, box.firstChild);
    fit();
  }

  document.addEventListener('newswire:alert', function (event) {
    var alert = event.detail;
    if (!alert || typeof alert.id !== 'number' || typeof alert.level !== 'string'
        || typeof alert.headline !== 'string' || !window.newswireIsLocalPath(alert.url)) {
      return;
    }
    var id = String(alert.id);
    if (banner(id) || dismissed().indexOf(id) >= 0) {
      return;
    }
    show(alert);
  });

  document.addEventListener('newswire:ticker', function (event) {
    var alerts = event.detail && event.detail.alerts;
    if (!Array.isArray(alerts)) {
      return;
    }
    var standing = alerts.map(String);
    Array.prototype.slice.call(box.children).forEach(function (element) {
      if (standing.indexOf(element.dataset.alertId) < 0) {
        remove(element);
      }
    });
  });

  if ('ResizeObserver' in window) {
    new ResizeObserver(fit).observe(box);
  }
}());
