/**
 * Full-text search over the current versions of visible articles, kept in step through
 * article events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package org.newswire.search;
