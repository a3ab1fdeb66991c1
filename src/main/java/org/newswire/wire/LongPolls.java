package org.newswire.wire;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.newswire.BackgroundWork;
import org.newswire.NewswireProperties;
import org.newswire.NodeMetrics;
import org.newswire.change.ChangeFollower;
import org.newswire.change.ChangeObserved;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Feed requests waiting for a change, held without a servlet thread (the controller
 * answers with a {@code DeferredResult}). The change follower's thread only picks out the
 * waiters a change may concern, by section and embargo entitlement; their pages are read
 * again on this component's own threads, so a slow database never holds the follower. A
 * waiter whose page is still empty (its urgency filter passed nothing) waits again from
 * where that read stopped.
 * <p>
 * A node holds at most {@code newswire.wire.max-long-polls} waiters; beyond them a
 * request is answered at once with its (empty) page, as if its wait had timed out.
 */
@Component
class LongPolls implements SmartLifecycle {

	private final Set<Waiter> waiting = ConcurrentHashMap.newKeySet();

	private final AtomicInteger count = new AtomicInteger();

	private final ChangeFollower follower;

	private final int max;

	private final Map<Outcome, Counter> outcomes;

	private volatile ExecutorService workers;

	LongPolls(ChangeFollower follower, NewswireProperties properties, MeterRegistry meters) {
		this.follower = follower;
		this.max = properties.wire().maxLongPolls();
		NodeMetrics metrics = new NodeMetrics(meters, "wire").gauge("long-polls",
				"Feed requests waiting for a change on this node", this.count, AtomicInteger::get);
		this.outcomes = metrics.counters("long-poll.outcomes", "How feed requests that waited for a change ended",
				Outcome.class);
	}

	/**
	 * What became of a wait.
	 */
	enum Outcome {

		/** A change it wanted arrived. */
		CHANGE,

		/** Nothing it wanted arrived in time: it was answered with an empty page. */
		TIMEOUT,

		/** The node held its maximum of waiters: answered at once. */
		NODE_LIMIT

	}

	/**
	 * One waiting request: {@code after} is where its last read stopped.
	 */
	interface Waiter {

		long after();

		FeedQuery query();

		/**
		 * Reads its page again (on a worker thread).
		 * @return whether it was answered; if not, it waits again
		 */
		boolean retry();

	}

	/**
	 * @return {@code false} when the node holds its maximum of waiters
	 */
	boolean add(Waiter waiter) {
		if (this.count.incrementAndGet() > this.max) {
			this.count.decrementAndGet();
			this.outcomes.get(Outcome.NODE_LIMIT).increment();
			return false;
		}
		this.waiting.add(waiter);
		// A change followed between the waiter's read and now woke nobody.
		if (this.follower.lastSeen() > waiter.after()) {
			wake(waiter);
		}
		return true;
	}

	/**
	 * Its wait ended without a change: it is answered by its caller.
	 */
	void timedOut(Waiter waiter) {
		if (remove(waiter)) {
			this.outcomes.get(Outcome.TIMEOUT).increment();
		}
	}

	/**
	 * Its request ended, answered or not (a client that went away).
	 */
	void forget(Waiter waiter) {
		remove(waiter);
	}

	@EventListener
	void on(ChangeObserved change) {
		for (Waiter waiter : this.waiting) {
			if (change.id() > waiter.after() && waiter.query().mayWant(change)) {
				wake(waiter);
			}
		}
	}

	private void wake(Waiter waiter) {
		ExecutorService running = this.workers;
		if (running == null || !remove(waiter)) {
			return;
		}
		try {
			running.execute(() -> {
				if (waiter.retry()) {
					this.outcomes.get(Outcome.CHANGE).increment();
				}
				else {
					add(waiter);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// Stopping: the wait times out.
		}
	}

	private boolean remove(Waiter waiter) {
		if (this.waiting.remove(waiter)) {
			this.count.decrementAndGet();
			return true;
		}
		return false;
	}

	@Override
	public void start() {
		AtomicInteger threads = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "wire-long-poll-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public void stop() {
		ExecutorService running = this.workers;
		this.workers = null;
		if (running != null) {
			BackgroundWork.stop(running);
		}
	}

	@Override
	public boolean isRunning() {
		return this.workers != null;
	}

}
