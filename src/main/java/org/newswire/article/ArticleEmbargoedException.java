package org.newswire.article;

import java.time.Instant;

/**
 * The story still waits for its embargo, so what was asked (a hold) makes no sense yet:
 * it has no readers. The desk answers 409 and says when the embargo lifts.
 */
public class ArticleEmbargoedException extends IllegalStateException {

	private final Instant embargoUntil;

	public ArticleEmbargoedException(long articleId, Instant embargoUntil) {
		super("Article " + articleId + " is under embargo until " + embargoUntil + ", not published");
		this.embargoUntil = embargoUntil;
	}

	public Instant getEmbargoUntil() {
		return this.embargoUntil;
	}

}
