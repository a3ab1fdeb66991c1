package org.newswire.article;

import java.time.Instant;

/**
 * A writethru waiting on the desk for its release time, or what became of it.
 *
 * @param baseSequence the version it was filed from; it goes out only if that is still
 * current at its time
 * @param editor who scheduled it, and whose writethru it becomes
 * @param settledAt when it was published, cancelled or found in conflict, else
 * {@code null}
 * @param settledBy who cancelled it, else {@code null}
 * @param publishedSequence the version it became, else {@code null}
 */
public record ScheduledVersion(long id, long articleId, int baseSequence, WritethruDraft draft, String editor,
		Instant releaseAt, ScheduledState state, Instant createdAt, Instant settledAt, String settledBy,
		Integer publishedSequence) {

	public boolean conflict() {
		return this.state == ScheduledState.CONFLICT;
	}

	public boolean waiting() {
		return this.state == ScheduledState.SCHEDULED;
	}

}
