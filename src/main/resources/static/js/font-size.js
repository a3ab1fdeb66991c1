// The "Adjust font size:" control. The size lives in localStorage, not a cookie, so every
// reader gets the same cacheable page; font-size-init.js applies it on the next page.
(function () {
  'use strict';
  var KEY = 'newswire.fontSize';
  var control = document.querySelector('[data-font-size-control]');
  if (!control) {
    return;
  }
  var buttons = Array.prototype.slice.call(control.querySelectorAll('[data-size]'));
  var status = control.querySelector('[data-font-size-status]');

  function show(size) {
    buttons.forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.dataset.size === size));
    });
  }

  function apply(size) {
    document.documentElement.dataset.fontSize = size;
    show(size);
  }

  buttons.forEach(function (button) {
    button.addEventListener('click', function () {
      apply(button.dataset.size);
      try {
        window.localStorage.setItem(KEY, button.dataset.size);
      } catch (blocked) {
        // Without storage the size still applies to this page.
      }
      status.textContent = button.dataset.announce;
    });
  });

  // A size chosen in another tab applies here too.
  window.addEventListener('storage', function (event) {
    if (event.key === KEY && buttons.some(function (b) { return b.dataset.size === event.newValue; })) {
      apply(event.newValue);
    }
  });

  show(document.documentElement.dataset.fontSize || 'medium');
  control.hidden = false;
})();
