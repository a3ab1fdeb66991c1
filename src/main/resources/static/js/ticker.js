// The "Off the wire" ticker. Without JavaScript, or when the reader prefers reduced
// motion, it stays a static wrapping list. Otherwise this script appends a copy of the
// list so the scroll loops seamlessly; the copy is hidden from screen readers and taken
// out of the tab order, so every headline is met once. The CSS animation pauses on
// hover, on keyboard focus within the headlines and with the pause button.
//
// Live updates: dispatch a "newswire:ticker" event on document with
// detail.headlines = [{id, text, urgency, urgencyName, marked, alert, url}] (url may be
// null; the alerts come first) and the list is rebuilt, keeping the pause state.
(function () {
  'use strict';
  var ticker = document.querySelector('[data-ticker]');
  var list = document.getElementById('ticker-list');
  if (!ticker || !list) {
    return;
  }
  var track = ticker.querySelector('.ticker-track');
  var toggle = ticker.querySelector('[data-ticker-toggle]');
  var reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  var PIXELS_PER_SECOND = 50;
  var paused = false;

  function loop() {
    var old = track.querySelector('.ticker-clone');
    if (old) {
      old.remove();
    }
    if (reducedMotion.matches || list.children.length === 0) {
      ticker.classList.remove('is-animated');
      toggle.hidden = true;
      return;
    }
    var copy = list.cloneNode(true);
    copy.removeAttribute('id');
    copy.classList.add('ticker-clone');
    copy.setAttribute('aria-hidden', 'true');
    copy.querySelectorAll('a').forEach(function (link) {
      link.setAttribute('tabindex', '-1');
    });
    track.appendChild(copy);
    ticker.classList.add('is-animated');
    toggle.hidden = false;
    // The same reading speed however many headlines there are.
    var seconds = Math.max(20, Math.round(list.scrollWidth / PIXELS_PER_SECOND));
    track.style.setProperty('--ticker-duration', seconds + 's');
  }

  function setPaused(value) {
    paused = value;
    ticker.classList.toggle('is-paused', paused);
    toggle.textContent = paused ? toggle.dataset.playLabel : toggle.dataset.pauseLabel;
  }

  function item(headline) {
    var li = document.createElement('li');
    li.className = 'ticker-item' + (headline.marked ? ' is-marked' : '') + (headline.alert ? ' is-alert' : '');
    li.dataset.headlineId = headline.id;
    li.dataset.urgency = headline.urgency;
    var holder = li;
    if (window.newswireIsLocalPath(headline.url)) {
      holder = document.createElement('a');
      holder.href = headline.url;
      li.appendChild(holder);
    }
    if (headline.marked) {
      var mark = document.createElement('strong');
      mark.className = 'ticker-urgency';
      mark.textContent = headline.urgencyName + ':';
      holder.appendChild(mark);
      holder.appendChild(document.createTextNode(' '));
    }
    var text = document.createElement('span');
    text.textContent = headline.text;
    holder.appendChild(text);
    return li;
  }

  function rebuild(headlines) {
    // Keep keyboard focus on the same headline when it is still there.
    var focused = list.contains(document.activeElement) ? document.activeElement.closest('li') : null;
    var focusedId = focused ? focused.dataset.headlineId : null;
    var items = headlines.map(item);
    list.replaceChildren.apply(list, items);
    loop();
    if (focusedId !== null) {
      var again = list.querySelector('[data-headline-id="' + CSS.escape(focusedId) + '"] a');
      if (again) {
        again.focus();
      }
    }
  }

  // Headlines are never edited, only posted and withdrawn: the same ids in the same order
  // are the same ticker, and rebuilding it would restart the scroll under the reader.
  function shows(headlines) {
    var shown = Array.prototype.map.call(list.children, function (li) {
      return li.dataset.headlineId;
    });
    return shown.length === headlines.length && headlines.every(function (headline, i) {
      return String(headline.id) === shown[i];
    });
  }

  toggle.addEventListener('click', function () {
    setPaused(!paused);
  });
  document.addEventListener('newswire:ticker', function (event) {
    if (event.detail && Array.isArray(event.detail.headlines) && !shows(event.detail.headlines)) {
      rebuild(event.detail.headlines);
    }
  });
  reducedMotion.addEventListener('change', loop);
  loop();
})();
