package org.newswire.article;

import java.time.Instant;

/**
 * A block of consecutive article ids ({@code firstId} to {@code lastId}), the unit large
 * listings such as sitemaps split the archive into: a block keeps its articles whatever
 * is published later, so only a change to one of them changes it.
 *
 * @param visible how many of its articles readers can see
 * @param lastModified when any of its articles last changed (published, rewritten or
 * killed), or {@code null} for a block without articles
 */
public record IdBlock(long firstId, long lastId, long visible, Instant lastModified) {

}
