package org.newswire.desk;

/**
 * An editor withdrew a standing ticker headline by hand on the desk.
 *
 * @param articleId the article it linked to, {@code null} for none
 */
public record HeadlineWithdrawn(long headlineId, Long articleId, String text, String editor) {
}
