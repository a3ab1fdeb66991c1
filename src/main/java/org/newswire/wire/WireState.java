package org.newswire.wire;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What every node of the feed shares in the database ({@code wire_state}, V17): the era
 * and secret of cursors and how far the change record was pruned, read with the newest
 * change id in one statement per request. The row is made by whichever node asks first:
 * neither database makes random values in portable SQL.
 */
@Component
class WireState {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;

	WireState(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param newest the id of the newest change committed (the counter's, which pruning
	 * never lowers)
	 * @param prunedBefore every pruned record was recorded before it, {@code null} while
	 * nothing was pruned
	 */
	record Now(long era, byte[] secret, long prunedThrough, Instant prunedBefore, long newest) {
	}

	Now now() {
		for (int attempt = 0;; attempt++) {
			var rows = this.jdbc.query(
					"select w.era, w.cursor_secret, w.pruned_through, w.pruned_before, c.last_id "
							+ "from wire_state w, change_counter c where w.id = 1 and c.id = 1",
					(row, n) -> new Now(row.getLong(1), HexFormat.of().parseHex(row.getString(2)), row.getLong(3),
							instant(row.getTimestamp(4)), row.getLong(5)));
			if (!rows.isEmpty() || attempt > 0) {
				return rows.get(0);
			}
			create();
		}
	}

	/**
	 * After a prune: never backwards, so nodes pruning side by side agree.
	 */
	void pruned(long through, Instant before) {
		now();
		this.jdbc.update(
				"update wire_state set pruned_through = ?, pruned_before = ? where id = 1 " + "and pruned_through < ?",
				through, Timestamp.from(before), through);
	}

	private void create() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		try {
			this.jdbc.update("insert into wire_state (id, era, cursor_secret, pruned_through) values (1, ?, ?, 0)",
					RANDOM.nextLong() >>> 1, HexFormat.of().formatHex(secret));
		}
		catch (DuplicateKeyException ex) {
			// Another node made it first: theirs is the one.
		}
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
