package org.newswire.change;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends to the change record. Callers are the modules that change what readers see, in
 * the transaction that makes the change, so the record and the change commit together or
 * not at all.
 * <p>
 * What a transaction records is gathered and written once, just before it commits: one
 * row per article it changed, with every kind of change it made to that article (a
 * writethru records {@code WRITETHRU} in {@code article} and {@code TICKER} in
 * {@code ticker}: one row), and one row for ticker changes tied to no article. An
 * editor's command changes one article, so it writes one row; a transaction that changes
 * several (the demo content is loaded in one) writes a row for each, so no article is
 * left out of what the followers learn.
 */
@Service
public class Changes {

	/** The PostgreSQL channel that wakes every node's follower at commit. */
	static final String CHANNEL = "newswire_changes";

	private final JdbcTemplate jdbc;

	private final ChangeFollower follower;

	private final Clock clock;

	Changes(JdbcTemplate jdbc, ChangeFollower follower, Clock clock) {
		this.jdbc = jdbc;
		this.follower = follower;
		this.clock = clock;
	}

	/**
	 * Records a change in the current transaction, written when it commits and not at all
	 * if it rolls back.
	 * @param articleId the article changed, or {@code null}
	 * @param sectionCode that article's section, or {@code null}
	 * @throws org.springframework.transaction.IllegalTransactionStateException outside a
	 * transaction
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(ChangeKind kind, Long articleId, String sectionCode) {
		pending().add(kind, articleId, sectionCode, null);
	}

	/**
	 * Records a change to an article with the state it leaves the article in, which the
	 * record keeps for clients that replay it; the last state recorded in a transaction
	 * is the one kept.
	 * @throws org.springframework.transaction.IllegalTransactionStateException outside a
	 * transaction
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(ChangeKind kind, long articleId, String sectionCode, StoryState state) {
		pending().add(kind, articleId, sectionCode, state);
	}

	/**
	 * This transaction's changes. Kept by its synchronization rather than bound as a
	 * resource: a transaction suspended for an inner one ({@code REQUIRES_NEW}) takes its
	 * synchronizations along, so the inner one starts its own.
	 */
	private Pending pending() {
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Pending pending && pending.owner() == this) {
				return pending;
			}
		}
		Pending pending = new Pending();
		TransactionSynchronizationManager.registerSynchronization(pending);
		return pending;
	}

	private void write(Long articleId, Change change) {
		// The counter row stays locked until this transaction ends, so ids commit in the
		// order they are handed out (see V5__change_record.sql).
		this.jdbc.update("update change_counter set last_id = last_id + 1 where id = 1");
		StoryState state = change.state;
		this.jdbc.update("insert into change_record (id, kinds, article_id, section_code, recorded_at, version_no, "
				+ "pub_status, embargo_until) values ((select last_id from change_counter where id = 1), ?, ?, ?, ?, ?, ?, ?)",
				ChangeKind.join(change.kinds), articleId, change.sectionCode, Timestamp.from(this.clock.instant()),
				(state != null) ? state.version() : null, (state != null) ? state.pubStatus() : null,
				(state != null && state.embargoed()) ? Timestamp.from(state.embargoUntil()) : null);
	}

	private static final class Change {

		private final Set<ChangeKind> kinds = EnumSet.noneOf(ChangeKind.class);

		private String sectionCode;

		private StoryState state;

		void add(ChangeKind kind, String sectionCode, StoryState state) {
			this.kinds.add(kind);
			if (state != null) {
				this.state = state;
			}
			// The ticker records without the section; the article's own change names it.
			if (this.sectionCode == null) {
				this.sectionCode = sectionCode;
			}
		}

	}

	private final class Pending implements TransactionSynchronization {

		/** By article, in the order first recorded; {@code null}: no article. */
		private final Map<Long, Change> changes = new LinkedHashMap<>();

		private boolean written;

		Changes owner() {
			return Changes.this;
		}

		void add(ChangeKind kind, Long articleId, String sectionCode, StoryState state) {
			if (this.written) {
				// Only another synchronization's beforeCommit can come after this one's;
				// its change would be lost, so its transaction fails instead.
				throw new IllegalStateException("Change " + kind + " recorded after the change record was written");
			}
			this.changes.computeIfAbsent(articleId, (id) -> new Change()).add(kind, sectionCode, state);
		}

		/**
		 * Last of the synchronizations, so any that records a change before commit does
		 * so before this one writes.
		 */
		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

		/**
		 * Before commit and not earlier: this takes the counter row's lock, which every
		 * writing transaction waits for, so it is held only for the rest of this
		 * transaction: JPA's flush, at commit, and the commit itself. A rollback never
		 * gets here, and a failure here rolls the transaction back.
		 */
		@Override
		public void beforeCommit(boolean readOnly) {
			this.written = true;
			this.changes.forEach(Changes.this::write);
			if (Changes.this.follower.isPostgres()) {
				// Delivered by PostgreSQL at commit, and not at all on rollback.
				Changes.this.jdbc.queryForList("select pg_notify(?, '')", CHANNEL);
			}
		}

		@Override
		public void afterCommit() {
			Changes.this.follower.catchUpNow();
		}

	}

}
