package org.newswire.desk;

import java.time.Instant;

import org.newswire.article.ArticleSummary;
import org.newswire.article.VersionView;
import org.newswire.article.WritethruKind;

/**
 * A story as desk pages show it: the listing row, and the heading of the writethru, kill
 * and hold forms.
 *
 * @param status the pubstatus as ninjs spells it: "usable", "withheld", "canceled"
 * @param killedAt {@code null} unless killed
 * @param held whether it is on hold: readers see {@code holdNote} instead of its text
 * @param heldAt {@code null} unless on hold
 */
record DeskStory(long id, String path, String slugline, String sectionName, int sequence, WritethruKind kind,
		String headline, String labelledHeadline, String status, boolean killed, Instant updatedAt, Instant killedAt,
		boolean held, String holdNote, Instant heldAt) {

	static DeskStory of(ArticleSummary story) {
		VersionView current = story.current();
		return new DeskStory(story.id(), story.path(), story.slugline(), story.section().name(), current.sequence(),
				current.kind(), current.headline(), current.labelledHeadline(), story.pubstatus().ninjs(),
				story.killed(), story.updatedAt(), story.killedAt(), story.held(), story.holdNote(), story.heldAt());
	}

}
