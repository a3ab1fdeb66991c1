package org.newswire.article;

import java.util.List;

import org.newswire.PortalDates;

/**
 * What the article page shows of the current version, worked out once so the template
 * only lays it out.
 *
 * @param label the writethru label ("2nd LD Writethru"), {@code null} on the first
 * version
 * @param updated the time of the current version ({@code November 26, 2026, 9:05 AM EST})
 * when the story has more than one version, otherwise {@code null}
 * @param corrections the correction notes of every correcting version, oldest first: a
 * correction stays in front of readers after later writethrus
 */
record ArticlePage(long id, int sequence, String path, String versionsPath, String language, String label,
		String headline, String labelledHeadline, String sectionName, String sectionPath, String sourceDateLine,
		String dateline, String byline, String publishedIso, String updatedIso, String updated, String ednote,
		List<String> corrections, List<String> paragraphs, String endMarker, int updates) {

	static ArticlePage of(ArticleSummary summary, List<Writethru> versions, PortalDates dates) {
		Article article = summary.article();
		Writethru current = summary.current();
		List<String> corrections = versions.stream()
			.filter((version) -> version.getKind() == WritethruKind.CORRECTS && version.getCorrectionNote() != null)
			.map(Writethru::getCorrectionNote)
			.toList();
		boolean updated = summary.updates() > 0;
		return new ArticlePage(article.getId(), current.getSequence(), summary.path(), Paths.versions(article),
				article.getLanguage(), current.getLabel(), current.getHeadline(), current.getLabelledHeadline(),
				article.getSection().getName(), Paths.section(article.getSection().getCode()),
				dates.sourceDateLine(article.getSource().getName(), article.getFirstPublishedAt()),
				article.getDateline(), article.getByline(), dates.iso(article.getFirstPublishedAt()),
				dates.iso(current.getPublishedAt()), updated ? dates.dateTime(current.getPublishedAt()) : null,
				current.getEdnote(), corrections, current.getParagraphs(), article.getSource().getEndMarker(),
				summary.updates());
	}

}
