package org.newswire.article;

import java.util.List;

import org.newswire.PortalDates;
import org.newswire.PortalTime;

/**
 * One writethru as readers see it in the history. The editor who filed it stays in the
 * newsroom.
 *
 * @param label "2nd LD Writethru", or {@code null} for the first publication
 * @param comparePreviousPath the diff against the version before, {@code null} for the
 * first publication
 */
record HistoryVersion(int sequence, String label, WritethruKind kind, String headline, String labelledHeadline,
		List<String> paragraphs, String ednote, String correctionNote, PortalTime publishedAt, String path,
		String comparePreviousPath) {

	static HistoryVersion of(Article article, Writethru writethru, PortalDates times) {
		int sequence = writethru.getSequence();
		return new HistoryVersion(sequence, writethru.getLabel(), writethru.getKind(), writethru.getHeadline(),
				writethru.getLabelledHeadline(), writethru.getParagraphs(), blankToNull(writethru.getEdnote()),
				blankToNull(writethru.getCorrectionNote()), times.time(writethru.getPublishedAt()),
				Paths.version(article, sequence),
				(sequence > 1) ? Paths.compare(article, sequence - 1, sequence) : null);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	public boolean isFirstPublication() {
		return this.sequence == 1;
	}

}
