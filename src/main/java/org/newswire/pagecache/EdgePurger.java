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
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.newswire.BackgroundWork;
import org.newswire.NewswireProperties;
import org.newswire.NodeMetrics;
import org.newswire.change.ChangeFollower;
import org.newswire.change.ChangeObserved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
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
 * that fails leaves the mark where it was, so the next run (every
 * {@code newswire.edge.retry}, on any node) sends it again. A first change that does not
 * follow the mark (the record was pruned past it) cannot be accounted for, so everything
 * is purged.
 * <p>
 * The edge fetches a purged page again from any node, and a node that has not followed
 * the change yet would hand it the page from before. So a purge waits
 * {@code newswire.edge.delay} after the change (nodes follow within milliseconds), and a
 * node that follows a change later than that, after its purge went out, purges its tags
 * once more itself.
 */
@Component
class EdgePurger implements SmartLifecycle {

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

	private final AtomicBoolean woken = new AtomicBoolean();

	private volatile ScheduledExecutorService executor;

	EdgePurger(JdbcTemplate jdbc, PlatformTransactionManager transactions, ChangeFollower follower, PageCache cache,
			Clock clock, NewswireProperties properties, MeterRegistry meters) {
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
		if (this.executor == null) {
			return;
		}
		Set<String> tags = this.cache.edgeTags(change);
		if (tags.isEmpty()) {
			return;
		}
		Duration age = Duration.between(change.recordedAt(), this.clock.instant());
		if (age.compareTo(this.edge.delay()) > 0) {
			submit(() -> purgeAgainIfPurged(change.id(), tags));
		}
		wake(this.edge.delay().minus(age));
	}

	private void wake(Duration after) {
		if (this.woken.compareAndSet(false, true)) {
			ScheduledExecutorService running = this.executor;
			try {
				if (running != null) {
					running.schedule(this::run, Math.max(0, after.toMillis()), TimeUnit.MILLISECONDS);
				}
			}
			catch (RejectedExecutionException ex) {
				// Stopping.
			}
		}
	}

	private void submit(Runnable task) {
		ScheduledExecutorService running = this.executor;
		try {
			if (running != null) {
				running.execute(task);
			}
		}
		catch (RejectedExecutionException ex) {
			// Stopping: the node that purges next does it.
		}
	}

	private void run() {
		this.woken.set(false);
		try {
			while (purgeBatch()) {
				// A whole batch was purged: more may wait.
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Edge purge failed, tried again in {}: {}", this.edge.retry(), ex.getMessage());
		}
	}

	/**
	 * Purges the changes after the mark that are due.
	 * @return whether more changes may be due at once
	 */
	boolean purgeBatch() {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			long last = this.jdbc.queryForObject("select last_change_id from edge_purge where id = 1 for update",
					Long.class);
			List<ChangeObserved> batch = this.follower.recordedAfter(last);
			Instant due = this.clock.instant().minus(this.edge.delay());
			List<ChangeObserved> ready = batch.stream()
				.takeWhile((change) -> !change.recordedAt().isAfter(due))
				.toList();
			if (ready.isEmpty()) {
				return false;
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
				return false;
			}
			this.jdbc.update("update edge_purge set last_change_id = ? where id = 1", ready.get(ready.size() - 1).id());
			Instant now = this.clock.instant();
			ready.forEach((change) -> this.lag.record(Duration.between(change.recordedAt(), now)));
			return ready.size() == batch.size();
		}));
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
		if (this.edge.purgeUrls().isEmpty()) {
			return;
		}
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "edge-purger");
			thread.setDaemon(true);
			return thread;
		});
		long every = this.edge.retry().toMillis();
		started.scheduleWithFixedDelay(this::run, every, every, TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.executor;
		this.executor = null;
		if (running != null) {
			BackgroundWork.stop(running);
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
