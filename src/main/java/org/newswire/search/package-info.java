/**
 * Full-text search over the current versions of visible articles. Each node keeps its own
 * Lucene index on disk ({@code newswire.search.directory}), follows the change record to
 * keep it current, and at start catches up from the last change its last commit applied
 * instead of reading the archive again. The index holds only what the database already
 * has, so it needs no backup and no shared disk: a node that loses it builds it again.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package org.newswire.search;
