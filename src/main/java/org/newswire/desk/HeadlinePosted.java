package org.newswire.desk;

/**
 * An editor posted a ticker headline by hand on the desk. Headlines that follow a
 * writethru or a kill are announced by that writethru or kill instead.
 *
 * @param articleId the article it links to, {@code null} for none
 */
public record HeadlinePosted(long headlineId, Long articleId, String text, String editor) {
}
