package org.newswire.ticker;

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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.newswire.NewswireProperties;
import org.newswire.change.ChangeKind;
import org.newswire.change.ChangeObserved;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes the ticker to every open reader page. Each change becomes one full snapshot,
 * serialised once and written to all streams, so a client that missed events or got one
 * twice still ends up with exactly the current ticker.
 */
@Component
class TickerBroadcaster implements SmartLifecycle {

	static final String TICKER_EVENT = "ticker";

	static final String ARTICLE_EVENT = "article";

	static final String ALERT_EVENT = "alert";

	static final long RETRY_MILLIS = 3000;

	private static final Log logger = LogFactory.getLog(TickerBroadcaster.class);

	private static final MediaType TEXT_UTF8 = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private static final Set<DataWithMediaType> HEARTBEAT = SseEmitter.event().comment("").build();

	private final TickerService ticker;

	private final JsonMapper json;

	private final MessageSource messages;

	private final Clock clock;

	private final Limits limits;

	private final Set<StreamSubscriber> subscribers = ConcurrentHashMap.newKeySet();

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
			NewswireProperties properties) {
		this(ticker, json, messages, clock, Limits.defaults(properties.live().maxSubscribers()));
	}

	TickerBroadcaster(TickerService ticker, JsonMapper json, MessageSource messages, Clock clock, Limits limits) {
		this.ticker = ticker;
		this.json = json;
		this.messages = messages;
		this.clock = clock;
		this.limits = limits;
	}

	/**
	 * A new stream that starts with the current ticker, or empty when the server already
	 * carries as many streams as it allows.
	 */
	Optional<SseEmitter> subscribe() {
		SseEmitter emitter = new SseEmitter(this.limits.streamTimeout().toMillis());
		return register(emitter) ? Optional.of(emitter) : Optional.empty();
	}

	boolean register(SseEmitter emitter) {
		if (!this.running) {
			return false;
		}
		StreamSubscriber subscriber = new StreamSubscriber(emitter, this.sender, this.limits.maxQueued(),
				this.subscribers::remove);
		emitter.onCompletion(() -> ended(subscriber));
		emitter.onError((ex) -> ended(subscriber));
		// Completing on timeout ends the response cleanly; the browser then reconnects.
		emitter.onTimeout(() -> {
			ended(subscriber);
			emitter.complete();
		});
		synchronized (this.publishing) {
			if (this.subscribers.size() >= this.limits.maxSubscribers()) {
				return false;
			}
			Set<DataWithMediaType> snapshot = this.current;
			if (!sendFirst(emitter, (snapshot != null) ? snapshot : HEARTBEAT)) {
				return false;
			}
			this.subscribers.add(subscriber);
		}
		return true;
	}

	/**
	 * Sends on the request thread, before the emitter is handed to Spring MVC: the frame
	 * is buffered and written as the response starts. The response is then committed
	 * before the request thread leaves the filters, which write headers on the way out
	 * and must not race a sender thread doing the same.
	 */
	private static boolean sendFirst(SseEmitter emitter, Set<DataWithMediaType> frame) {
		try {
			emitter.send(frame);
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	int subscriberCount() {
		return this.subscribers.size();
	}

	/**
	 * Follows the change record, so every node's streams carry changes made on any node.
	 */
	@EventListener
	void on(ChangeObserved change) {
		if (change.kind() == ChangeKind.TICKER) {
			build(this::refresh);
		}
		else if (change.kind() == ChangeKind.PUBLISHED || change.kind() == ChangeKind.WRITETHRU) {
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
			else if (subscriber.isIdle() && !subscriber.offer(HEARTBEAT)) {
				drop(subscriber);
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
		this.subscribers.remove(subscriber);
		subscriber.close();
	}

	private void ended(StreamSubscriber subscriber) {
		this.subscribers.remove(subscriber);
		subscriber.ended();
	}

	@Override
	public void start() {
		this.builder = Executors.newSingleThreadScheduledExecutor(threads("ticker-stream-build"));
		this.sender = Executors.newFixedThreadPool(this.limits.senderThreads(), threads("ticker-stream-send"));
		this.running = true;
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
		this.running = false;
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
	 * @param maxQueued frames a client may fall behind before it is dropped
	 * @param maxWriteTime how long one write may hang before the client is dropped
	 */
	record Limits(int maxSubscribers, Duration streamTimeout, Duration heartbeat, int maxQueued, Duration maxWriteTime,
			int senderThreads) {

		static Limits defaults(int maxSubscribers) {
			return new Limits(maxSubscribers, Duration.ofMinutes(30), Duration.ofSeconds(15), 16,
					Duration.ofSeconds(10), 4);
		}

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
