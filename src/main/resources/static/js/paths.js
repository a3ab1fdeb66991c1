// The one check every script makes before it turns a URL from the live stream into a
// link: only a path on this site, never a scheme or another host (browsers read '//host'
// and '/\host' as another host).
window.newswireIsLocalPath = function (path) {
  'use strict';
  return typeof path === 'string' && path.charAt(0) === '/' && path.charAt(1) !== '/' && path.charAt(1) !== '\\';
};
