package org.newswire.article;

import java.time.Instant;

/**
 * The article was killed; reader pages answer 410 Gone with the kill notice.
 */
public class ArticleKilledException extends RuntimeException {

	private final long articleId;

	private final String killNotice;

	private final Instant killedAt;

	public ArticleKilledException(long articleId, String killNotice, Instant killedAt) {
		super("Article " + articleId + " was killed");
		this.articleId = articleId;
		this.killNotice = killNotice;
		this.killedAt = killedAt;
	}

	public long getArticleId() {
		return this.articleId;
	}

	public String getKillNotice() {
		return this.killNotice;
	}

	public Instant getKilledAt() {
		return this.killedAt;
	}

}
