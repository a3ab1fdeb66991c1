/*
 * Live ticker: listens to /ticker/stream (server-sent events) and hands every new ticker
 * snapshot to the page as a 'newswire:ticker' event: ticker.js swaps in its items, rendered
 * by the server from the same fragment as the page's, and alerts.js takes down the banners
 * of lines no longer leading as alerts.
 * When a newer version of the article on screen is published, the live region says so;
 * Flash and Bulletin alerts go to alerts.js as 'newswire:alert' events.
 * When the server refuses a stream (429: this reader holds its share, 503: the node is
 * full), the script waits as long as Retry-After says, longer after every refusal in a
 * row, and meanwhile takes the ticker from /ticker/snapshot.
 * Without JavaScript the page keeps the ticker it was rendered with.
 */
(function () {
  'use strict';

  if (!('EventSource' in window) || !('CustomEvent' in window) || !('fetch' in window)) {
    return;
  }

  var STREAM = '/ticker/stream';
  var SNAPSHOT = '/ticker/snapshot';
  // The wait after a refused stream doubles with every refusal in a row, from 2 s up to
  // 5 minutes, is never shorter than the server's Retry-After, and is lengthened by up to
  // half at random, so that pages refused together do not all come back together.
  var FIRST_WAIT_MS = 2000;
  var LONGEST_WAIT_MS = 300000;

  var source = null;
  var retry = null;
  var refusals = 0;
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
    apply(parse(event));
  }

  function apply(data) {
    // Snapshots carry the whole ticker: one we already applied (a reconnect, a repeat, the
    // stream after a fallback) or an older one changes nothing.
    if (!data || typeof data.revision !== 'number' || data.revision <= appliedRevision
        || typeof data.html !== 'string' || !Array.isArray(data.alerts)) {
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
    retry = null;
    // A retry may come due after pageshow has already reconnected.
    if (source) {
      return;
    }
    source = new EventSource(STREAM);
    source.addEventListener('open', function () {
      refusals = 0;
    });
    source.addEventListener('ticker', onTicker);
    source.addEventListener('article', onArticle);
    source.addEventListener('alert', onAlert);
    source.addEventListener('error', function () {
      // A dropped connection reconnects by itself (readyState CONNECTING); a refused
      // one (429, 503) is CLOSED for good unless we open a new one.
      if (source && source.readyState === EventSource.CLOSED) {
        source = null;
        refused();
      }
    });
  }

  function refused() {
    refusals += 1;
    // The page was current when the stream was first refused; after a whole wait without
    // a stream it takes the ticker as the stream last sent it.
    if (refusals > 1) {
      fetch(SNAPSHOT).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(apply, function () {});
    }
    // EventSource shows neither the status nor the Retry-After of a refusal; HEAD is
    // answered what the stream would be, without opening one.
    fetch(STREAM, { method: 'HEAD', cache: 'no-store' }).then(retryAfterMs, function () {
      return 0;
    }).then(function (asked) {
      var wait = Math.max(asked, Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * Math.pow(2, refusals - 1)));
      retry = window.setTimeout(connect, wait + Math.floor(Math.random() * wait / 2));
    });
  }

  function retryAfterMs(response) {
    var seconds = Number(response.headers.get('Retry-After'));
    return !response.ok && seconds > 0 ? seconds * 1000 : 0;
  }

  // An open stream keeps the page out of the back/forward cache; close it on the way out.
  window.addEventListener('pagehide', function () {
    if (source) {
      source.close();
      source = null;
    }
    if (retry) {
      window.clearTimeout(retry);
      retry = null;
    }
  });
  window.addEventListener('pageshow', function (event) {
    if (event.persisted && !source) {
      connect();
    }
  });

  connect();
}());
