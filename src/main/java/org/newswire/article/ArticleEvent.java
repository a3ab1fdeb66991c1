package org.newswire.article;

import java.time.Instant;

/**
 * What happened to a story, as the article module announces it to the rest of the portal
 * in the transaction that made it happen. One sealed family, so a listener that follows
 * every kind (the audit trail) is told by the compiler when a kind is added.
 */
public sealed interface ArticleEvent {

	long articleId();

	/**
	 * Who did it; for a release at embargo time, who filed the story.
	 */
	String editor();

	/**
	 * A new article or a new writethru of one became the version readers see. Carries
	 * what the listeners use: the ticker posts the headline and keeps the path, the audit
	 * trail records the kind, the live stream points open pages to the path.
	 *
	 * @param sequence 1 for a new article
	 * @param headline the headline led by its label, as the ticker shows it
	 * @param path the reader URL of the article, e.g. {@code /articles/42/some-slug}
	 */
	record Published(long articleId, int sequence, WritethruKind kind, String headline, Urgency urgency, String path,
			String editor) implements ArticleEvent {
	}

	/**
	 * An article was withdrawn: its pubstatus is now canceled and readers get the notice.
	 */
	record Killed(long articleId, String notice, String editor) implements ArticleEvent {
	}

	/**
	 * A story was put on hold: its pubstatus is now withheld and readers see the note
	 * instead of its text.
	 */
	record Held(long articleId, String note, String editor) implements ArticleEvent {
	}

	/**
	 * A story on hold was returned to readers: its pubstatus is usable again.
	 */
	record HoldReleased(long articleId, String editor) implements ArticleEvent {
	}

	/**
	 * A version was filed under embargo: only the desk sees it until
	 * {@code embargoUntil}. Nothing public follows (no change record, no ticker).
	 *
	 * @param sequence 1 for a new story, more for a writethru filed while it waits
	 */
	record Embargoed(long articleId, int sequence, String headline, Instant embargoUntil,
			String editor) implements ArticleEvent {
	}

	/**
	 * An editor set another time for a story's embargo to lift.
	 */
	record EmbargoMoved(long articleId, Instant from, Instant to, String editor) implements ArticleEvent {
	}

	/**
	 * An editor released a story before its embargo time ("Release now"). The publication
	 * itself follows as {@link Published}, as for an embargo that lifts on time.
	 *
	 * @param embargoUntil the time the embargo was set for
	 */
	record EmbargoLiftedEarly(long articleId, Instant embargoUntil, String editor) implements ArticleEvent {
	}

	/**
	 * A scheduled writethru was scheduled, cancelled, or found in conflict at its time
	 * (its publication is a {@link Published} like any other).
	 *
	 * @param state what it is now: {@code SCHEDULED}, {@code CANCELLED} or
	 * {@code CONFLICT}
	 * @param editor who scheduled or cancelled it; for a conflict, who scheduled it
	 */
	record ScheduledChanged(long scheduledId, long articleId, EditorialListing.ScheduledVersion.State state,
			String headline, Instant releaseAt, String editor) implements ArticleEvent {
	}

}
