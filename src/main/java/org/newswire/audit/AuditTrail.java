package org.newswire.audit;

import java.time.Clock;
import java.util.List;

import org.newswire.PortalDates;
import org.newswire.accounts.EditorAccountChanged;
import org.newswire.accounts.EditorSignedIn;
import org.newswire.accounts.EditorSignedOut;
import org.newswire.article.ArticleEvent;
import org.newswire.article.WritethruKind;
import org.newswire.clients.ClientAccountChanged;
import org.newswire.desk.HeadlinePosted;
import org.newswire.desk.HeadlineWithdrawn;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the audit log. Every entry comes from an event, heard synchronously in
 * the transaction of the action it records, so an entry exists exactly when the action
 * was committed and nobody has to remember to call the log: the article events
 * (publications, kills, holds, embargoes, scheduled writethrus), the accounts' (sign-ins
 * and sign-outs, which have a transaction of their own here, and account changes), the
 * desk's ticker headlines posted or withdrawn by hand, and changes to wire clients and
 * their keys.
 */
@Service
@Transactional
class AuditTrail {

	private final AuditRepository entries;

	private final Clock clock;

	private final PortalDates dates;

	AuditTrail(AuditRepository entries, Clock clock, PortalDates dates) {
		this.entries = entries;
		this.clock = clock;
		this.dates = dates;
	}

	// Every listener runs through the proxy in this class's transaction: joined when the
	// action has one, its own (read-write) for a sign-in or sign-out, which has none.
	void record(String editor, AuditAction action, Long articleId, Long headlineId, String details) {
		this.entries.save(new AuditEntry(this.clock.instant(), editor, action, articleId, headlineId, details));
	}

	/**
	 * Entries newest first, older than the entry {@code beforeId} ({@code null} for the
	 * newest).
	 */
	@Transactional(readOnly = true)
	List<AuditEntry> page(Long beforeId, int limit) {
		return this.entries.findOlderThan((beforeId != null) ? beforeId : Long.MAX_VALUE, Limit.of(limit));
	}

	@EventListener
	void on(ArticleEvent.Published published) {
		AuditAction action = AuditAction.PUBLISHED;
		String details = published.headline();
		if (published.sequence() > 1) {
			action = (published.kind() == WritethruKind.CORRECTS) ? AuditAction.CORRECTED : AuditAction.WRITETHRU;
			details = "v" + published.sequence() + ": " + details;
		}
		record(published.editor(), action, published.articleId(), null, details);
	}

	@EventListener
	void on(ArticleEvent.Killed killed) {
		record(killed.editor(), AuditAction.KILLED, killed.articleId(), null, killed.notice());
	}

	@EventListener
	void on(ArticleEvent.Held held) {
		record(held.editor(), AuditAction.HELD, held.articleId(), null, held.note());
	}

	@EventListener
	void on(ArticleEvent.HoldReleased released) {
		record(released.editor(), AuditAction.RELEASED, released.articleId(), null, "");
	}

	@EventListener
	void on(ArticleEvent.Embargoed embargoed) {
		record(embargoed.editor(), AuditAction.EMBARGOED, embargoed.articleId(), null, "v" + embargoed.sequence()
				+ " until " + this.dates.stampSeconds(embargoed.embargoUntil()) + ": " + embargoed.headline());
	}

	@EventListener
	void on(ArticleEvent.EmbargoMoved moved) {
		record(moved.editor(), AuditAction.EMBARGO_MOVED, moved.articleId(), null,
				"from " + this.dates.stampSeconds(moved.from()) + " to " + this.dates.stampSeconds(moved.to()));
	}

	/**
	 * Recorded beside the publication that follows, so the log says it went out before
	 * its time and who decided.
	 */
	@EventListener
	void on(ArticleEvent.EmbargoLiftedEarly lifted) {
		record(lifted.editor(), AuditAction.EMBARGO_LIFTED, lifted.articleId(), null,
				"released early; the embargo was until " + this.dates.stampSeconds(lifted.embargoUntil()));
	}

	@EventListener
	void on(EditorSignedIn signedIn) {
		record(signedIn.username(), AuditAction.SIGNED_IN, null, null, "from " + signedIn.address());
	}

	@EventListener
	void on(EditorSignedOut signedOut) {
		record(signedOut.username(), AuditAction.SIGNED_OUT, null, null, "from " + signedOut.address());
	}

	@EventListener
	void on(EditorAccountChanged changed) {
		AuditAction action = switch (changed.change()) {
			case CREATED -> AuditAction.EDITOR_CREATED;
			case DISABLED -> AuditAction.EDITOR_DISABLED;
			case ENABLED -> AuditAction.EDITOR_ENABLED;
			case PASSWORD_RESET -> AuditAction.PASSWORD_RESET;
			case DEVICES_REVOKED -> AuditAction.DEVICES_REVOKED;
		};
		String details = (changed.change() == EditorAccountChanged.Change.CREATED)
				? changed.username() + " (" + changed.role() + ")" : changed.username();
		record(changed.by(), action, null, null, details);
	}

	@EventListener
	void on(ClientAccountChanged changed) {
		AuditAction action = switch (changed.change()) {
			case CREATED -> AuditAction.CLIENT_CREATED;
			case CHANGED -> AuditAction.CLIENT_CHANGED;
			case KEY_ISSUED -> AuditAction.KEY_ISSUED;
			case KEY_REVOKED -> AuditAction.KEY_REVOKED;
		};
		record(changed.by(), action, null, null, changed.client() + ": " + changed.details());
	}

	@EventListener
	void on(HeadlinePosted posted) {
		record(posted.editor(), AuditAction.HEADLINE_POSTED, posted.articleId(), posted.headlineId(), posted.text());
	}

	@EventListener
	void on(HeadlineWithdrawn withdrawn) {
		record(withdrawn.editor(), AuditAction.HEADLINE_WITHDRAWN, withdrawn.articleId(), withdrawn.headlineId(),
				withdrawn.text());
	}

	@EventListener
	void on(ArticleEvent.ScheduledChanged changed) {
		AuditAction action = switch (changed.state()) {
			case SCHEDULED -> AuditAction.WRITETHRU_SCHEDULED;
			case CANCELLED -> AuditAction.SCHEDULE_CANCELLED;
			case CONFLICT -> AuditAction.SCHEDULE_CONFLICT;
			// Its publication is audited from ArticleEvent.Published.
			case PUBLISHED -> null;
		};
		if (action != null) {
			record(changed.editor(), action, changed.articleId(), null, "#" + changed.scheduledId() + " for "
					+ this.dates.stampSeconds(changed.releaseAt()) + ": " + changed.headline());
		}
	}

}
