package org.newswire.article;

/**
 * A writethru was based on a version that is no longer current: another editor published
 * meanwhile. Nothing was written; the caller should show both texts so nothing is lost.
 */
public class StaleWritethruException extends RuntimeException {

	private final long articleId;

	private final int baseSequence;

	private final int currentSequence;

	public StaleWritethruException(long articleId, int baseSequence, int currentSequence) {
		super("Article " + articleId + " is at version " + currentSequence + ", the writethru was based on "
				+ baseSequence);
		this.articleId = articleId;
		this.baseSequence = baseSequence;
		this.currentSequence = currentSequence;
	}

	public long getArticleId() {
		return this.articleId;
	}

	public int getBaseSequence() {
		return this.baseSequence;
	}

	public int getCurrentSequence() {
		return this.currentSequence;
	}

}
