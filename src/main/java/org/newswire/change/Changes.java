package org.newswire.change;

import java.sql.Timestamp;
import java.time.Clock;

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
	 * Records a change in the current transaction.
	 * @param articleId the article changed, or {@code null}
	 * @param sectionCode that article's section, or {@code null}
	 * @throws org.springframework.transaction.IllegalTransactionStateException outside a
	 * transaction
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(ChangeKind kind, Long articleId, String sectionCode) {
		// The counter row stays locked until this transaction ends, so ids commit in the
		// order they are handed out (see V5__change_record.sql).
		this.jdbc.update("update change_counter set last_id = last_id + 1 where id = 1");
		Long id = this.jdbc.queryForObject("select last_id from change_counter where id = 1", Long.class);
		this.jdbc.update(
				"insert into change_record (id, kind, article_id, section_code, recorded_at) values (?, ?, ?, ?, ?)",
				id, kind.name(), articleId, sectionCode, Timestamp.from(this.clock.instant()));
		if (this.follower.isPostgres()) {
			// Delivered by PostgreSQL at commit, and not at all on rollback.
			this.jdbc.queryForList("select pg_notify(?, '')", CHANNEL);
		}
		if (!TransactionSynchronizationManager.hasResource(this)) {
			TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(Changes.this);
					if (status == STATUS_COMMITTED) {
						// The writing node follows its own change before the writer's
						// request returns, so the editor's next page already shows it.
						Changes.this.follower.catchUpNow();
					}
				}

			});
		}
	}

}
