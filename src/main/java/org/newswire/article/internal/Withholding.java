package org.newswire.article.internal;

import java.util.List;

import org.newswire.article.ArticleSummary;
import org.newswire.article.PubStatus;
import org.newswire.article.VersionView;

/**
 * What a hold withholds: the one rule of what readers and clients get of a story on hold,
 * whatever the surface. They keep its headline, labels, times, its place in the history
 * and the hold notice ({@link ArticleSummary#holdNote()}); they lose what is being
 * checked, which is every version's paragraphs, editor's note, correction note and lead
 * photo. A killed story's versions lose their lead photos.
 * <p>
 * {@link StoryReads} applies it to every read that pages, feeds, ninjs, search and the
 * ticker are served from, so no surface is ever handed what it would have to leave out,
 * and none decides for itself; the desk reads stories whole through
 * {@link EditorialListing}.
 */
final class Withholding {

	private Withholding() {
	}

	/**
	 * The story as readers may see it: on hold, with its current version withheld.
	 */
	static ArticleSummary story(ArticleSummary story) {
		VersionView seen = version(story.pubstatus(), story.current());
		return (seen != story.current()) ? story.withCurrent(seen) : story;
	}

	/**
	 * A version as readers may see it while its story has the given status. A killed
	 * story's versions keep their text, which its history shows, but lose their photos: a
	 * kill withdraws those from every page, feed and API.
	 */
	static VersionView version(PubStatus status, VersionView version) {
		if (withholds(status)) {
			return withoutPhoto(version, List.of(), null, null);
		}
		if (status == PubStatus.CANCELED && version.photoId() != null) {
			return withoutPhoto(version, version.paragraphs(), version.ednote(), version.correctionNote());
		}
		return version;
	}

	/**
	 * The version with these texts and no photo; its headline, label, times and place in
	 * the history stay.
	 */
	private static VersionView withoutPhoto(VersionView version, List<String> paragraphs, String ednote,
			String correctionNote) {
		return new VersionView(version.articleId(), version.sequence(), version.kind(), version.label(),
				version.headline(), paragraphs, ednote, correctionNote, version.editor(), version.publishedAt());
	}

	/**
	 * Notes of a story's versions, such as the corrections its page lists, as readers may
	 * see them while it has the given status.
	 */
	static <T> List<T> notes(PubStatus status, List<T> notes) {
		return withholds(status) ? List.of() : notes;
	}

	private static boolean withholds(PubStatus status) {
		return status == PubStatus.WITHHELD;
	}

}
