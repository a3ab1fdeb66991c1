package org.newswire.push;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.newswire.change.ChangeObserved;
import org.newswire.pagecache.PageTags;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The WebSub hub's subscriptions, in the database so that every node distributes to them,
 * and their distributions planned into the push outbox. A feed's subscribers are told of
 * the changes that alter its page, by the rule the page cache drops pages with
 * ({@link PageTags}): the site-wide feeds for any public change, a section's for its
 * stories, a story's for that story.
 */
@Component
class Subscriptions {

	private static final String COLUMNS = "id, topic, feed_tag, callback, secret, lease_until, state, reason";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	Subscriptions(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Makes a verified subscription active, in place of any the callback had to the same
	 * topic; its lease runs from now.
	 */
	@Transactional
	void subscribe(String topic, String feedTag, URI callback, String secret, long leaseSeconds) {
		unsubscribe(topic, callback);
		Instant now = this.clock.instant();
		this.jdbc.update(
				"insert into websub_subscription (topic, feed_tag, callback, secret, lease_until, state, created_at) "
						+ "values (?, ?, ?, ?, ?, 'ACTIVE', ?)",
				topic, feedTag, callback.toString(), secret, Timestamp.from(now.plusSeconds(leaseSeconds)),
				Timestamp.from(now));
	}

	/** Ends a subscription, and drops what was still to be sent to it. */
	@Transactional
	void unsubscribe(String topic, URI callback) {
		this.jdbc.update("delete from websub_subscription where topic = ? and callback = ?", topic,
				callback.toString());
	}

	@Transactional(readOnly = true)
	Optional<Subscription> find(long id) {
		return this.jdbc.query("select " + COLUMNS + " from websub_subscription where id = ?", SUBSCRIPTION, id)
			.stream()
			.findFirst();
	}

	@Transactional(readOnly = true)
	List<Subscription> of(String topic) {
		return this.jdbc.query("select " + COLUMNS + " from websub_subscription where topic = ? order by id",
				SUBSCRIPTION, topic);
	}

	/** Nothing more is distributed to it until it is subscribed again. */
	@Transactional
	void stop(long id, String state, String reason) {
		this.jdbc.update("update websub_subscription set state = ?, reason = ? where id = ?", state, reason, id);
	}

	/**
	 * Plans a distribution to every subscriber with a lease whose feed the changes alter,
	 * in the planner's transaction. A subscriber with one not attempted yet gets no
	 * second: that one will carry the feed as it is when it is sent.
	 */
	void plan(List<ChangeObserved> changes) {
		Instant now = this.clock.instant();
		for (ChangeObserved change : changes) {
			Set<String> tags = PageTags.of(change);
			if (tags.isEmpty()) {
				continue;
			}
			String in = tags.stream().map((tag) -> "?").collect(Collectors.joining(", "));
			Object[] arguments = new Object[tags.size() + 5];
			arguments[0] = change.id();
			arguments[1] = "ws_" + change.id();
			arguments[2] = Timestamp.from(now);
			arguments[3] = Timestamp.from(now);
			arguments[4] = Timestamp.from(now);
			System.arraycopy(tags.toArray(), 0, arguments, 5, tags.size());
			this.jdbc.update("insert into push_delivery (subscription_id, change_id, event, message_id, status, "
					+ "attempts, created_at, next_try_at) select s.id, ?, 'feed', ?, 'PENDING', 0, ?, ? "
					+ "from websub_subscription s where s.state = 'ACTIVE' and s.lease_until > ? and s.feed_tag in ("
					+ in + ") and not exists (select 1 from push_delivery p where p.subscription_id = s.id "
					+ "and p.status = 'PENDING' and p.attempts = 0)", arguments);
		}
	}

	private static final RowMapper<Subscription> SUBSCRIPTION = (row, n) -> new Subscription(row.getLong(1),
			row.getString(2), row.getString(3), URI.create(row.getString(4)), row.getString(5),
			Endpoints.instant(row, 6), row.getString(7), row.getString(8));

	/**
	 * @param secret its {@code hub.secret}, or {@code null}
	 * @param state {@code ACTIVE}, {@code FAILING} or {@code DISABLED}
	 */
	record Subscription(long id, String topic, String feedTag, URI callback, String secret, Instant leaseUntil,
			String state, String reason) {

		boolean leased(Instant now) {
			return this.leaseUntil.isAfter(now);
		}

	}

}
