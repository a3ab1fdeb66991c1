package org.newswire.article.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A story waiting for its embargo, as the release job finds it: when to look at the story
 * again. The story's own row says whether it still waits.
 */
@Entity
@Table(name = "pending_embargo")
class PendingEmbargo {

	@Id
	@Column(name = "article_id")
	private Long articleId;

	@Column(name = "lift_at")
	private Instant liftAt;

	protected PendingEmbargo() {
	}

	PendingEmbargo(long articleId, Instant liftAt) {
		this.articleId = articleId;
		this.liftAt = liftAt;
	}

	public void moveTo(Instant to) {
		this.liftAt = to;
	}

}
