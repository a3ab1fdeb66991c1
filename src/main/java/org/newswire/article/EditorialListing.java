package org.newswire.article;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.newswire.article.internal.Article;
import org.newswire.article.internal.ArticleRepository;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's view of all articles, killed ones and those waiting for their embargo
 * included, filtered by section and by text in the slugline or headline. Kept apart from
 * {@link ArticleService}, whose listings are what readers may see.
 */
@Service
@Transactional(readOnly = true)
public class EditorialListing {

	/** The escape character of the repository's {@code like} pattern. */
	private static final char LIKE_ESCAPE = '!';

	private final ArticleRepository articles;

	EditorialListing(ArticleRepository articles) {
		this.articles = articles;
	}

	/**
	 * Articles most recently updated first.
	 * @param sectionCode a section, or {@code null} for all
	 * @param text words to find in slugline or current headline, case-insensitive, or
	 * {@code null}
	 * @param before the position after the last article of the previous page, or
	 * {@code null} for the first page
	 */
	public List<ArticleSummary> page(String sectionCode, String text, Cursor before, int limit) {
		String pattern = (text == null || text.isBlank()) ? null
				: "%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%";
		Cursor from = (before != null) ? before : Cursor.NEWEST;
		return Article
			.summaries(this.articles.findEditorial(sectionCode, pattern, from.updatedAt(), from.id(), Limit.of(limit)));
	}

	/**
	 * One story as the desk sees it: killed ones and those waiting for their embargo
	 * included.
	 */
	public Optional<ArticleSummary> story(long articleId) {
		return Article.summaries(this.articles.findWithCurrent(articleId)).stream().findFirst();
	}

	private static String escapeLike(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
				escaped.append(LIKE_ESCAPE);
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

}
