// Loaded blocking in <head>: applies the reader's stored text size before the first paint,
// so pages stay the same for every reader (no cookie, no per-reader HTML) without a flash
// of the default size. font-size.js stores the choice.
(function () {
  'use strict';
  try {
    var size = window.localStorage.getItem('newswire.fontSize');
    if (size === 'small' || size === 'medium' || size === 'large') {
      document.documentElement.dataset.fontSize = size;
    }
  } catch (blocked) {
    // Storage disabled by the reader: the default size applies.
  }
})();
