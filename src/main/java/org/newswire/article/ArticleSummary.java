package org.newswire.article;

import java.util.ArrayList;
import java.util.List;

/**
 * An article with the version readers see now; section and source are loaded with it.
 */
public record ArticleSummary(Article article, Writethru current) {

	/**
	 * The canonical reader URL.
	 */
	public String path() {
		return Paths.article(this.article);
	}

	/**
	 * How many times the story was updated after its first publication.
	 */
	public int updates() {
		return this.current.getSequence() - 1;
	}

	/**
	 * Rows of (article, current writethru) as the repositories select them.
	 */
	static List<ArticleSummary> of(List<Object[]> rows) {
		List<ArticleSummary> summaries = new ArrayList<>(rows.size());
		for (Object[] row : rows) {
			summaries.add(new ArticleSummary((Article) row[0], (Writethru) row[1]));
		}
		return summaries;
	}

}
