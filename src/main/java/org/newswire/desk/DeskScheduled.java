package org.newswire.desk;

import java.time.Instant;
import java.util.List;

import org.newswire.article.EditorialListing.ScheduledVersion;
import org.newswire.article.WritethruKind;

/**
 * A scheduled writethru as the desk's story page lists it: waiting, or in conflict with a
 * version published since its base.
 */
record DeskScheduled(long id, WritethruKind kind, String headline, List<String> paragraphs, String ednote,
		String editor, int baseSequence, Instant releaseAt, boolean conflict, Instant settledAt) {

	static DeskScheduled of(ScheduledVersion version) {
		return new DeskScheduled(version.id(), version.draft().kind(), version.draft().headline(),
				version.draft().paragraphs(), version.draft().ednote(), version.editor(), version.baseSequence(),
				version.releaseAt(), version.conflict(), version.settledAt());
	}

}
