package org.newswire.desk;

import java.time.Clock;
import java.util.List;

import org.newswire.article.ArticleHeld;
import org.newswire.article.ArticleHoldReleased;
import org.newswire.article.ArticleKilled;
import org.newswire.article.ArticlePublished;
import org.newswire.article.WritethruKind;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the audit log. Publications, kills, holds and releases are recorded by
 * listening to the article events inside the publishing transaction, so an entry exists
 * exactly when the change was committed.
 */
@Service
@Transactional(readOnly = true)
class AuditTrail {

	private final AuditRepository entries;

	private final Clock clock;

	AuditTrail(AuditRepository entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	@Transactional
	void record(String editor, AuditAction action, Long articleId, Long headlineId, String details) {
		this.entries.save(new AuditEntry(this.clock.instant(), editor, action, articleId, headlineId, details));
	}

	/**
	 * Entries newest first, older than the entry {@code beforeId} ({@code null} for the
	 * newest).
	 */
	List<AuditEntry> page(Long beforeId, int limit) {
		return this.entries.findOlderThan((beforeId != null) ? beforeId : Long.MAX_VALUE, Limit.of(limit));
	}

	@EventListener
	void on(ArticlePublished published) {
		AuditAction action = AuditAction.PUBLISHED;
		String details = published.headline();
		if (published.sequence() > 1) {
			action = (published.kind() == WritethruKind.CORRECTS) ? AuditAction.CORRECTED : AuditAction.WRITETHRU;
			details = "v" + published.sequence() + ": " + details;
		}
		record(published.editor(), action, published.articleId(), null, details);
	}

	@EventListener
	void on(ArticleKilled killed) {
		record(killed.editor(), AuditAction.KILLED, killed.articleId(), null, killed.notice());
	}

	@EventListener
	void on(ArticleHeld held) {
		record(held.editor(), AuditAction.HELD, held.articleId(), null, held.note());
	}

	@EventListener
	void on(ArticleHoldReleased released) {
		record(released.editor(), AuditAction.RELEASED, released.articleId(), null, "");
	}

}
