package org.newswire.ticker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes the ticker to every open reader page. Each change becomes one full snapshot,
 * serialised once and written to all streams, so a client that missed events or got one
 * twice still ends up with exactly the current ticker.
 * <p>
 * An open stream holds heap ({@link #STREAM_BYTES}), nearly all of it Tomcat's buffers
 * for the connection and its request (docs/operations.md), so a node holds only as many
 * as its heap allows and each client only a few.
 */
@Component
class TickerBroadcaster implements SmartLifecycle {

	static final String TICKER_EVENT = "ticker";

	static final String ARTICLE_EVENT = "article";

	static final String ALERT_EVENT = "alert";

	static final long RETRY_MILLIS = 3000;

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

	/**
	 * Between the two heartbeats that find a connection its client closed: the first
	 * write only draws the peer's reset, the second one fails. Long enough for the reset
	 * to come back from a client on another continent.
	 */
	static final Duration PROBE_GAP = Duration.ofSeconds(1);

	/**
	 * How often refusals at the node's limit may check every stream: often enough that
	 * room comes back within seconds of a flood's end, seldom enough that a full node
	 * does not write to its readers much more than its heartbeat does.
	 */
	static final Duration SWEEP_EVERY = Duration.ofSeconds(5);

	private static final Logger logger = LoggerFactory.getLogger(TickerBroadcaster.class);

	private static final MediaType TEXT_UTF8 = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private static final Set<DataWithMediaType> HEARTBEAT = SseEmitter.event().comment("").build();

	private final TickerService ticker;

	private final JsonMapper json;

	private final MessageSource messages;

	private final Clock clock;

	private final Limits limits;

	private final Set<StreamSubscriber> subscribers = ConcurrentHashMap.newKeySet();

	private final StreamClients clients;

	/**
	 * When a refusal at the node's limit may next check every stream for gone clients.
	 */
	private final AtomicLong nextSweep = new AtomicLong(System.nanoTime());

	/**
	 * Builds snapshots one after another, so revisions reach clients in order. Created on
	 * every start: a stopped context (Spring's test context cache pauses idle ones) can
	 * be started again.
	 */
	private volatile ScheduledExecutorService builder;

	private volatile ExecutorService sender;

	/**
	 * Held while a snapshot is handed to every subscriber and while a new subscriber
	 * joins, so nobody receives an older snapshot after a newer one.
	 */
	private final Object publishing = new Object();

	private volatile Set<DataWithMediaType> current;

	private volatile Snapshot latest;

	private volatile boolean running;

	// Touched only by the builder thread.
	private String currentHeadlines;

	/**
	 * The alert of each line leading the ticker as an alert, by headline id, in order.
	 */
	private Map<Long, Set<DataWithMediaType>> alerts = Map.of();

	private long revision;

	@Autowired
	TickerBroadcaster(TickerService ticker, JsonMapper json, MessageSource messages, Clock clock,
			NewswireProperties properties, Environment environment) {
		this(ticker, json, messages, clock, Limits.defaults(maxSubscribers(properties.live(), environment),
				properties.live().maxSubscribersPerClient()));
	}

	TickerBroadcaster(TickerService ticker, JsonMapper json, MessageSource messages, Clock clock, Limits limits) {
		this.ticker = ticker;
		this.json = json;
		this.messages = messages;
		this.clock = clock;
		this.limits = limits;
		this.clients = new StreamClients(limits.maxPerClient(), PROBE_GAP.toNanos());
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
		return refusal(StreamClients.of(address));
	}

	/**
	 * Registers a new stream, which starts with the current ticker, unless its client
	 * already holds its share of streams, the node holds as many as it may, or the node
	 * is stopping.
	 * @param address the client's address, as resolved through the trusted proxies
	 * @return why the stream was refused, or empty when it is open
	 */
	Optional<Refusal> register(SseEmitter emitter, String address) {
		String client = StreamClients.of(address);
		Optional<Refusal> refused;
		synchronized (this.publishing) {
			refused = refusal(client);
			if (refused.isEmpty()) {
				StreamSubscriber subscriber = new StreamSubscriber(emitter, client, this.sender,
						this.limits.maxQueued(), this::unregister);
				emitter.onCompletion(() -> ended(subscriber));
				emitter.onError((ex) -> ended(subscriber));
				// Completing on timeout ends the response cleanly; the browser then
				// reconnects.
				emitter.onTimeout(() -> {
					ended(subscriber);
					emitter.complete();
				});
				Set<DataWithMediaType> snapshot = this.current;
				sendFirst(emitter, (snapshot != null) ? snapshot : HEARTBEAT);
				this.subscribers.add(subscriber);
				this.clients.add(subscriber);
			}
		}
		refused.ifPresent((reason) -> lookForGoneClients(reason, client));
		return refused;
	}

	private Optional<Refusal> refusal(String client) {
		if (!this.running) {
			return Optional.of(Refusal.STOPPING);
		}
		if (this.clients.atLimit(client)) {
			return Optional.of(Refusal.CLIENT_LIMIT);
		}
		if (this.subscribers.size() >= this.limits.maxSubscribers()) {
			return Optional.of(Refusal.NODE_LIMIT);
		}
		return Optional.empty();
	}

	/**
	 * Sends on the request thread, before the emitter is handed to Spring MVC: the frame
	 * is buffered and written as the response starts. The response is then committed
	 * before the request thread leaves the filters, which write headers on the way out
	 * and must not race a sender thread doing the same.
	 */
	private static void sendFirst(SseEmitter emitter, Set<DataWithMediaType> frame) {
		try {
			emitter.send(frame);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Nothing is written before the response starts", ex);
		}
	}

	/**
	 * The servlet container tells nobody when a client closes a stream's connection: it
	 * shows only when a write to it fails. A client refused for holding its share may be
	 * a reader on its next page whose earlier pages' streams are gone, so its streams are
	 * checked at once and are unregistered before the retry the refusal asks for. A
	 * refusal at the node's limit checks every stream, at most every
	 * {@link #SWEEP_EVERY}, so the streams a flood left behind free their room within
	 * seconds.
	 */
	private void lookForGoneClients(Refusal reason, String client) {
		long now = System.nanoTime();
		if (reason == Refusal.CLIENT_LIMIT) {
			probe(this.clients.toProbe(client, now));
		}
		else if (reason == Refusal.NODE_LIMIT) {
			long next = this.nextSweep.get();
			if (now - next >= 0 && this.nextSweep.compareAndSet(next, now + SWEEP_EVERY.toNanos())) {
				probe(List.copyOf(this.subscribers));
			}
		}
	}

	/** Two heartbeats, {@link #PROBE_GAP} apart, to the given streams. */
	private void probe(List<StreamSubscriber> streams) {
		if (streams.isEmpty()) {
			return;
		}
		streams.forEach(this::ping);
		try {
			this.builder.schedule(() -> streams.forEach(this::ping), PROBE_GAP.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: the streams are closing anyway.
		}
	}

	/** A heartbeat, unless frames are on their way anyway. */
	private void ping(StreamSubscriber subscriber) {
		if (subscriber.isIdle() && !subscriber.offer(HEARTBEAT)) {
			drop(subscriber);
		}
	}

	int subscriberCount() {
		return this.subscribers.size();
	}

	/** The ticker as the stream last sent it, for pages that cannot have a stream. */
	Optional<Snapshot> snapshot() {
		return Optional.ofNullable(this.latest);
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

	/**
	 * Keeps idle connections alive through proxies and finds clients that are gone (the
	 * write fails) or no longer reading (the write hangs).
	 */
	void heartbeat() {
		long now = System.nanoTime();
		long maxWrite = this.limits.maxWriteTime().toNanos();
		for (StreamSubscriber subscriber : this.subscribers) {
			if (subscriber.isStuck(now, maxWrite)) {
				drop(subscriber);
			}
			else {
				ping(subscriber);
			}
		}
	}

	private void build(Runnable task) {
		if (!this.running) {
			return;
		}
		try {
			this.builder.execute(task);
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: the streams are closing anyway.
		}
	}

	private void refresh() {
		try {
			List<TickerLine> lines = this.ticker.lines();
			String headlinesJson = this.json.writeValueAsString(lines);
			if (headlinesJson.equals(this.currentHeadlines)) {
				return;
			}
			this.currentHeadlines = headlinesJson;
			// Clock-based, so revisions keep rising across a restart and browsers that
			// skip revisions they have seen never ignore a fresh server.
			this.revision = Math.max(this.revision + 1, this.clock.millis());
			String data = "{\"revision\":" + this.revision + ",\"headlines\":" + headlinesJson + "}";
			Set<DataWithMediaType> snapshot = SseEmitter.event()
				.id(Long.toString(this.revision))
				.name(TICKER_EVENT)
				.reconnectTime(RETRY_MILLIS)
				.data(data, TEXT_UTF8)
				.build();
			Map<Long, Set<DataWithMediaType>> alerts = new LinkedHashMap<>();
			lines.stream()
				.filter(TickerLine::alert)
				.forEach((line) -> alerts.put(line.id(),
						this.alerts.containsKey(line.id()) ? this.alerts.get(line.id()) : alertFrame(line)));
			Set<DataWithMediaType> news = frame(snapshot,
					alerts.entrySet()
						.stream()
						.filter((alert) -> !this.alerts.containsKey(alert.getKey()))
						.map(Map.Entry::getValue)
						.toList());
			this.alerts = alerts;
			synchronized (this.publishing) {
				// A new stream, or one reconnecting after it missed an alert, gets every
				// alert there is; the browser skips those it shows or the reader
				// dismissed.
				this.current = frame(snapshot, List.copyOf(alerts.values()));
				this.latest = new Snapshot(this.revision, data);
				broadcast(news);
			}
		}
		catch (RuntimeException ex) {
			// Streams keep the previous snapshot; the next change tries again.
			logger.warn("Could not build the ticker snapshot", ex);
		}
	}

	/**
	 * A Flash or Bulletin story leading the ticker, for open pages to raise a banner
	 * until the reader dismisses it. Sent once when it starts to lead and again to every
	 * stream that connects while it does.
	 */
	private Set<DataWithMediaType> alertFrame(TickerLine line) {
		String data = this.json
			.writeValueAsString(new Alert(line.id(), line.urgency(), line.urgencyName(), line.text(), line.url()));
		return SseEmitter.event().name(ALERT_EVENT).data(data, TEXT_UTF8).build();
	}

	/** Events written together, in order, as one frame. */
	private static Set<DataWithMediaType> frame(Set<DataWithMediaType> first, List<Set<DataWithMediaType>> rest) {
		if (rest.isEmpty()) {
			return first;
		}
		Set<DataWithMediaType> frame = new LinkedHashSet<>(first);
		rest.forEach(frame::addAll);
		return frame;
	}

	private void announce(long articleId) {
		refresh();
		TickerService.ArticleVersion published = this.ticker.currentVersion(articleId).orElse(null);
		if (published == null) {
			// Killed since: nothing newer to offer.
			return;
		}
		String message = this.messages.getMessage("live.updated", new Object[] { published.headline() },
				Locale.ENGLISH);
		String linkText = this.messages.getMessage("live.readLatest", null, Locale.ENGLISH);
		String data = this.json.writeValueAsString(new ArticleUpdate(published.articleId(), published.sequence(),
				published.headline(), published.path(), message, linkText));
		broadcast(
				SseEmitter.event().id(Long.toString(this.revision)).name(ARTICLE_EVENT).data(data, TEXT_UTF8).build());
	}

	private void broadcast(Set<DataWithMediaType> frame) {
		for (StreamSubscriber subscriber : this.subscribers) {
			if (!subscriber.offer(frame)) {
				drop(subscriber);
			}
		}
	}

	private void drop(StreamSubscriber subscriber) {
		unregister(subscriber);
		subscriber.close();
	}

	private void ended(StreamSubscriber subscriber) {
		unregister(subscriber);
		subscriber.ended();
	}

	/** Every way a stream ends comes here, once or more; it counts once. */
	private void unregister(StreamSubscriber subscriber) {
		if (this.subscribers.remove(subscriber)) {
			this.clients.remove(subscriber);
		}
	}

	@Override
	public void start() {
		this.builder = Executors.newSingleThreadScheduledExecutor(threads("ticker-stream-build"));
		this.sender = Executors.newFixedThreadPool(this.limits.senderThreads(), threads("ticker-stream-send"));
		this.running = true;
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
		// Under the lock, so no stream registers after the loop below has looked.
		synchronized (this.publishing) {
			this.running = false;
		}
		this.builder.shutdownNow();
		this.subscribers.forEach(this::drop);
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
		return this.running;
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

	/**
	 * @param json the data of the last {@code ticker} event
	 */
	record Snapshot(long revision, String json) {
	}

	/**
	 * A new version of an article: pages showing an older one offer the reader the
	 * latest.
	 */
	record ArticleUpdate(long articleId, int sequence, String headline, String path, String message, String linkText) {
	}

	/**
	 * An alert as pages show it; {@code id} is its ticker line's, new for every version
	 * posted, so a writethru raises a new alert and a dismissed one stays dismissed.
	 *
	 * @param level "Flash" or "Bulletin"
	 * @param headline the headline led by its label, as the ticker shows it
	 * @param url the story's page
	 */
	record Alert(long id, int urgency, String level, String headline, String url) {
	}

}
