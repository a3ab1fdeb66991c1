package org.newswire.change;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.newswire.BackgroundWork;
import org.newswire.NewswireProperties;
import org.newswire.NodeMetrics;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's reader of the change record. It starts at the newest record (a starting
 * node's caches are empty, and what it builds at start is built from the database as it
 * is), reads every record above the last one it has seen in id order and publishes one
 * {@link ChangeObserved} for each. Reading from the last id seen is what makes it
 * correct; waking up is only about speed: a commit on this node wakes it at once, on
 * PostgreSQL a {@code LISTEN} connection wakes it for every other node's commit, and a
 * poll at a modest interval catches whatever a lost notification or a dropped connection
 * missed.
 * <p>
 * All reading and publishing happens on one thread, so listeners see changes one at a
 * time and in order, and never inside anybody's transaction.
 */
@Component
public class ChangeFollower implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ChangeFollower.class);

	/**
	 * Records one read returns at most: fewer means it reached the end of the record.
	 */
	public static final int BATCH = 500;

	private static final String FOLLOWER_THREAD = "change-follower";

	private final DataSource dataSource;

	private final ApplicationEventPublisher events;

	private final Duration poll;

	private final Duration writerWait;

	private final Timer writerWaits;

	private final boolean postgres;

	private volatile ScheduledExecutorService follower;

	private volatile Thread listener;

	private volatile boolean running;

	private volatile long lastSeen;

	ChangeFollower(DataSource dataSource, ApplicationEventPublisher events, NewswireProperties properties,
			MeterRegistry meters) {
		this.dataSource = dataSource;
		this.events = events;
		this.poll = properties.changeRecord().poll();
		this.writerWait = properties.changeRecord().writerWait();
		this.postgres = isPostgres(dataSource);
		this.writerWaits = new NodeMetrics(meters, "change")
			.gauge("lag", "Change records this node has not followed yet", this, ChangeFollower::lag)
			.gauge("last.seen", "Id of the last change record this node followed", this, ChangeFollower::lastSeen)
			.timer("writer.wait", "How long a request that made a change waited for this node to follow it");
	}

	/**
	 * The id of the newest change this node has published; its caches reflect every
	 * change up to it.
	 */
	public long lastSeen() {
		return this.lastSeen;
	}

	/**
	 * How many recorded changes this node has not followed yet, for metrics.
	 */
	public long lag() {
		return Math.max(0, newest() - this.lastSeen);
	}

	/**
	 * Up to a {@link #BATCH} of recorded changes above the given id, in id order, for a
	 * module that keeps state across restarts and catches up from where it stopped
	 * (search).
	 */
	public List<ChangeObserved> recordedAfter(long after) {
		return read("id > ?", after);
	}

	boolean isPostgres() {
		return this.postgres;
	}

	/**
	 * Follows the record up to its end before returning, for the node that has just
	 * committed a change, waiting at most {@code newswire.change-record.writer-wait}.
	 * <p>
	 * Why the writer waits at all: read-your-writes for the editor. The desk's redirect
	 * and the editor's next pages (the story, the front page, search, the ticker) are
	 * served by this node, from its page cache, search index and ticker memo, which learn
	 * of the change only by following the record. Without the wait the editor would often
	 * see the story as it was before their own command. Readers and other nodes only need
	 * the change soon, not before anything. The wait is bounded because the change is
	 * committed whatever happens here: past the bound the request returns and the
	 * follower finishes shortly after.
	 */
	void catchUpNow() {
		ScheduledExecutorService executor = this.follower;
		if (!this.running || executor == null) {
			return;
		}
		if (Thread.currentThread().getName().equals(FOLLOWER_THREAD)) {
			// A listener that made a change itself: waiting here would wait for this very
			// thread; the change is followed as soon as the current one is done.
			wake();
			return;
		}
		long started = System.nanoTime();
		try {
			executor.submit(this::catchUp).get(this.writerWait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			// About one write in a hundred, as the bound is chosen: the follower carries
			// on.
			logger.debug("Change not followed within {}", this.writerWait);
		}
		catch (RejectedExecutionException | ExecutionException ex) {
			// The poll follows it later; the change itself is committed.
			logger.warn("Change not followed at once: {}", ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.writerWaits.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}
	}

	private void wake() {
		ScheduledExecutorService executor = this.follower;
		if (this.running && executor != null) {
			try {
				executor.execute(this::catchUp);
			}
			catch (RejectedExecutionException ex) {
				// Stopping.
			}
		}
	}

	/** Runs on the follower thread only. */
	private void catchUp() {
		try {
			List<ChangeObserved> batch;
			do {
				batch = recordedAfter(this.lastSeen);
				for (ChangeObserved change : batch) {
					try {
						this.events.publishEvent(change);
					}
					catch (RuntimeException ex) {
						// One listener's failure must not stop this node following.
						logger.error("A listener failed on change {}", change.id(), ex);
					}
					this.lastSeen = change.id();
				}
			}
			while (batch.size() == BATCH && this.running);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read the change record: {}", ex.getMessage());
		}
	}

	/**
	 * One recorded change, for a module that sends it on its own (a webhook delivery).
	 * @return empty when no such change is kept
	 */
	public Optional<ChangeObserved> recorded(long id) {
		return read("id = ?", id).stream().findFirst();
	}

	private List<ChangeObserved> read(String where, long id) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement query = connection.prepareStatement("select id, kinds, article_id, section_code, "
						+ "recorded_at, version_no, pub_status, embargo_until from change_record where " + where
						+ " order by id")) {
			query.setLong(1, id);
			query.setMaxRows(BATCH);
			List<ChangeObserved> changes = new ArrayList<>();
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					changes.add(new ChangeObserved(rows.getLong(1), ChangeKind.split(rows.getString(2)),
							rows.getObject(3, Long.class), rows.getString(4), rows.getTimestamp(5).toInstant(),
							state(rows)));
				}
			}
			return changes;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the change record", ex);
		}
	}

	private static StoryState state(ResultSet row) throws SQLException {
		Integer version = row.getObject(6, Integer.class);
		if (version == null) {
			return null;
		}
		Timestamp embargoUntil = row.getTimestamp(8);
		return new StoryState(version, row.getString(7), (embargoUntil != null) ? embargoUntil.toInstant() : null);
	}

	/**
	 * The id of the newest recorded change, 0 when none was recorded yet.
	 */
	public long newest() {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select coalesce(max(id), 0) from change_record")) {
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the change record", ex);
		}
	}

	/**
	 * Holds one connection that only listens; notifications arrive while it waits, and a
	 * wait that ends without one doubles as the poll. A lost connection is opened again
	 * and followed by a catch-up, which finds what was missed meanwhile.
	 */
	private void listen() {
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.execute("listen " + Changes.CHANNEL);
				}
				wake();
				PGConnection notifications = connection.unwrap(PGConnection.class);
				while (this.running) {
					notifications.getNotifications((int) this.poll.toMillis());
					wake();
				}
			}
			catch (SQLException ex) {
				if (this.running) {
					logger.warn("Change notifications lost, listening again: {}", ex.getMessage());
					sleep(this.poll);
				}
			}
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void start() {
		this.lastSeen = newest();
		this.follower = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, FOLLOWER_THREAD);
			thread.setDaemon(true);
			return thread;
		});
		this.running = true;
		long every = this.poll.toMillis();
		this.follower.scheduleWithFixedDelay(this::catchUp, every, every, TimeUnit.MILLISECONDS);
		if (this.postgres) {
			Thread thread = new Thread(this::listen, "change-listener");
			thread.setDaemon(true);
			this.listener = thread;
			thread.start();
		}
		logger.info("Following the change record from id {}{}", this.lastSeen,
				this.postgres ? " (LISTEN " + Changes.CHANNEL + ")" : "");
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.listener;
		if (thread != null) {
			thread.interrupt();
		}
		BackgroundWork.stop(this.follower);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Early, so that it follows before the web server takes requests and stops after the
	 * web server stopped serving.
	 */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 1000;
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not reach the database", ex);
		}
	}

}
