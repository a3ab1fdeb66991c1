package org.newswire.push;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.newswire.change.ChangeFollower;
import org.newswire.change.ChangeObserved;
import org.newswire.clients.ClientAccounts;
import org.newswire.clients.WireClient;
import org.newswire.wire.ChangeEntries;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns recorded changes into deliveries. Whichever node plans holds the
 * {@code push_planner} row locked while it inserts one delivery per endpoint that wants
 * each change after the last one planned, and the WebSub distributions the changes call
 * for ({@link Subscriptions#plan}), and moves that mark on, all in one transaction: every
 * change is planned once per cluster, and a node that dies half way plans nothing at all,
 * so the next one plans it all.
 */
@Component
public class Planner {

	private final JdbcTemplate jdbc;

	private final ChangeFollower changes;

	private final Endpoints endpoints;

	private final Deliveries deliveries;

	private final ChangeEntries entries;

	private final Subscriptions subscriptions;

	private final ClientAccounts clients;

	Planner(JdbcTemplate jdbc, ChangeFollower changes, Endpoints endpoints, Deliveries deliveries,
			ChangeEntries entries, Subscriptions subscriptions, ClientAccounts clients) {
		this.jdbc = jdbc;
		this.changes = changes;
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.entries = entries;
		this.subscriptions = subscriptions;
		this.clients = clients;
	}

	/**
	 * Plans one batch of changes.
	 * @return how many changes it planned; more may wait when that is a whole batch
	 */
	@Transactional
	int planBatch() {
		long last = this.jdbc.queryForObject("select last_change_id from push_planner where id = 1 for update",
				Long.class);
		List<ChangeObserved> batch = this.changes.recordedAfter(last);
		if (batch.isEmpty()) {
			return 0;
		}
		List<Target> targets = targets(this.endpoints.active());
		List<Deliveries.Message> messages = new ArrayList<>();
		for (ChangeObserved change : batch) {
			for (Target target : targets) {
				String event = event(change, target);
				if (event != null) {
					messages.add(message(target.endpoint(), change, event));
				}
			}
		}
		this.deliveries.queue(messages);
		this.subscriptions.plan(batch);
		this.jdbc.update("update push_planner set last_change_id = ? where id = 1", batch.get(batch.size() - 1).id());
		return batch.size();
	}

	/**
	 * Plans the changes recorded from {@code from} on again for one endpoint, as new
	 * deliveries with the same message ids, so a receiver that lost them gets them again
	 * and one that did not can tell.
	 * @return how many deliveries were made
	 */
	@Transactional
	public int replay(Endpoint endpoint, Instant from) {
		Long before = this.jdbc.queryForObject("select min(id) - 1 from change_record where recorded_at >= ?",
				Long.class, Timestamp.from(from));
		long last = this.jdbc.queryForObject("select last_change_id from push_planner where id = 1", Long.class);
		if (before == null) {
			return 0;
		}
		Target target = targets(List.of(endpoint)).get(0);
		int made = 0;
		List<ChangeObserved> batch;
		do {
			batch = this.changes.recordedAfter(before);
			List<Deliveries.Message> messages = new ArrayList<>();
			for (ChangeObserved change : batch) {
				// Changes not planned yet will be, for every endpoint.
				String event = (change.id() <= last) ? event(change, target) : null;
				if (event != null) {
					messages.add(message(endpoint, change, event));
				}
				before = change.id();
			}
			this.deliveries.queue(messages);
			made += messages.size();
		}
		while (!batch.isEmpty() && before < last);
		return made;
	}

	private String event(ChangeObserved change, Target target) {
		if (change.id() <= target.endpoint().afterChange() || change.sectionCode() == null
				|| !target.client().receives(change.sectionCode())) {
			return null;
		}
		return this.entries.name(change, target.client().embargoAhead())
			.filter((event) -> target.endpoint().changes().contains(event))
			.orElse(null);
	}

	private static Deliveries.Message message(Endpoint endpoint, ChangeObserved change, String event) {
		return new Deliveries.Message(endpoint.id(), change.id(), event, messageId(change.id(), endpoint.id()));
	}

	/**
	 * The {@code webhook-id}: the same for a change and an endpoint however often sent.
	 */
	static String messageId(long changeId, long endpointId) {
		return "nw_" + changeId + "_" + endpointId;
	}

	/** The endpoints with what their clients may receive, each client read once. */
	private List<Target> targets(List<Endpoint> endpoints) {
		Map<Long, WireClient> clients = new HashMap<>();
		return endpoints.stream()
			.map((endpoint) -> new Target(endpoint,
					clients.computeIfAbsent(endpoint.clientId(),
							(id) -> this.clients.find(id).orElseThrow(() -> new EndpointNotFoundException(id)))))
			.toList();
	}

	private record Target(Endpoint endpoint, WireClient client) {
	}

}
