package org.newswire.article;

/**
 * A story on hold was returned to readers: its pubstatus is usable again.
 */
public record ArticleHoldReleased(long articleId, String editor) {
}
