package org.newswire.wire;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.newswire.NewswireProperties;
import org.newswire.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deletes change records older than {@code newswire.wire.retention} (30 days), the
 * furthest back a client can replay. Every node runs it hourly; deleting what another
 * node already deleted deletes nothing, so it needs no lock.
 * <p>
 * It deletes a prefix of the record, never a record in the middle: everything before the
 * first record of the retention period, so a cursor either finds the record right after
 * it or is told it is past retention, never a gap it would skip silently. The newest
 * record always stays, so the record's newest id never goes back (followers, the search
 * index's catch-up).
 */
@Component
class RetentionJob extends PeriodicJob {

	private static final Logger logger = LoggerFactory.getLogger(RetentionJob.class);

	private static final Duration EVERY = Duration.ofHours(1);

	/**
	 * Rows per delete statement, so a first prune of a large record is many short ones.
	 */
	private static final int BATCH = 10_000;

	private final JdbcTemplate jdbc;

	private final WireState state;

	private final Clock clock;

	private final Duration retention;

	RetentionJob(JdbcTemplate jdbc, WireState state, Clock clock, NewswireProperties properties) {
		super("wire-retention", EVERY);
		this.jdbc = jdbc;
		this.state = state;
		this.clock = clock;
		this.retention = properties.wire().retention();
	}

	/**
	 * @return records deleted
	 */
	int prune() {
		Instant cutoff = this.clock.instant().minus(this.retention);
		Long firstKept = this.jdbc.queryForObject("select min(id) from change_record where recorded_at >= ?",
				Long.class, Timestamp.from(cutoff));
		Long newest = this.jdbc.queryForObject("select max(id) from change_record", Long.class);
		if (newest == null) {
			return 0;
		}
		long through = ((firstKept != null) ? firstKept : newest) - 1;
		Long oldest = this.jdbc.queryForObject("select min(id) from change_record", Long.class);
		int deleted = 0;
		for (long from = oldest; from <= through; from += BATCH) {
			deleted += this.jdbc.update("delete from change_record where id <= ?", Math.min(from + BATCH - 1, through));
		}
		if (through > 0) {
			this.state.pruned(through, cutoff);
		}
		return deleted;
	}

	@Override
	protected void run() {
		int deleted = prune();
		if (deleted > 0) {
			logger.info("Deleted {} change records older than {}", deleted, this.retention);
		}
	}

}
