package org.newswire.article.web;

import org.newswire.PortalDates;
import org.newswire.PortalTime;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Paths;
import org.newswire.article.VersionView;

/**
 * What the history pages show of the article around its versions.
 *
 * @param headline the current labelled headline
 * @param currentLabel the label of the current version, {@code null} while it is the
 * first publication
 * @param hold the hold notice while the story is on hold, else {@code null}
 */
record HistoryStory(long id, String headline, String path, String versionsPath, String comparePath, String sectionName,
		String sectionPath, String sourceName, String dateline, String endMarker, int currentSequence,
		String currentLabel, PortalTime currentPublishedAt, ArticlePage.Hold hold) {

	static HistoryStory of(ArticleSummary summary, PortalDates times) {
		long id = summary.id();
		VersionView current = summary.current();
		return new HistoryStory(id, current.labelledHeadline(), summary.path(), Paths.versions(id, summary.slug()),
				Paths.compare(id, summary.slug()), summary.section().name(), summary.section().path(),
				summary.source().name(), summary.dateline(), summary.source().endMarker(), current.sequence(),
				current.label(), times.time(current.publishedAt()),
				summary.held() ? ArticlePage.Hold.of(summary, times) : null);
	}

	public boolean isUpdated() {
		return this.currentSequence > 1;
	}

}
