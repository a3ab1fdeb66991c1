package org.newswire.pagecache;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.newswire.NewswireProperties;
import org.newswire.NodeMetrics;
import org.newswire.PeriodicJob;
import org.newswire.change.ChangeFollower;
import org.newswire.change.ChangeObserved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Soft-purges at every edge ({@code newswire.edge.purge-urls}) the tags of what each
 * change alters, the same tags the change drops from each node's own cache
 * ({@link PageCache#edgeTags}). Each change is purged once per cluster: the node that
 * purges holds the {@code edge_purge} row locked while it sends the purges for the
 * changes after the last one purged and moves that mark on, in one transaction; a purge
 * that fails leaves the mark where it was, so the next regular run (every
 * {@code newswire.edge.retry}, on any node) sends it again. A first change that does not
 * follow the mark (the record was pruned past it) cannot be accounted for, so everything
 * is purged.
 * <p>
 * Each change asks for a run at the moment its purge is due, and a run that leaves
 * changes not yet due asks for one at the moment the first of them is: a change is never
 * left for the regular run, which only sends again what failed.
 * <p>
 * The edge fetches a purged page again from any node, and a node that has not followed
 * the change yet would hand it the page from before. So a purge waits
 * {@code newswire.edge.delay} after the change (nodes follow within milliseconds), and a
 * node that follows a change later than that, after its purge went out, purges its tags
 * once more itself.
 */
@Component
class EdgePurger extends PeriodicJob {

	private static final Logger logger = LoggerFactory.getLogger(EdgePurger.class);

	/** The tag every object at the edge answers to (docs/deploy/edge.vcl). */
	static final String ALL = "all";

	/** More tags than this in one purge: the edge is purged whole instead. */
	static final int MAX_TAGS = 200;

	static final String HEADER = "xkey-softpurge";

	private static final String PURGES = "Purge requests sent to the edges, by whether the edge took them";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ChangeFollower follower;

	private final PageCache cache;

	private final Clock clock;

	private final NewswireProperties.Edge edge;

	private final HttpClient http;

	private final Counter sent;

	private final Counter failed;

	private final Timer lag;

	EdgePurger(JdbcTemplate jdbc, PlatformTransactionManager transactions, ChangeFollower follower, PageCache cache,
			Clock clock, NewswireProperties properties, MeterRegistry meters) {
		super("edge-purger", properties.edge().retry());
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.follower = follower;
		this.cache = cache;
		this.clock = clock;
		this.edge = properties.edge();
		this.http = HttpClient.newBuilder().connectTimeout(this.edge.timeout()).build();
		this.sent = Counter.builder("newswire.edge.purges").description(PURGES).tag("result", "sent").register(meters);
		this.failed = Counter.builder("newswire.edge.purges")
			.description(PURGES)
			.tag("result", "failed")
			.register(meters);
		this.lag = new NodeMetrics(meters, "edge").timer("purge.lag",
				"From a change's commit to its purge at every edge");
	}

	@EventListener
	void on(ChangeObserved change) {
		if (!isRunning()) {
			return;
		}
		Set<String> tags = this.cache.edgeTags(change);
		if (tags.isEmpty()) {
			return;
		}
		Duration age = Duration.between(change.recordedAt(), this.clock.instant());
		if (age.compareTo(this.edge.delay()) > 0) {
			execute(() -> purgeAgainIfPurged(change.id(), tags));
		}
		runWithin(this.edge.delay().minus(age));
	}

	@Override
	protected void run() {
		Duration next;
		do {
			next = purgeBatch();
		}
		while (Duration.ZERO.equals(next));
		if (next != null) {
			runWithin(next);
		}
	}

	/**
	 * Purges the changes after the mark that are due.
	 * @return how soon the next change after the mark is due: zero when a whole batch was
	 * purged and more may be due at once, {@code null} when none waits or the purge
	 * failed (the regular run, every {@code newswire.edge.retry}, sends it again)
	 */
	Duration purgeBatch() {
		return this.transactions.execute((status) -> {
			long last = this.jdbc.queryForObject("select last_change_id from edge_purge where id = 1 for update",
					Long.class);
			List<ChangeObserved> batch = this.follower.recordedAfter(last);
			Instant due = this.clock.instant().minus(this.edge.delay());
			List<ChangeObserved> ready = batch.stream()
				.takeWhile((change) -> !change.recordedAt().isAfter(due))
				.toList();
			Duration next = (ready.size() < batch.size()) ? Duration.between(this.clock.instant(),
					batch.get(ready.size()).recordedAt().plus(this.edge.delay())) : null;
			if (ready.isEmpty()) {
				return next;
			}
			Set<String> tags = new TreeSet<>();
			if (ready.get(0).id() != last + 1) {
				logger.warn("Changes {} to {} are gone from the record: purging the whole edge", last + 1,
						ready.get(0).id() - 1);
				tags.add(ALL);
			}
			else {
				ready.forEach((change) -> tags.addAll(this.cache.edgeTags(change)));
			}
			if (!tags.isEmpty() && !send((tags.size() > MAX_TAGS) ? Set.of(ALL) : tags)) {
				status.setRollbackOnly();
				return null;
			}
			this.jdbc.update("update edge_purge set last_change_id = ? where id = 1", ready.get(ready.size() - 1).id());
			Instant now = this.clock.instant();
			ready.forEach((change) -> this.lag.record(Duration.between(change.recordedAt(), now)));
			// Only a whole batch may have more behind it, as the change follower reads.
			return (ready.size() == ChangeFollower.BATCH) ? Duration.ZERO : next;
		});
	}

	/**
	 * For a change this node followed late: if its purge went out before, what this node
	 * handed the edge since may predate the change, so its tags are purged once more. A
	 * purge under way holds the row, so it is waited for; one not sent yet comes after
	 * this node followed the change, and is enough.
	 */
	void purgeAgainIfPurged(long changeId, Set<String> tags) {
		this.transactions.executeWithoutResult((status) -> {
			long last = this.jdbc.queryForObject("select last_change_id from edge_purge where id = 1 for update",
					Long.class);
			if (last >= changeId) {
				send(tags);
			}
		});
	}

	/** Soft-purges the tags at every edge; whether every edge took it. */
	boolean send(Set<String> tags) {
		String joined = String.join(" ", tags);
		boolean all = true;
		for (URI url : this.edge.purgeUrls()) {
			try {
				HttpResponse<Void> answer = this.http.send(HttpRequest.newBuilder(url)
					.method("PURGE", HttpRequest.BodyPublishers.noBody())
					.header(HEADER, joined)
					.timeout(this.edge.timeout())
					.build(), HttpResponse.BodyHandlers.discarding());
				if (answer.statusCode() == 200) {
					this.sent.increment();
					continue;
				}
				logger.warn("Edge {} answered {} to a purge", url, answer.statusCode());
			}
			catch (IOException ex) {
				logger.warn("Edge {} not purged: {}", url, ex.toString());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.failed.increment();
			all = false;
		}
		return all;
	}

	@Override
	public void start() {
		if (!this.edge.purgeUrls().isEmpty()) {
			super.start();
		}
	}

}
