package org.newswire.article;

import java.time.Instant;

/**
 * Why the article module refused a read or a command. Pages and the desk map each kind to
 * its answer (404, 410, 409); the family is sealed so that mapping stays complete.
 */
public abstract sealed class ArticleException extends RuntimeException {

	private final long articleId;

	ArticleException(long articleId, String message) {
		super(message);
		this.articleId = articleId;
	}

	public long getArticleId() {
		return this.articleId;
	}

	/**
	 * No article (or no such version of one) has this id; pages answer it with a 404.
	 */
	public static final class NotFound extends ArticleException {

		public NotFound(long articleId) {
			super(articleId, "No article " + articleId);
		}

		public NotFound(long articleId, int sequence) {
			super(articleId, "No version " + sequence + " of article " + articleId);
		}

	}

	/**
	 * The article was killed: its pages answer 410 Gone with the notice.
	 */
	public static final class Killed extends ArticleException {

		private final String killNotice;

		private final Instant killedAt;

		public Killed(long articleId, String killNotice, Instant killedAt) {
			super(articleId, "Article " + articleId + " was killed");
			this.killNotice = killNotice;
			this.killedAt = killedAt;
		}

		public String getKillNotice() {
			return this.killNotice;
		}

		public Instant getKilledAt() {
			return this.killedAt;
		}

	}

	/**
	 * A writethru was based on a version that is no longer current: another editor
	 * published meanwhile. Nothing was written; the caller should show both texts so
	 * nothing is lost.
	 */
	public static final class Stale extends ArticleException {

		private final int baseSequence;

		private final int currentSequence;

		public Stale(long articleId, int baseSequence, int currentSequence) {
			super(articleId, "Article " + articleId + " is at version " + currentSequence
					+ ", the writethru was based on " + baseSequence);
			this.baseSequence = baseSequence;
			this.currentSequence = currentSequence;
		}

		public int getBaseSequence() {
			return this.baseSequence;
		}

		public int getCurrentSequence() {
			return this.currentSequence;
		}

	}

	/**
	 * The story still waits for its embargo, so what was asked (a hold) makes no sense
	 * yet: it has no readers. The desk answers 409 and says when the embargo lifts.
	 */
	public static final class Embargoed extends ArticleException {

		private final Instant embargoUntil;

		public Embargoed(long articleId, Instant embargoUntil) {
			super(articleId, "Article " + articleId + " is under embargo until " + embargoUntil + ", not published");
			this.embargoUntil = embargoUntil;
		}

		public Instant getEmbargoUntil() {
			return this.embargoUntil;
		}

	}

	/**
	 * An embargo was to be moved or lifted, but the story is public already (another
	 * editor or the release job got there first). The desk answers 409.
	 */
	public static final class NotEmbargoed extends ArticleException {

		public NotEmbargoed(long articleId) {
			super(articleId, "Article " + articleId + " is not under embargo");
		}

	}

}
