package org.newswire.article.web;

import java.util.List;

import org.newswire.PortalDates;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Paths;
import org.newswire.article.Stories;
import org.newswire.article.VersionView;
import org.newswire.photo.Photo;

/**
 * What the article page shows of the current version, worked out once so the template
 * only lays it out.
 *
 * @param label the writethru label ("2nd LD Writethru"), {@code null} on the first
 * version
 * @param updated the time of the current version ({@code November 26, 2026, 9:05 AM EST})
 * when the story has more than one version, otherwise {@code null}
 * @param corrections the correction of every correcting version, oldest first: a
 * correction stays in front of readers after later writethrus
 * @param feedPath the Atom feed that follows this story
 * @param hold the hold notice while the story is on hold, else {@code null}; the story
 * then comes without paragraphs, ednote or corrections ({@link Withholding})
 * @param photo the version's lead photo, {@code null} without one (and on hold)
 */
record ArticlePage(long id, int sequence, String path, String versionsPath, String feedPath, String language,
		String label, String headline, String labelledHeadline, String sectionName, String sectionPath,
		String sourceDateLine, String dateline, String byline, String publishedIso, String updatedIso, String updated,
		String ednote, List<Correction> corrections, List<String> paragraphs, String endMarker, int updates, Hold hold,
		Photo photo) {

	static ArticlePage of(Stories.StoryWithCorrections story, Photo photo, PortalDates dates) {
		ArticleSummary summary = story.story();
		VersionView current = summary.current();
		List<Correction> corrections = story.corrections()
			.stream()
			.map((correction) -> new Correction(correction.note(), dates.iso(correction.publishedAt())))
			.toList();
		boolean updated = summary.updates() > 0;
		return new ArticlePage(summary.id(), current.sequence(), summary.path(),
				Paths.versions(summary.id(), summary.slug()), Paths.feed(summary.id(), summary.slug()),
				summary.language(), current.label(), current.headline(), current.labelledHeadline(),
				summary.section().name(), summary.section().path(),
				dates.sourceDateLine(summary.source().name(), summary.firstPublishedAt()), summary.dateline(),
				summary.byline(), dates.iso(summary.firstPublishedAt()), dates.iso(current.publishedAt()),
				updated ? dates.dateTime(current.publishedAt()) : null, current.ednote(), corrections,
				current.paragraphs(), summary.source().endMarker(), summary.updates(),
				summary.held() ? Hold.of(summary, dates) : null, photo);
	}

	/**
	 * What readers see of a story on hold instead of its text.
	 *
	 * @param since when it was put on hold, as readers read it
	 */
	record Hold(String note, String sinceIso, String since) {

		static Hold of(ArticleSummary summary, PortalDates dates) {
			return new Hold(summary.holdNote(), dates.iso(summary.heldAt()), dates.dateTime(summary.heldAt()));
		}

	}

	/**
	 * A correction readers are shown, with the time of the version that made it.
	 */
	record Correction(String note, String publishedIso) {
	}

}
