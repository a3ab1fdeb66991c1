/**
 * The rendered-page cache in front of every reader page, feed, sitemap and ninjs item.
 * Each module declares its own cacheable pages
 * ({@link org.newswire.pagecache.CacheablePages}): the parameters they read and the tags
 * of the changes that drop them. The cache follows the change record, so a change on any
 * node drops only what it touches on every node; the live fragment (the ticker) is
 * rendered once per change and joined into cached pages as they are served. Depends only
 * on the change record.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Page cache")
package org.newswire.pagecache;
