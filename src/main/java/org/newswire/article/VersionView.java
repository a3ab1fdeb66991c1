package org.newswire.article;

import java.time.Instant;
import java.util.List;

/**
 * One published version (writethru) of an article, as it was filed. Versions never
 * change: a correction is a new version.
 *
 * @param label "2nd LD Writethru", or {@code null} on the first publication
 * @param correctionNote the note readers are shown, only on a
 * {@link WritethruKind#CORRECTS}
 * @param editor who filed it; stays in the newsroom
 * @param photoId its lead photo (module {@code photo}), or {@code null}
 */
public record VersionView(long articleId, int sequence, WritethruKind kind, String label, String headline,
		List<String> paragraphs, String ednote, String correctionNote, String editor, Instant publishedAt,
		Long photoId) {

	public VersionView {
		paragraphs = List.copyOf(paragraphs);
	}

	/**
	 * A version without a photo.
	 */
	public VersionView(long articleId, int sequence, WritethruKind kind, String label, String headline,
			List<String> paragraphs, String ednote, String correctionNote, String editor, Instant publishedAt) {
		this(articleId, sequence, kind, label, headline, paragraphs, ednote, correctionNote, editor, publishedAt, null);
	}

	/**
	 * The headline as readers see it, led by the label: "2nd LD Writethru: ...".
	 */
	public String labelledHeadline() {
		return (this.label != null) ? this.label + ": " + this.headline : this.headline;
	}

}
