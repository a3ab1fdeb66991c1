package org.newswire.article;

import java.time.Instant;

/**
 * An article was withdrawn: its pubstatus is now canceled and readers get the notice.
 */
public record ArticleKilled(long articleId, String sectionCode, String notice, Instant killedAt, String editor) {
}
