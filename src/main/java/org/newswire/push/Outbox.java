package org.newswire.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.newswire.BackgroundWork;
import org.newswire.NodeMetrics;
import org.newswire.change.ChangeObserved;
import org.newswire.push.Deliveries.Delivery;
import org.newswire.push.Subscriptions.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * This node's part in sending the outbox. One dispatcher thread plans new changes and
 * takes due deliveries; a bounded pool makes the attempts, at most one per endpoint at a
 * time (only an endpoint's oldest pending delivery is ever due), so a slow or dead
 * endpoint holds one worker at most for one timeout and never the others' deliveries.
 * Every change this node follows wakes the dispatcher, without waiting on the follower's
 * thread, and so does every finished attempt; a poll each second catches what a wake-up
 * missed (another node's retries coming due).
 */
@Component
public class Outbox implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(Outbox.class);

	private static final int WORKERS = 8;

	private static final Duration POLL = Duration.ofSeconds(1);

	private final Planner planner;

	private final Deliveries deliveries;

	private final Endpoints endpoints;

	private final Bodies bodies;

	private final Sender sender;

	private final Clock clock;

	private final Subscriptions subscriptions;

	private final Hub hub;

	private final Map<Result, Counter> results;

	private final Map<Result, Counter> distributions;

	private final Semaphore free = new Semaphore(WORKERS);

	private final AtomicBoolean woken = new AtomicBoolean();

	private volatile ScheduledExecutorService dispatcher;

	private volatile ExecutorService workers;

	private volatile boolean running;

	Outbox(Planner planner, Deliveries deliveries, Endpoints endpoints, Subscriptions subscriptions, Hub hub,
			Bodies bodies, Sender sender, Clock clock, MeterRegistry meters) {
		this.planner = planner;
		this.deliveries = deliveries;
		this.endpoints = endpoints;
		this.subscriptions = subscriptions;
		this.hub = hub;
		this.bodies = bodies;
		this.sender = sender;
		this.clock = clock;
		NodeMetrics metrics = new NodeMetrics(meters, "push")
			.gauge("outbox.depth", "Webhook deliveries waiting to be made, on every node", deliveries,
					Deliveries::depth)
			.gauge("outbox.oldest.age", "Seconds since the oldest waiting webhook delivery was made", deliveries,
					Deliveries::oldestAge);
		this.results = metrics.counters("deliveries", "Webhook delivery attempts this node made, by result",
				Result.class);
		this.distributions = new NodeMetrics(meters, "websub")
			.gauge("outbox.depth", "WebSub distributions waiting to be made, on every node", deliveries,
					Deliveries::hubDepth)
			.counters("deliveries", "WebSub distribution attempts this node made, by result", Result.class);
	}

	@EventListener
	void on(ChangeObserved change) {
		wake();
	}

	/** Asks the dispatcher for a round; wake-ups while one is asked for are one. */
	public void wake() {
		ScheduledExecutorService executor = this.dispatcher;
		if (this.running && executor != null && this.woken.compareAndSet(false, true)) {
			try {
				executor.execute(this::round);
			}
			catch (RejectedExecutionException ex) {
				// Stopping.
			}
		}
	}

	/** Runs on the dispatcher thread only. */
	private void round() {
		this.woken.set(false);
		try {
			while (this.planner.planBatch() > 0 && this.running) {
				// A whole batch: more may wait.
			}
			int slots = this.free.availablePermits();
			if (slots == 0) {
				return;
			}
			for (Delivery delivery : this.deliveries.take(slots)) {
				this.free.acquireUninterruptibly();
				this.workers.execute(() -> {
					try {
						attempt(delivery);
					}
					finally {
						this.free.release();
						wake();
					}
				});
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Push round failed: {}", ex.toString());
		}
	}

	/**
	 * Takes what is due and attempts it on the calling thread, for tests that set the
	 * clock.
	 * @return the deliveries attempted
	 */
	List<Delivery> attemptDue() {
		List<Delivery> due = this.deliveries.take(WORKERS);
		due.forEach(this::attempt);
		return due;
	}

	void attempt(Delivery delivery) {
		if (delivery.subscriptionId() != null) {
			this.subscriptions.find(delivery.subscriptionId())
				.ifPresent((subscription) -> distribute(delivery, subscription));
			return;
		}
		Optional<Endpoint> found = this.endpoints.find(delivery.endpointId());
		if (found.isEmpty()) {
			return;
		}
		Endpoint endpoint = found.get();
		Answer answer = attempt(endpoint::toString, () -> {
			Instant now = this.clock.instant();
			Bodies.Body body = this.bodies.of(delivery, endpoint.clientId(), endpoint.format(), now);
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("Content-Type", body.contentType());
			headers.put("webhook-id", delivery.messageId());
			headers.put("webhook-timestamp", Long.toString(now.getEpochSecond()));
			headers.put("webhook-signature", Signatures.header(delivery.messageId(), now.getEpochSecond(), body.bytes(),
					endpoint.liveSecrets(now)));
			return this.sender.post(endpoint.url(), headers, body.bytes());
		});
		record(delivery, answer, this.results, (state, reason) -> this.endpoints.stop(endpoint.id(), state, reason));
	}

	private void distribute(Delivery delivery, Subscription subscription) {
		if (!subscription.leased(this.clock.instant())) {
			// Nothing the subscriber did wrong: nothing to retry, nothing to stop.
			this.deliveries.failed(delivery, Answer.none("Lease ended at " + subscription.leaseUntil()));
			return;
		}
		record(delivery, attempt(subscription::toString, () -> this.hub.distribute(subscription)), this.distributions,
				(state, reason) -> this.subscriptions.stop(subscription.id(), state, reason));
	}

	private static Answer attempt(Supplier<String> target, Supplier<Answer> send) {
		try {
			return send.get();
		}
		catch (RuntimeException ex) {
			logger.debug("Not sent to {}", target.get(), ex);
			return Answer.none("Not sent: " + ex.getMessage());
		}
	}

	/**
	 * Records an attempt's answer on its delivery; a 410, or retries running out, stop
	 * the endpoint or subscription through {@code stop(state, reason)}.
	 */
	private void record(Delivery delivery, Answer answer, Map<Result, Counter> counters,
			BiConsumer<String, String> stop) {
		Instant now = this.clock.instant();
		if (answer.delivered()) {
			this.deliveries.delivered(delivery, answer);
			counters.get(Result.DELIVERED).increment();
		}
		else if (answer.gone()) {
			this.deliveries.failed(delivery, answer);
			stop.accept("DISABLED", "Answered 410 Gone at " + now);
			counters.get(Result.GONE).increment();
		}
		else {
			Instant first = (delivery.firstAttemptAt() != null) ? delivery.firstAttemptAt() : now;
			Optional<Instant> next = RetrySchedule.next(delivery.attempts(), first, now, answer.retryAfter());
			if (next.isPresent()) {
				this.deliveries.retry(delivery, answer, next.get());
				counters.get(Result.RETRY).increment();
			}
			else {
				this.deliveries.failed(delivery, answer);
				stop.accept("FAILING",
						Answer.clip("No delivery for " + RetrySchedule.GIVE_UP_AFTER.toDays() + " days; last answer: "
								+ ((answer.status() != 0) ? answer.status() + " " : "") + answer.text()));
				counters.get(Result.FAILED).increment();
			}
		}
	}

	@Override
	public void start() {
		this.dispatcher = Executors.newSingleThreadScheduledExecutor((task) -> daemon(task, "push-dispatcher"));
		this.workers = Executors.newFixedThreadPool(WORKERS, (task) -> daemon(task, "push-worker"));
		this.running = true;
		this.dispatcher.scheduleWithFixedDelay(this::wake, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	@Override
	public void stop() {
		this.running = false;
		BackgroundWork.stop(this.dispatcher);
		BackgroundWork.stop(this.workers);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** What an attempt came to, as the metrics count it. */
	enum Result {

		DELIVERED, RETRY, GONE, FAILED

	}

}
