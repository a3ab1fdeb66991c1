package org.newswire.article;

import org.newswire.PortalDates;
import org.newswire.PortalTime;

/**
 * What the history pages show of the article around its versions.
 *
 * @param headline the current labelled headline
 * @param currentLabel the label of the current version, {@code null} while it is the
 * first publication
 */
record HistoryStory(long id, String headline, String path, String versionsPath, String comparePath, String sectionName,
		String sectionPath, String sourceName, String dateline, String endMarker, int currentSequence,
		String currentLabel, PortalTime currentPublishedAt) {

	static HistoryStory of(ArticleSummary summary, PortalDates times) {
		Article article = summary.article();
		Writethru current = summary.current();
		return new HistoryStory(article.getId(), current.getLabelledHeadline(), Paths.article(article),
				Paths.versions(article), Paths.compare(article), article.getSection().getName(),
				Paths.section(article.getSection().getCode()), article.getSource().getName(), article.getDateline(),
				article.getSource().getEndMarker(), current.getSequence(), current.getLabel(),
				times.time(current.getPublishedAt()));
	}

	public boolean isUpdated() {
		return this.currentSequence > 1;
	}

}
