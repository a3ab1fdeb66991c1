package org.newswire.clients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * its bucket is updated, so every node takes from the same bucket; the update also
 * records the key's last use.
 * <p>
 * Requests that arrive while a decision is being made wait and are then decided together
 * in one transaction: one locking read of their keys, one read of their clients, one
 * batch of updates and one commit. A change wakes every long-polling client at once, and
 * each comes straight back; deciding them one commit each queued them, and every other
 * statement of the node, behind one durable commit after another. The waiting requests
 * are decided in the order they came, each against the bucket as the ones before it left
 * it, so the limit stays as exact as one request a transaction.
 */
@Component
class KeyGate {

	private static final double SECONDS_PER_MINUTE = 60;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Object lock = new Object();

	/** Requests waiting for the next batch; guarded by {@link #lock}. */
	private List<Pending> waiting = new ArrayList<>();

	/** Whether a batch is being decided; guarded by {@link #lock}. */
	private boolean deciding;

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
		Pending mine = new Pending(key, keyId);
		List<Pending> batch;
		synchronized (this.lock) {
			this.waiting.add(mine);
			awaitTurn(mine);
			if (mine.settled()) {
				return mine.outcome();
			}
			this.deciding = true;
			batch = this.waiting;
			this.waiting = new ArrayList<>();
		}
		try {
			this.transactions.executeWithoutResult((status) -> decide(batch, this.clock.instant()));
		}
		catch (RuntimeException ex) {
			batch.forEach((pending) -> pending.failed(ex));
		}
		finally {
			synchronized (this.lock) {
				this.deciding = false;
				this.lock.notifyAll();
			}
		}
		return mine.outcome();
	}

	/**
	 * Waits, holding {@link #lock}, until this request is decided or no batch is being
	 * decided, in which case its thread decides the next one. A request already in a
	 * batch is decided with it, interrupted or not, so the interrupt is kept for later.
	 */
	private void awaitTurn(Pending mine) {
		boolean interrupted = false;
		while (this.deciding && !mine.settled()) {
			try {
				this.lock.wait();
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private void decide(List<Pending> batch, Instant now) {
		List<String> keyIds = batch.stream().map(Pending::keyId).distinct().sorted().toList();
		String marks = String.join(", ", Collections.nCopies(keyIds.size(), "?"));
		// In one order on every node, so two nodes locking overlapping batches cannot
		// deadlock.
		Map<String, KeyRow> rows = new HashMap<>();
		this.jdbc.query("select key_id, client_id, secret_hash, expires_at, revoked_at, bucket_tokens, bucket_at "
				+ "from api_key where key_id in (" + marks + ") order by key_id for update", (rs) -> {
					KeyRow row = keyRow(rs);
					rows.put(row.keyId(), row);
				}, keyIds.toArray());
		Map<Long, WireClient> clients = clients(rows.values());
		Map<String, Bucket> taken = new LinkedHashMap<>();
		for (Pending pending : batch) {
			pending.decided(decide(pending, rows.get(pending.keyId()), clients, taken, now));
		}
		this.jdbc.batchUpdate("update api_key set bucket_tokens = ?, bucket_at = ?, last_used_at = ? where key_id = ?",
				taken.entrySet()
					.stream()
					.map((entry) -> new Object[] { entry.getValue().tokens(), at(now), at(now), entry.getKey() })
					.toList());
	}

	private static Decision decide(Pending pending, KeyRow row, Map<Long, WireClient> clients,
			Map<String, Bucket> taken, Instant now) {
		String keyId = pending.keyId();
		if (row == null || !Keys.matches(pending.key(), row.secretHash())) {
			return new Refused(keyId, Refusal.UNKNOWN);
		}
		if (row.revokedAt() != null) {
			return new Refused(keyId, Refusal.REVOKED);
		}
		if (row.expiresAt() != null && !now.isBefore(row.expiresAt())) {
			return new Refused(keyId, Refusal.EXPIRED);
		}
		// Two keys of one client may be in one batch: each request carries its own.
		WireClient client = clients.get(row.clientId()).forKey(keyId);
		Bucket bucket = taken.containsKey(keyId) ? taken.get(keyId)
				: Bucket.of(client.requestsPerMinute(), row.tokens(), row.at(), now);
		boolean hasToken = bucket.tokens() >= 1;
		Bucket after = hasToken ? bucket.take() : bucket;
		taken.put(keyId, after);
		return hasToken ? new Admitted(client, row.expiresAt(), after) : new Limited(client, bucket);
	}

	/**
	 * The clients of these keys with their sections in one query, a row per section (one
	 * with none for a client without sections), each without a key of its own.
	 */
	private Map<Long, WireClient> clients(Collection<KeyRow> keys) {
		Set<Long> ids = keys.stream().map(KeyRow::clientId).collect(Collectors.toSet());
		if (ids.isEmpty()) {
			return Map.of();
		}
		String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
		List<ClientRow> rows = this.jdbc.query(
				"select c.id, c.name, c.embargo_ahead, c.requests_per_minute, s.section_code from api_client c "
						+ "left join api_client_section s on s.client_id = c.id where c.id in (" + marks + ")",
				(rs, n) -> new ClientRow(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4),
						rs.getString(5)),
				ids.toArray());
		Map<Long, WireClient> clients = new HashMap<>();
		rows.stream().collect(Collectors.groupingBy(ClientRow::id)).forEach((id, sections) -> {
			ClientRow client = sections.get(0);
			Set<String> codes = sections.stream()
				.map(ClientRow::section)
				.filter(Objects::nonNull)
				.collect(Collectors.toSet());
			clients.put(id,
					new WireClient(id, client.name(), codes, client.embargoAhead(), client.requestsPerMinute(), null));
		});
		return clients;
	}

	private static KeyRow keyRow(ResultSet rs) throws SQLException {
		double tokens = rs.getDouble(6);
		Double stored = rs.wasNull() ? null : tokens;
		return new KeyRow(rs.getString(1), rs.getLong(2), rs.getString(3), instant(rs, 4), instant(rs, 5), stored,
				instant(rs, 7));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private record ClientRow(long id, String name, boolean embargoAhead, int requestsPerMinute, String section) {
	}

	private record KeyRow(String keyId, long clientId, String secretHash, Instant expiresAt, Instant revokedAt,
			Double tokens, Instant at) {
	}

	/**
	 * A request waiting for its decision, which the thread deciding its batch writes.
	 */
	private static final class Pending {

		private final String key;

		private final String keyId;

		private volatile Decision decision;

		private volatile RuntimeException failure;

		Pending(String key, String keyId) {
			this.key = key;
			this.keyId = keyId;
		}

		String key() {
			return this.key;
		}

		String keyId() {
			return this.keyId;
		}

		void decided(Decision decision) {
			this.decision = decision;
		}

		void failed(RuntimeException failure) {
			this.failure = failure;
		}

		boolean settled() {
			return this.decision != null || this.failure != null;
		}

		Decision outcome() {
			if (this.failure != null) {
				throw this.failure;
			}
			if (this.decision == null) {
				throw new IllegalStateException("The key check stopped before it decided");
			}
			return this.decision;
		}

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
