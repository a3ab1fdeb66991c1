package org.newswire.ticker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.newswire.ticker.TickerBroadcaster.Limits;
import org.newswire.ticker.TickerBroadcaster.Refusal;

import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open streams of this node: admits a stream unless its client or the node holds as
 * many as it may, starts it with the current ticker, hands every frame to every stream's
 * mailbox ({@link StreamSubscriber}), and finds the streams whose clients are gone or no
 * longer reading.
 */
final class StreamRegistry {

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

	private static final Set<DataWithMediaType> HEARTBEAT = SseEmitter.event().comment("").build();

	private final Limits limits;

	private final Set<StreamSubscriber> subscribers = ConcurrentHashMap.newKeySet();

	private final StreamClients clients;

	/**
	 * When a refusal at the node's limit may next check every stream for gone clients.
	 */
	private final AtomicLong nextSweep = new AtomicLong(System.nanoTime());

	/**
	 * Held while a frame is handed to every stream and while a new stream joins, so no
	 * stream receives an older ticker after a newer one.
	 */
	private final Object publishing = new Object();

	private volatile Set<DataWithMediaType> current;

	private volatile boolean open;

	private volatile ExecutorService sender;

	private volatile ScheduledExecutorService scheduler;

	StreamRegistry(Limits limits) {
		this.limits = limits;
		this.clients = new StreamClients(limits.maxPerClient(), PROBE_GAP.toNanos());
	}

	/**
	 * Admits streams from now on.
	 * @param sender writes the streams' mailboxes out
	 * @param scheduler runs the second heartbeat of a check for gone clients
	 */
	void open(ExecutorService sender, ScheduledExecutorService scheduler) {
		this.sender = sender;
		this.scheduler = scheduler;
		this.open = true;
	}

	/** Refuses streams from now on and ends every open one. */
	void close() {
		// Under the lock, so no stream registers after the loop below has looked.
		synchronized (this.publishing) {
			this.open = false;
		}
		this.subscribers.forEach(this::drop);
	}

	boolean isOpen() {
		return this.open;
	}

	int count() {
		return this.subscribers.size();
	}

	/**
	 * Why a stream for a client at this address would be refused now, without opening
	 * one.
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
				Set<DataWithMediaType> ticker = this.current;
				sendFirst(emitter, (ticker != null) ? ticker : HEARTBEAT);
				this.subscribers.add(subscriber);
				this.clients.add(subscriber);
			}
		}
		refused.ifPresent((reason) -> lookForGoneClients(reason, client));
		return refused;
	}

	private Optional<Refusal> refusal(String client) {
		if (!this.open) {
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
			this.scheduler.schedule(() -> streams.forEach(this::ping), PROBE_GAP.toMillis(), TimeUnit.MILLISECONDS);
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

	/**
	 * A new ticker.
	 * @param first what streams that connect from now on start with
	 * @param news what the open streams are sent
	 */
	void publish(Set<DataWithMediaType> first, Set<DataWithMediaType> news) {
		synchronized (this.publishing) {
			this.current = first;
			broadcast(news);
		}
	}

	/** A frame to every open stream; one too far behind to take it is dropped. */
	void broadcast(Set<DataWithMediaType> frame) {
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

}
