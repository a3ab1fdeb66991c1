package org.newswire.article;

/**
 * A story was put on hold: its pubstatus is now withheld and readers see the note instead
 * of its text.
 */
public record ArticleHeld(long articleId, String note, String editor) {
}
