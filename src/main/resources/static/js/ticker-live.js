/*
 * Live ticker: listens to /ticker/stream (server-sent events) and hands every new ticker
 * snapshot to the page as a 'newswire:ticker' event; ticker.js rebuilds the list from it.
 * When a newer version of the article on screen is published, the live region says so;
 * Flash and Bulletin alerts go to alerts.js as 'newswire:alert' events.
 * Without JavaScript the page keeps the ticker it was rendered with.
 */
(function () {
  'use strict';

  if (!('EventSource' in window) || !('CustomEvent' in window)) {
    return;
  }

  var STREAM = '/ticker/stream';
  // After the server refuses a stream (too many open), the browser gives up; try again later.
  var RETRY_REFUSED_MS = 30000;

  var source = null;
  var appliedRevision = 0;
  var announcedSequence = 0;

  function parse(event) {
    try {
      return JSON.parse(event.data);
    } catch (e) {
      return null;
    }
  }

  function onTicker(event) {
    var data = parse(event);
    // Snapshots carry the whole ticker: one we already applied (a reconnect, a repeat)
    // or an older one changes nothing.
    if (!data || typeof data.revision !== 'number' || data.revision <= appliedRevision
        || !Array.isArray(data.headlines)) {
      return;
    }
    appliedRevision = data.revision;
    document.dispatchEvent(new CustomEvent('newswire:ticker', { detail: data }));
  }

  function onArticle(event) {
    var data = parse(event);
    var article = document.querySelector('article[data-article-id]');
    var region = document.getElementById('live-update');
    if (!data || !article || !region || !window.newswireIsLocalPath(data.path)) {
      return;
    }
    var shown = Number(article.getAttribute('data-sequence'));
    if (article.getAttribute('data-article-id') !== String(data.articleId)
        || !(data.sequence > shown) || data.sequence <= announcedSequence) {
      return;
    }
    announcedSequence = data.sequence;
    var link = document.createElement('a');
    link.href = data.path;
    link.textContent = data.linkText;
    region.textContent = data.message + ' ';
    region.appendChild(link);
  }

  // A Flash or Bulletin alert: alerts.js decides whether to show it.
  function onAlert(event) {
    var data = parse(event);
    if (data) {
      document.dispatchEvent(new CustomEvent('newswire:alert', { detail: data }));
    }
  }

  function connect() {
    source = new EventSource(STREAM);
    source.addEventListener('ticker', onTicker);
    source.addEventListener('article', onArticle);
    source.addEventListener('alert', onAlert);
    source.addEventListener('error', function () {
      // A dropped connection reconnects by itself (readyState CONNECTING); a refused
      // one (503) is CLOSED for good unless we open a new one.
      if (source && source.readyState === EventSource.CLOSED) {
        source = null;
        window.setTimeout(connect, RETRY_REFUSED_MS + Math.floor(Math.random() * RETRY_REFUSED_MS));
      }
    });
  }

  // An open stream keeps the page out of the back/forward cache; close it on the way out.
  window.addEventListener('pagehide', function () {
    if (source) {
      source.close();
      source = null;
    }
  });
  window.addEventListener('pageshow', function (event) {
    if (event.persisted && !source) {
      connect();
    }
  });

  connect();
}());
