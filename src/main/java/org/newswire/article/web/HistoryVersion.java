package org.newswire.article.web;

import java.util.List;

import org.newswire.PortalDates;
import org.newswire.PortalTime;
import org.newswire.article.Paths;
import org.newswire.article.VersionView;
import org.newswire.article.WritethruKind;
import org.newswire.photo.Photo;

/**
 * One writethru as readers see it in the history. The editor who filed it stays in the
 * newsroom.
 *
 * @param label "2nd LD Writethru", or {@code null} for the first publication
 * @param comparePreviousPath the diff against the version before, {@code null} for the
 * first publication
 * @param photo its lead photo, or {@code null}
 */
record HistoryVersion(int sequence, String label, WritethruKind kind, String headline, String labelledHeadline,
		List<String> paragraphs, String ednote, String correctionNote, PortalTime publishedAt, String path,
		String comparePreviousPath, Photo photo) {

	static HistoryVersion of(String slug, VersionView version, PortalDates times, Photo photo) {
		long id = version.articleId();
		int sequence = version.sequence();
		return new HistoryVersion(sequence, version.label(), version.kind(), version.headline(),
				version.labelledHeadline(), version.paragraphs(), blankToNull(version.ednote()),
				blankToNull(version.correctionNote()), times.time(version.publishedAt()),
				Paths.version(id, slug, sequence),
				(sequence > 1) ? Paths.compare(id, slug, sequence - 1, sequence) : null, photo);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	public boolean isFirstPublication() {
		return this.sequence == 1;
	}

}
