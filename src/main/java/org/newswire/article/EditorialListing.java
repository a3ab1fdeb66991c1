package org.newswire.article;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.newswire.article.Listings.Cursor;
import org.newswire.article.Publishing.WritethruDraft;

/**
 * The desk's reads: every story, killed ones and those waiting for their embargo
 * included, and its scheduled writethrus. Kept apart from {@link Stories} and
 * {@link Listings}, whose reads are what readers may see.
 */
public interface EditorialListing {

	/**
	 * Stories most recently updated first.
	 * @param sectionCode a section, or {@code null} for all
	 * @param text words to find in slugline or current headline, case-insensitive, or
	 * {@code null}
	 * @param before the position after the last story of the previous page, or
	 * {@code null} for the first page
	 */
	List<ArticleSummary> page(String sectionCode, String text, Cursor before, int limit);

	/**
	 * One story as the desk sees it.
	 */
	Optional<ArticleSummary> story(long articleId);

	/**
	 * The label the next writethru of each kind would get, to show editors before they
	 * publish, read in one query.
	 */
	Map<WritethruKind, String> nextLabels(long articleId);

	/**
	 * A story's scheduled writethrus that still wait or are in conflict, newest first.
	 */
	List<ScheduledVersion> openScheduled(long articleId);

	/**
	 * One of a story's scheduled writethrus, whatever became of it.
	 */
	Optional<ScheduledVersion> scheduled(long articleId, long scheduledId);

	/**
	 * A writethru waiting on the desk for its release time, or what became of it.
	 *
	 * @param baseSequence the version it was filed from; it goes out only if that is
	 * still current at its time
	 * @param editor who scheduled it, and whose writethru it becomes
	 * @param settledAt when it was published, cancelled or found in conflict, else
	 * {@code null}
	 * @param settledBy who cancelled it, else {@code null}
	 * @param publishedSequence the version it became, else {@code null}
	 */
	record ScheduledVersion(long id, long articleId, int baseSequence, WritethruDraft draft, String editor,
			Instant releaseAt, State state, Instant createdAt, Instant settledAt, String settledBy,
			Integer publishedSequence) {

		public boolean conflict() {
			return this.state == State.CONFLICT;
		}

		public boolean waiting() {
			return this.state == State.SCHEDULED;
		}

		/**
		 * Where a scheduled writethru stands.
		 */
		public enum State {

			/** Waiting on the desk for its release time. */
			SCHEDULED,

			/** Went out at its time as a writethru. */
			PUBLISHED,

			/** Withdrawn by an editor before its time, or discarded after a conflict. */
			CANCELLED,

			/**
			 * Not published at its time: another version superseded its base, or the
			 * story was killed. Its text is kept for the desk to file again.
			 */
			CONFLICT

		}

	}

}
