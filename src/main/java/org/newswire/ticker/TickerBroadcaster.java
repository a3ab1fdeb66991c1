package org.newswire.ticker;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.newswire.NewswireProperties;
import org.newswire.change.ChangeKind;
import org.newswire.change.ChangeObserved;
import org.newswire.ticker.TickerFrames.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes the ticker to every open reader page. Each change becomes one full snapshot,
 * written once ({@link TickerFrames}) and handed to every stream
 * ({@link StreamRegistry}), so a client that missed events or got one twice still ends up
 * with exactly the current ticker.
 * <p>
 * An open stream holds heap ({@link #STREAM_BYTES}), nearly all of it Tomcat's buffers
 * for the connection and its request (docs/operations.md), so a node holds only as many
 * as its heap allows and each client only a few.
 */
@Component
class TickerBroadcaster implements SmartLifecycle {

	/**
	 * Heap one open stream holds: the growth of the live heap (after a full collection)
	 * per stream as a running node opened more streams, rounded up (the measurement is in
	 * docs/operations.md). It moves with Tomcat's buffer sizes.
	 */
	static final long STREAM_BYTES = 136 * 1024;

	/**
	 * Streams take at most this part of the heap: the page cache, H2's page cache and the
	 * requests being rendered need the rest.
	 */
	static final int HEAP_PARTS = 4;

	/** Tomcat's own limit when {@code server.tomcat.max-connections} is not set. */
	static final int TOMCAT_MAX_CONNECTIONS = 8192;

	private static final Logger logger = LoggerFactory.getLogger(TickerBroadcaster.class);

	private final TickerService ticker;

	private final TickerFrames frames;

	private final StreamRegistry streams;

	private final Limits limits;

	/**
	 * Builds the frames one change after another, so revisions reach clients in order.
	 * Created on every start: a stopped context (Spring's test context cache pauses idle
	 * ones) can be started again.
	 */
	private volatile ScheduledExecutorService builder;

	private volatile ExecutorService sender;

	private volatile Snapshot latest;

	/**
	 * Builds asked for, numbered: while the last of them is not {@link #built},
	 * {@link #latest} may predate a change this node has followed.
	 */
	private final AtomicLong asked = new AtomicLong();

	/**
	 * The number of the last build done. Numbers, not a count of builds under way: the
	 * builds a stop drops are never done, and the first build after a start stands for
	 * them.
	 */
	private final AtomicLong built = new AtomicLong();

	@Autowired
	TickerBroadcaster(TickerService ticker, TickerMarkup markup, JsonMapper json, MessageSource messages, Clock clock,
			NewswireProperties properties, Environment environment) {
		this(ticker, new TickerFrames(markup, json, messages, clock), Limits
			.defaults(maxSubscribers(properties.live(), environment), properties.live().maxSubscribersPerClient()));
	}

	TickerBroadcaster(TickerService ticker, TickerFrames frames, Limits limits) {
		this.ticker = ticker;
		this.frames = frames;
		this.limits = limits;
		this.streams = new StreamRegistry(limits);
	}

	private static int maxSubscribers(NewswireProperties.Live live, Environment environment) {
		if (live.maxSubscribers() != null) {
			return live.maxSubscribers();
		}
		return nodeLimit(Runtime.getRuntime().maxMemory(),
				environment.getProperty("server.tomcat.max-connections", Integer.class, TOMCAT_MAX_CONNECTIONS));
	}

	/**
	 * The streams a node holds by default: a share of its heap, and no more than half of
	 * Tomcat's connections, so pages always find one.
	 * @param maxConnections the connections Tomcat accepts at most, -1 for no limit
	 */
	static int nodeLimit(long maxHeapBytes, int maxConnections) {
		long byHeap = maxHeapBytes / HEAP_PARTS / STREAM_BYTES;
		return (int) ((maxConnections > 0) ? Math.min(byHeap, maxConnections / 2) : byHeap);
	}

	SseEmitter newEmitter() {
		return new SseEmitter(this.limits.streamTimeout().toMillis());
	}

	/**
	 * Why a stream for a client at this address would be refused now, without opening
	 * one: what a {@code HEAD} request is told.
	 */
	Optional<Refusal> admission(String address) {
		return this.streams.admission(address);
	}

	/**
	 * Opens a stream that starts with the current ticker, unless it is refused.
	 * @param address the client's address, as resolved through the trusted proxies
	 * @return why the stream was refused, or empty when it is open
	 */
	Optional<Refusal> register(SseEmitter emitter, String address) {
		return this.streams.register(emitter, address);
	}

	int subscriberCount() {
		return this.streams.count();
	}

	/** The ticker as the stream last sent it, for pages that cannot have a stream. */
	Optional<Snapshot> snapshot() {
		return Optional.ofNullable(this.latest);
	}

	/**
	 * Whether the {@link #snapshot} is as of every change this node has followed: an edge
	 * purges it after each ticker change and asks a node again, and one that has not
	 * built it yet hands over the one before.
	 */
	boolean snapshotCurrent() {
		return this.streams.isOpen() && this.built.get() >= this.asked.get();
	}

	/**
	 * Follows the change record, so every node's streams carry changes made on any node.
	 */
	@EventListener
	void on(ChangeObserved change) {
		if (change.has(ChangeKind.TICKER)) {
			build(this::refresh);
		}
		if (change.has(ChangeKind.PUBLISHED) || change.has(ChangeKind.WRITETHRU)) {
			build(() -> announce(change.articleId()));
		}
	}

	void heartbeat() {
		this.streams.heartbeat();
	}

	private void build(Runnable task) {
		if (!this.streams.isOpen()) {
			return;
		}
		long number = this.asked.incrementAndGet();
		try {
			this.builder.execute(() -> {
				try {
					task.run();
				}
				finally {
					this.built.accumulateAndGet(number, Math::max);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: the streams are closing anyway.
		}
	}

	private void refresh() {
		try {
			List<TickerLine> lines = this.ticker.lines();
			this.frames.ticker(lines).ifPresent((ticker) -> {
				this.streams.publish(ticker.first(), ticker.news());
				this.latest = ticker.snapshot();
			});
		}
		catch (RuntimeException ex) {
			// Streams keep the previous snapshot; the next change tries again.
			logger.warn("Could not build the ticker snapshot", ex);
		}
	}

	/**
	 * The ticker that carries a new version goes out before the notice that points
	 * readers to it.
	 */
	private void announce(long articleId) {
		refresh();
		// None once killed or held since: nothing newer to offer.
		this.ticker.currentVersion(articleId)
			.ifPresent((published) -> this.streams.broadcast(this.frames.article(published)));
	}

	@Override
	public void start() {
		this.builder = Executors.newSingleThreadScheduledExecutor(threads("ticker-stream-build"));
		this.sender = Executors.newFixedThreadPool(this.limits.senderThreads(), threads("ticker-stream-send"));
		this.streams.open(this.sender, this.builder);
		logger.info("Live ticker: at most {} streams on this node, {} per client", this.limits.maxSubscribers(),
				this.limits.maxPerClient());
		long every = this.limits.heartbeat().toMillis();
		this.builder.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
		build(this::refresh);
	}

	/**
	 * Ends every stream before the web server's graceful shutdown, which would otherwise
	 * wait for them until its timeout.
	 */
	@Override
	public void stop() {
		this.builder.shutdownNow();
		this.streams.close();
		this.sender.shutdown();
		try {
			if (!this.sender.awaitTermination(2, TimeUnit.SECONDS)) {
				this.sender.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.streams.isOpen();
	}

	private static ThreadFactory threads(String name) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * @param maxSubscribers streams the node holds at most
	 * @param maxPerClient streams one client holds at most
	 * @param maxQueued frames a client may fall behind before it is dropped
	 * @param maxWriteTime how long one write may hang before the client is dropped
	 */
	record Limits(int maxSubscribers, int maxPerClient, Duration streamTimeout, Duration heartbeat, int maxQueued,
			Duration maxWriteTime, int senderThreads) {

		static Limits defaults(int maxSubscribers, int maxPerClient) {
			return new Limits(maxSubscribers, maxPerClient, Duration.ofMinutes(30), Duration.ofSeconds(15), 16,
					Duration.ofSeconds(10), 4);
		}

	}

	/** Why a stream was refused. */
	enum Refusal {

		/** The client holds its share of streams. */
		CLIENT_LIMIT,

		/** The node holds as many streams as its heap allows. */
		NODE_LIMIT,

		/** The node is shutting down. */
		STOPPING

	}

}
