/**
 * What the portal says to machines: RSS, Atom, ninjs and sitemaps.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Feeds")
package org.newswire.feed;
