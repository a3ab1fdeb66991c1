package org.newswire.push;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.newswire.NewswireProperties;
import org.newswire.change.ChangeFollower;
import org.newswire.items.ItemFormat;
import org.newswire.wire.ChangeEntries;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clients' webhook endpoints: what the desk adds, changes, rotates and removes, each
 * audited. A URL is checked against the {@link AddressRules} when saved; saving also
 * makes an endpoint that was failing or disabled active again.
 */
@Service
@Transactional
public class Endpoints {

	private static final String COLUMNS = "id, client_id, url, kinds, format, secret, previous_secret, "
			+ "previous_secret_until, after_change, state, reason";

	private final JdbcTemplate jdbc;

	private final AddressRules rules;

	private final ChangeFollower changes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration rotationWindow;

	Endpoints(JdbcTemplate jdbc, AddressRules rules, ChangeFollower changes, ApplicationEventPublisher events,
			Clock clock, NewswireProperties properties) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.changes = changes;
		this.events = events;
		this.clock = clock;
		this.rotationWindow = properties.push().rotationWindow();
	}

	/**
	 * Adds an endpoint, which receives the changes recorded from now on.
	 * @return its id and its secret, which is shown once
	 * @throws RefusedAddressException for a URL a push may not go to
	 */
	public Created create(long clientId, URI url, Set<String> changes, ItemFormat format, String editor) {
		this.rules.check(url);
		String secret = Signatures.newSecret();
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var insert = connection.prepareStatement("insert into push_endpoint (client_id, url, kinds, format, "
					+ "secret, after_change, state, created_at, created_by) values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)",
					new String[] { "id" });
			insert.setLong(1, clientId);
			insert.setString(2, url.toString());
			insert.setString(3, String.join(",", checked(changes)));
			insert.setString(4, format.name());
			insert.setString(5, secret);
			insert.setLong(6, this.changes.newest());
			insert.setTimestamp(7, Timestamp.from(this.clock.instant()));
			insert.setString(8, editor);
			return insert;
		}, key);
		long id = key.getKey().longValue();
		this.events.publishEvent(new EndpointEvent(EndpointEvent.Change.CREATED, clientId, id, url.toString(), editor));
		return new Created(id, secret);
	}

	/**
	 * Changes an endpoint; it becomes active again if it was failing or disabled.
	 */
	public void update(long endpointId, URI url, Set<String> changes, ItemFormat format, String editor) {
		Endpoint endpoint = require(endpointId);
		this.rules.check(url);
		this.jdbc.update(
				"update push_endpoint set url = ?, kinds = ?, format = ?, state = 'ACTIVE', reason = null "
						+ "where id = ?",
				url.toString(), String.join(",", checked(changes)), format.name(), endpointId);
		this.events.publishEvent(new EndpointEvent(EndpointEvent.Change.CHANGED, endpoint.clientId(), endpointId,
				url.toString(), editor));
	}

	/**
	 * Gives an endpoint a new secret; the one it had keeps signing too for
	 * {@code newswire.push.rotation-window}, so the receiver can switch meanwhile.
	 * @return the new secret, which is shown once
	 */
	public String rotate(long endpointId, String editor) {
		Endpoint endpoint = require(endpointId);
		String secret = Signatures.newSecret();
		this.jdbc.update(
				"update push_endpoint set previous_secret = secret, previous_secret_until = ?, secret = ? "
						+ "where id = ?",
				Timestamp.from(this.clock.instant().plus(this.rotationWindow)), secret, endpointId);
		this.events.publishEvent(new EndpointEvent(EndpointEvent.Change.SECRET_ROTATED, endpoint.clientId(), endpointId,
				endpoint.url().toString(), editor));
		return secret;
	}

	/**
	 * Removes an endpoint and its deliveries, sent or not (V18's
	 * {@code on delete cascade}).
	 */
	public void remove(long endpointId, String editor) {
		Endpoint endpoint = require(endpointId);
		this.jdbc.update("delete from push_endpoint where id = ?", endpointId);
		this.events.publishEvent(new EndpointEvent(EndpointEvent.Change.REMOVED, endpoint.clientId(), endpointId,
				endpoint.url().toString(), editor));
	}

	/** Records that an admin had deliveries sent again. */
	public void replayed(long clientId, long endpointId, String details, String editor) {
		this.events
			.publishEvent(new EndpointEvent(EndpointEvent.Change.REPLAYED, clientId, endpointId, details, editor));
	}

	/**
	 * @throws RefusedAddressException for a URL a push may not go to
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public void checkAddress(URI url) {
		this.rules.check(url);
	}

	@Transactional(readOnly = true)
	public List<Endpoint> of(long clientId) {
		return this.jdbc.query("select " + COLUMNS + " from push_endpoint where client_id = ? order by id", ENDPOINT,
				clientId);
	}

	@Transactional(readOnly = true)
	public Optional<Endpoint> find(long endpointId) {
		return this.jdbc.query("select " + COLUMNS + " from push_endpoint where id = ?", ENDPOINT, endpointId)
			.stream()
			.findFirst();
	}

	@Transactional(readOnly = true)
	List<Endpoint> active() {
		return this.jdbc.query("select " + COLUMNS + " from push_endpoint where state = 'ACTIVE'", ENDPOINT);
	}

	public Endpoint require(long endpointId) {
		return find(endpointId).orElseThrow(() -> new EndpointNotFoundException(endpointId));
	}

	/** Stops sending to an endpoint, saying why, until an admin saves it again. */
	void stop(long endpointId, String state, String reason) {
		this.jdbc.update("update push_endpoint set state = ?, reason = ? where id = ?", state, reason, endpointId);
	}

	private static Set<String> checked(Set<String> changes) {
		if (changes.isEmpty() || !ChangeEntries.NAMES.containsAll(changes)) {
			throw new IllegalArgumentException("Changes must be some of " + ChangeEntries.NAMES);
		}
		Set<String> ordered = new LinkedHashSet<>(ChangeEntries.NAMES);
		ordered.retainAll(changes);
		return ordered;
	}

	private static final RowMapper<Endpoint> ENDPOINT = (ResultSet row, int n) -> new Endpoint(row.getLong(1),
			row.getLong(2), URI.create(row.getString(3)),
			new LinkedHashSet<>(Arrays.asList(row.getString(4).split(","))), ItemFormat.valueOf(row.getString(5)),
			row.getString(6), row.getString(7), instant(row, 8), row.getLong(9), row.getString(10), row.getString(11));

	static Instant instant(ResultSet row, int column) throws SQLException {
		Timestamp timestamp = row.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * @param secret shown once
	 */
	public record Created(long id, String secret) {
	}

}
