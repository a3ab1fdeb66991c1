package org.newswire.clients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides, for each request to the machine API, whether its key is live and whether its
 * token bucket has a token left. The key's row is read from the database on every
 * request, so a revocation holds on every node from the next request on, and locked while
 * its bucket is updated, so every node takes from the same bucket: one
 * {@code select ... for update} and one {@code update} per request, which also records
 * the key's last use, and one {@code select} of the client with its sections.
 */
@Component
class KeyGate {

	private static final double SECONDS_PER_MINUTE = 60;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	KeyGate(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	Decision admit(String key) {
		String keyId = Keys.keyId(key);
		if (keyId == null) {
			return new Refused(null, Refusal.UNKNOWN);
		}
		return this.transactions.execute((status) -> admit(key, keyId, this.clock.instant()));
	}

	private Decision admit(String key, String keyId, Instant now) {
		List<KeyRow> rows = this.jdbc
			.query("select client_id, secret_hash, expires_at, revoked_at, bucket_tokens, bucket_at from api_key "
					+ "where key_id = ? for update", KeyGate::keyRow, keyId);
		if (rows.isEmpty() || !Keys.matches(key, rows.get(0).secretHash())) {
			return new Refused(keyId, Refusal.UNKNOWN);
		}
		KeyRow row = rows.get(0);
		if (row.revokedAt() != null) {
			return new Refused(keyId, Refusal.REVOKED);
		}
		if (row.expiresAt() != null && !now.isBefore(row.expiresAt())) {
			return new Refused(keyId, Refusal.EXPIRED);
		}
		WireClient client = client(row.clientId(), keyId);
		Bucket bucket = Bucket.of(client.requestsPerMinute(), row.tokens(), row.at(), now);
		boolean hasToken = bucket.tokens() >= 1;
		Bucket after = hasToken ? bucket.take() : bucket;
		this.jdbc.update("update api_key set bucket_tokens = ?, bucket_at = ?, last_used_at = ? where key_id = ?",
				after.tokens(), at(now), at(now), keyId);
		return hasToken ? new Admitted(client, row.expiresAt(), after) : new Limited(client, bucket);
	}

	/**
	 * The client with its sections in one query, a row per section (one with none for a
	 * client without sections).
	 */
	private WireClient client(long clientId, String keyId) {
		List<ClientRow> rows = this.jdbc.query(
				"select c.name, c.embargo_ahead, c.requests_per_minute, s.section_code from api_client c "
						+ "left join api_client_section s on s.client_id = c.id where c.id = ?",
				(rs, n) -> new ClientRow(rs.getString(1), rs.getBoolean(2), rs.getInt(3), rs.getString(4)), clientId);
		Set<String> sections = rows.stream()
			.map(ClientRow::section)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		ClientRow client = rows.get(0);
		return new WireClient(clientId, client.name(), sections, client.embargoAhead(), client.requestsPerMinute(),
				keyId);
	}

	private static KeyRow keyRow(ResultSet rs, int n) throws SQLException {
		double tokens = rs.getDouble(5);
		Double stored = rs.wasNull() ? null : tokens;
		return new KeyRow(rs.getLong(1), rs.getString(2), instant(rs, 3), instant(rs, 4), stored, instant(rs, 6));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private record ClientRow(String name, boolean embargoAhead, int requestsPerMinute, String section) {
	}

	private record KeyRow(long clientId, String secretHash, Instant expiresAt, Instant revokedAt, Double tokens,
			Instant at) {
	}

	/**
	 * A token bucket that holds a minute's requests and fills at the client's rate: a
	 * client may spend its minute in a burst, then goes at its rate.
	 *
	 * @param limit requests a minute, and the bucket's size
	 * @param tokens tokens in the bucket now
	 */
	record Bucket(int limit, double tokens) {

		static Bucket of(int limit, Double stored, Instant storedAt, Instant now) {
			if (stored == null || storedAt == null) {
				return new Bucket(limit, limit);
			}
			double refilled = Math.max(0, now.toEpochMilli() - storedAt.toEpochMilli()) / 1000.0 * rate(limit);
			return new Bucket(limit, Math.min(limit, stored + refilled));
		}

		private static double rate(int limit) {
			return limit / SECONDS_PER_MINUTE;
		}

		Bucket take() {
			return new Bucket(this.limit, this.tokens - 1);
		}

		int remaining() {
			return (int) Math.floor(this.tokens);
		}

		/** Seconds until the bucket is full again. */
		long secondsToFull() {
			return (long) Math.ceil((this.limit - this.tokens) / rate(this.limit));
		}

		/** Seconds until the bucket holds a whole token again, at least 1. */
		long secondsToNextToken() {
			return Math.max(1, (long) Math.ceil((1 - this.tokens) / rate(this.limit)));
		}

	}

	/**
	 * Why a key was refused.
	 */
	enum Refusal {

		MISSING, UNKNOWN, REVOKED, EXPIRED, IN_QUERY

	}

	sealed interface Decision permits Admitted, Limited, Refused {

	}

	/**
	 * @param expiresAt when the key stops working, {@code null} for never
	 */
	record Admitted(WireClient client, Instant expiresAt, Bucket bucket) implements Decision {
	}

	record Limited(WireClient client, Bucket bucket) implements Decision {
	}

	/**
	 * @param keyId the id of the key if it had our form, for the log
	 */
	record Refused(String keyId, Refusal reason) implements Decision {
	}

}
