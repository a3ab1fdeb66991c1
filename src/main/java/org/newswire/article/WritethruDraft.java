package org.newswire.article;

import java.util.List;

/**
 * A new version of an article as an editor files it. {@code correctionNote} is required
 * for {@link WritethruKind#CORRECTS} and ignored otherwise.
 */
public record WritethruDraft(WritethruKind kind, String headline, List<String> paragraphs, String ednote,
		String correctionNote, String byline, Urgency urgency) {

	public WritethruDraft {
		if (kind == WritethruKind.CORRECTS && (correctionNote == null || correctionNote.isBlank())) {
			throw new IllegalArgumentException("A correction needs a correction note for readers");
		}
		if (kind != WritethruKind.CORRECTS) {
			correctionNote = null;
		}
	}

}
