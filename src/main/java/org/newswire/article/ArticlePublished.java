package org.newswire.article;

/**
 * A new article or a new writethru of one became the version readers see. Carries what
 * the listeners use: the ticker posts the headline, the desk audits the kind, the live
 * stream points open pages to the path.
 *
 * @param sequence 1 for a new article
 * @param headline the headline led by its label, as the ticker shows it
 * @param path the reader URL of the article, e.g. {@code /articles/42/some-slug}
 */
public record ArticlePublished(long articleId, int sequence, WritethruKind kind, String headline, Urgency urgency,
		String path, String editor) {
}
