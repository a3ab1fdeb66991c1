package org.newswire.article;

import java.time.Instant;

/**
 * A new article or a new writethru of one became the version readers see.
 *
 * @param path the reader URL of the article, e.g. {@code /articles/42/some-slug}
 * @param headline the headline led by its label, as the ticker shows it
 */
public record ArticlePublished(long articleId, int sequence, String sectionCode, String headline, int urgency,
		Instant publishedAt, String path, String editor) {
}
