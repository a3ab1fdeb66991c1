/**
 * Full-text search over the current versions of visible articles, kept in step through
 * article events. The Lucene index lives in memory and is rebuilt from the database at
 * startup: it holds only what the database already has, so it needs no backup, no
 * migration and no shared disk between instances.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package org.newswire.search;
