// The "Off the wire" ticker. Without JavaScript, or when the reader prefers reduced
// motion, it stays a static wrapping list. Otherwise this script appends a copy of the
// list so the scroll loops seamlessly; the copy is hidden from screen readers and taken
// out of the tab order, so every headline is met once. The CSS animation pauses on
// hover, on keyboard focus within the headlines and with the pause button.
//
// Live updates: dispatch a "newswire:ticker" event on document with detail.html, the
// list's items as the server rendered them (fragments/ticker.html, the markup the page
// came with), and they are swapped in, keeping the pause state.
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

  // The items of a live update, unless they are anything but ticker items linking to
  // pages of this site. A template's content is inert: nothing in it loads or runs.
  function items(html) {
    var template = document.createElement('template');
    template.innerHTML = html;
    var content = template.content;
    var valid = Array.prototype.every.call(content.children, function (li) {
      return li.matches('li.ticker-item');
    }) && Array.prototype.every.call(content.querySelectorAll('a'), function (link) {
      return window.newswireIsLocalPath(link.getAttribute('href'));
    });
    return valid ? content : null;
  }

  function swap(content) {
    // Keep keyboard focus on the same headline when it is still there.
    var focused = list.contains(document.activeElement) ? document.activeElement.closest('li') : null;
    var focusedId = focused ? focused.dataset.headlineId : null;
    list.replaceChildren(content);
    loop();
    if (focusedId !== null) {
      var again = list.querySelector('[data-headline-id="' + CSS.escape(focusedId) + '"] a');
      if (again) {
        again.focus();
      }
    }
  }

  // Headlines are never edited, only posted and withdrawn, and their class says whether
  // they lead as an alert: the same ids with the same classes in the same order are the
  // same ticker, and swapping it would restart the scroll under the reader.
  function signature(items) {
    return Array.prototype.map.call(items, function (li) {
      return li.dataset.headlineId + ' ' + li.className;
    }).join('\n');
  }

  toggle.addEventListener('click', function () {
    setPaused(!paused);
  });
  document.addEventListener('newswire:ticker', function (event) {
    var content = event.detail && typeof event.detail.html === 'string' ? items(event.detail.html) : null;
    if (content && signature(content.children) !== signature(list.children)) {
      swap(content);
    }
  });
  reducedMotion.addEventListener('change', loop);
  loop();
})();
