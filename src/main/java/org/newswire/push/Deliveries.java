package org.newswire.push;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.newswire.NewswireProperties;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox's rows: taking the deliveries that are due, recording what each attempt got,
 * and the delivery log.
 * <p>
 * A delivery is due when it is its endpoint's oldest pending one and its time has come. A
 * node takes due ones with {@code select ... for update skip locked}, which PostgreSQL
 * and H2 (since 2.2) both understand, and moves each one's next try past the longest an
 * attempt can take before it commits: another node neither waits for those rows nor finds
 * them due, and if the node dies they are due again once that lease is over.
 */
@Component
public class Deliveries {

	private static final String COLUMNS = "d.id, d.endpoint_id, d.change_id, d.event, d.message_id, d.status, "
			+ "d.attempts, d.first_attempt_at, d.last_attempt_at, d.next_try_at, d.last_status, d.last_answer, "
			+ "d.subscription_id";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final Duration lease;

	Deliveries(JdbcTemplate jdbc, Clock clock, NewswireProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.lease = properties.push().timeout().plus(properties.push().leaseMargin());
	}

	/**
	 * Takes up to {@code limit} due deliveries, each of another endpoint or subscription,
	 * for this node to attempt.
	 * <p>
	 * Two statements: the oldest pending delivery of each endpoint and subscription (one
	 * pass over the pending index), then those of them that are due, locked, skipping any
	 * another node holds. Asking "is this row its endpoint's oldest?" of every pending
	 * row instead made each take cost the square of the queue: 10,000 queued took minutes
	 * to drain (docs/benchmark.md, "Push"). A head that another node finished or leased
	 * between the two statements is no longer pending and due, so it is not taken.
	 */
	@Transactional
	List<Delivery> take(int limit) {
		Instant now = this.clock.instant();
		List<Long> heads = this.jdbc.queryForList(
				"select min(id) from push_delivery where status = 'PENDING' group by endpoint_id, subscription_id",
				Long.class);
		if (heads.isEmpty()) {
			return List.of();
		}
		String in = String.join(",", Collections.nCopies(heads.size(), "?"));
		List<Object> arguments = new ArrayList<>(heads);
		arguments.add(Timestamp.from(now));
		List<Long> ids = this.jdbc.queryForList(
				"select d.id from push_delivery d where d.id in (" + in + ") "
						+ "and d.status = 'PENDING' and d.next_try_at <= ? and (d.endpoint_id in "
						+ "(select e.id from push_endpoint e where e.state = 'ACTIVE') or d.subscription_id in "
						+ "(select s.id from websub_subscription s where s.state = 'ACTIVE')) "
						+ "order by d.next_try_at, d.id fetch first " + limit + " rows only for update skip locked",
				Long.class, arguments.toArray());
		for (Long id : ids) {
			this.jdbc.update(
					"update push_delivery set attempts = attempts + 1, last_attempt_at = ?, "
							+ "first_attempt_at = coalesce(first_attempt_at, ?), next_try_at = ? where id = ?",
					Timestamp.from(now), Timestamp.from(now), Timestamp.from(now.plus(this.lease)), id);
		}
		return ids.stream().map(this::find).flatMap(Optional::stream).toList();
	}

	/** The attempt was answered with a 2xx. */
	@Transactional
	void delivered(Delivery delivery, Answer answer) {
		finish(delivery, "DELIVERED", null, answer);
	}

	/** The attempt failed; tried again at {@code next}. */
	@Transactional
	void retry(Delivery delivery, Answer answer, Instant next) {
		finish(delivery, "PENDING", next, answer);
	}

	/** No more attempts. */
	@Transactional
	void failed(Delivery delivery, Answer answer) {
		finish(delivery, "FAILED", null, answer);
	}

	private void finish(Delivery delivery, String status, Instant next, Answer answer) {
		// Only the attempt this node took: one that outlived its lease may have been
		// taken again meanwhile, and that one's result counts.
		this.jdbc.update(
				"update push_delivery set status = ?, next_try_at = ?, last_status = ?, last_answer = ? "
						+ "where id = ? and attempts = ?",
				status, (next != null) ? Timestamp.from(next) : null, (answer.status() != 0) ? answer.status() : null,
				answer.text(), delivery.id(), delivery.attempts());
	}

	/**
	 * Queues messages to endpoints, due at once, in one batch: the planner's changes, a
	 * test event, a message sent again.
	 */
	@Transactional
	void queue(List<Message> messages) {
		if (messages.isEmpty()) {
			return;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.batchUpdate(
				"insert into push_delivery (endpoint_id, change_id, event, message_id, status, attempts, "
						+ "created_at, next_try_at) values (?, ?, ?, ?, 'PENDING', 0, ?, ?)",
				messages.stream()
					.map((message) -> new Object[] { message.endpointId(), message.changeId(), message.event(),
							message.messageId(), now, now })
					.toList());
	}

	/** A test event for an endpoint, due at once. */
	@Transactional
	public long test(long endpointId) {
		String messageId = "nw_test_" + UUID.randomUUID();
		queue(List.of(new Message(endpointId, null, "test", messageId)));
		return this.jdbc.queryForObject("select id from push_delivery where message_id = ?", Long.class, messageId);
	}

	/** The same message again, after the endpoint's pending ones. */
	@Transactional
	public void redeliver(Delivery delivery) {
		queue(List.of(new Message(delivery.endpointId(), delivery.changeId(), delivery.event(), delivery.messageId())));
	}

	@Transactional(readOnly = true)
	public Optional<Delivery> find(long id) {
		return this.jdbc.query("select " + COLUMNS + " from push_delivery d where d.id = ?", DELIVERY, id)
			.stream()
			.findFirst();
	}

	/** An endpoint's deliveries, newest first. */
	@Transactional(readOnly = true)
	public List<Delivery> log(long endpointId, int limit) {
		return this.jdbc.query("select " + COLUMNS + " from push_delivery d where d.endpoint_id = ? "
				+ "order by d.id desc fetch first " + limit + " rows only", DELIVERY, endpointId);
	}

	/** Webhook deliveries waiting to be made, on every node. */
	long depth() {
		return this.jdbc.queryForObject(
				"select count(*) from push_delivery where status = 'PENDING' and endpoint_id is not null", Long.class);
	}

	/** WebSub distributions waiting to be made, on every node. */
	long hubDepth() {
		return this.jdbc.queryForObject(
				"select count(*) from push_delivery where status = 'PENDING' and subscription_id is not null",
				Long.class);
	}

	/** Seconds since the oldest waiting webhook delivery was made, 0 when none waits. */
	double oldestAge() {
		Timestamp oldest = this.jdbc.queryForObject(
				"select min(created_at) from push_delivery where status = 'PENDING' and endpoint_id is not null",
				Timestamp.class);
		return (oldest != null)
				? Math.max(0, Duration.between(oldest.toInstant(), this.clock.instant()).toMillis() / 1000.0) : 0;
	}

	private static final RowMapper<Delivery> DELIVERY = (row, n) -> new Delivery(row.getLong(1), row.getLong(2),
			row.getObject(3, Long.class), row.getString(4), row.getString(5), row.getString(6), row.getInt(7),
			Endpoints.instant(row, 8), Endpoints.instant(row, 9), Endpoints.instant(row, 10),
			row.getObject(11, Integer.class), row.getString(12), row.getObject(13, Long.class));

	/**
	 * A message to queue for an endpoint.
	 *
	 * @param changeId the change it tells of, {@code null} for a test event
	 * @param messageId its {@code webhook-id}
	 */
	record Message(long endpointId, Long changeId, String event, String messageId) {
	}

	/**
	 * One message to one endpoint, or one WebSub distribution to one subscription.
	 *
	 * @param endpointId the endpoint, 0 for a distribution
	 * @param changeId the change it tells of, {@code null} for a test event
	 * @param lastAnswer the first kilobyte of the last answer, or why there was none
	 * @param subscriptionId the subscription of a distribution, else {@code null}
	 */
	public record Delivery(long id, long endpointId, Long changeId, String event, String messageId, String status,
			int attempts, Instant firstAttemptAt, Instant lastAttemptAt, Instant nextTryAt, Integer lastStatus,
			String lastAnswer, Long subscriptionId) {
	}

}
