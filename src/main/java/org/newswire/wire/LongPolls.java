package org.newswire.wire;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

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
 * again on this component's own threads, so a slow database never holds the follower. The
 * waiters one change wakes share a {@link Round}: most clients wait at the newest change
 * with the same filters, and one read answers them all, where a read each kept the last
 * of 200 waiting behind 199 reads and the requests of those already answered. A waiter
 * whose page is still empty (its urgency filter passed nothing) waits again from where
 * that read stopped.
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
		 * @param round what the waiters woken by the same change share
		 * @return whether it was answered; if not, it waits again
		 */
		boolean retry(Round round);

	}

	/**
	 * What the waiters woken by one change read, by what they asked: a waiter takes what
	 * another that asked the same read, rather than reading it again. A round lives as
	 * long as its waiters' retries, so what it holds is never older than the change that
	 * woke them.
	 */
	static final class Round {

		private final Map<Object, Object> reads = new ConcurrentHashMap<>();

		/**
		 * What was read for this question in this round, read now if nobody did yet (a
		 * waiter asking the same meanwhile waits for that read rather than doing its
		 * own).
		 */
		@SuppressWarnings("unchecked")
		<T> T read(Object question, Supplier<T> read) {
			return (T) this.reads.computeIfAbsent(question, (key) -> read.get());
		}

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
			wake(waiter, new Round());
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
		Round round = new Round();
		for (Waiter waiter : this.waiting) {
			if (change.id() > waiter.after() && waiter.query().mayWant(change)) {
				wake(waiter, round);
			}
		}
	}

	private void wake(Waiter waiter, Round round) {
		ExecutorService running = this.workers;
		if (running == null || !remove(waiter)) {
			return;
		}
		try {
			running.execute(() -> {
				if (waiter.retry(round)) {
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
