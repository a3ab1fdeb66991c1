package org.newswire.article;

/**
 * An article was withdrawn: its pubstatus is now canceled and readers get the notice.
 */
public record ArticleKilled(long articleId, String notice, String editor) {
}
