package org.newswire.article;

import java.time.Instant;

/**
 * A scheduled writethru was scheduled, cancelled, or found in conflict at its time (its
 * publication is an {@link ArticlePublished} like any other). The desk audits it.
 *
 * @param state what it is now: {@link ScheduledState#SCHEDULED},
 * {@link ScheduledState#CANCELLED} or {@link ScheduledState#CONFLICT}
 * @param editor who scheduled or cancelled it; for a conflict, who scheduled it
 */
public record ScheduledWritethruChanged(long scheduledId, long articleId, ScheduledState state, String headline,
		Instant releaseAt, String editor) {
}
