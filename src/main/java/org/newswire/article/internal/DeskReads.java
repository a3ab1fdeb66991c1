package org.newswire.article.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.newswire.article.ArticleSummary;
import org.newswire.article.EditorialListing;
import org.newswire.article.EditorialListing.ScheduledVersion;
import org.newswire.article.Listings.Cursor;
import org.newswire.article.WritethruKind;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's view of all stories, filtered by section and by text in the slugline or
 * headline; unlike {@link StoryReads}, nothing is withheld or left out.
 */
@Service
@Transactional(readOnly = true)
class DeskReads implements EditorialListing {

	/** The escape character of the repository's {@code like} pattern. */
	private static final char LIKE_ESCAPE = '!';

	private final ArticleRepository articles;

	private final WritethruRepository writethrus;

	private final ScheduledWritethruRepository scheduled;

	DeskReads(ArticleRepository articles, WritethruRepository writethrus, ScheduledWritethruRepository scheduled) {
		this.articles = articles;
		this.writethrus = writethrus;
		this.scheduled = scheduled;
	}

	@Override
	public List<ArticleSummary> page(String sectionCode, String text, Cursor before, int limit) {
		String pattern = (text == null || text.isBlank()) ? null
				: "%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%";
		Cursor from = (before != null) ? before : Cursor.NEWEST;
		return Article
			.summaries(this.articles.findEditorial(sectionCode, pattern, from.updatedAt(), from.id(), Limit.of(limit)));
	}

	@Override
	public Optional<ArticleSummary> story(long articleId) {
		return Article.summaries(this.articles.findWithCurrent(articleId)).stream().findFirst();
	}

	@Override
	public Map<WritethruKind, String> nextLabels(long articleId) {
		List<WritethruKind> earlier = this.writethrus.findKinds(articleId);
		Map<WritethruKind, String> labels = new EnumMap<>(WritethruKind.class);
		for (WritethruKind kind : WritethruKind.values()) {
			labels.put(kind, kind.labelAfter(earlier));
		}
		return labels;
	}

	@Override
	public List<ScheduledVersion> openScheduled(long articleId) {
		return this.scheduled.findOpen(articleId).stream().map(ScheduledWritethru::view).toList();
	}

	@Override
	public Optional<ScheduledVersion> scheduled(long articleId, long scheduledId) {
		return this.scheduled.findById(scheduledId)
			.filter((s) -> s.getArticleId() == articleId)
			.map(ScheduledWritethru::view);
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
