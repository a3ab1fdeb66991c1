package org.newswire.archive;

import java.time.Instant;
import java.util.List;

import org.newswire.article.WritethruKind;

/**
 * A generated story as its rows hold it: the article and its versions, oldest first.
 *
 * @param photoId the lead photo of every version, or {@code null}
 */
record ArchiveStory(long id, String slug, String sectionCode, String slugline, String sourceCode, String dateline,
		String byline, int urgency, List<Version> versions, Long photoId) {

	Version current() {
		return this.versions.get(this.versions.size() - 1);
	}

	Instant firstPublishedAt() {
		return this.versions.get(0).publishedAt();
	}

	/**
	 * One writethru of the story, its body already joined into paragraphs.
	 */
	record Version(int sequence, WritethruKind kind, String label, String headline, String body, String correctionNote,
			Instant publishedAt) {

		String labelledHeadline() {
			return (this.label != null) ? this.label + ": " + this.headline : this.headline;
		}

	}

}
