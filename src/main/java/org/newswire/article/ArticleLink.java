package org.newswire.article;

import java.time.Instant;

/**
 * A visible article's reader URL and when it last changed: what a sitemap lists, read
 * without the article's text.
 */
public record ArticleLink(long id, String slug, Instant updatedAt) {

	public String path() {
		return Paths.article(this.id, this.slug);
	}

}
