package org.newswire.push;

import java.util.List;

import org.newswire.article.WritethruKind;
import org.newswire.change.ChangeKind;
import org.newswire.change.ChangeObserved;

/**
 * What a recorded change is called in a client's feed, as the feed names it. One record
 * can carry several kinds; the one that matters most to a client names it (a kill over
 * the writethru that came with it).
 */
final class FeedChanges {

	static final List<String> NAMES = List.of("published", "writethru", "correction", "withheld", "released",
			"canceled", "embargoed", "embargo-lifted");

	private FeedChanges() {
	}

	/**
	 * @param embargoAhead whether the client receives stories while they wait for their
	 * embargo: it learns of the lift as such, the others of a publication
	 * @param versionKind the kind of the version the change left readers with, or
	 * {@code null}
	 * @return the name, or {@code null} for a change that is not in the feed (the ticker)
	 * or not for this client (an embargoed story, for a client not entitled to it)
	 */
	static String name(ChangeObserved change, boolean embargoAhead, WritethruKind versionKind) {
		if (change.articleId() == null || (change.embargoed() && !embargoAhead)) {
			return null;
		}
		if (change.has(ChangeKind.KILLED)) {
			return "canceled";
		}
		if (change.has(ChangeKind.HELD)) {
			return "withheld";
		}
		if (change.has(ChangeKind.RELEASED)) {
			return "released";
		}
		if (change.has(ChangeKind.LIFTED)) {
			return embargoAhead ? "embargo-lifted" : "published";
		}
		if (change.has(ChangeKind.EMBARGOED)) {
			return "embargoed";
		}
		if (change.has(ChangeKind.WRITETHRU)) {
			return (versionKind == WritethruKind.CORRECTS) ? "correction" : "writethru";
		}
		return change.has(ChangeKind.PUBLISHED) ? "published" : null;
	}

}
