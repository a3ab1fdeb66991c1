package org.newswire;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * A node's own job that runs again and again on a daemon thread of its own while the node
 * runs, stopped as {@link BackgroundWork} stops work. A failed run is logged and the next
 * one tries again: each job's work is safe to repeat, on any node. A job that reacts to
 * events asks for a run sooner ({@link #runWithin}) or hands its thread a task of its own
 * ({@link #execute}); the regular runs then only catch what the events missed.
 */
public abstract class PeriodicJob implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(PeriodicJob.class);

	/** No run asked for: {@link #soonest} holds this. */
	private static final long NONE = Long.MAX_VALUE;

	private final String name;

	private final Duration every;

	/**
	 * When the soonest run asked for by {@link #runWithin} starts
	 * ({@link System#nanoTime}), so that a burst of events asks for one run, not one
	 * each.
	 */
	private final AtomicLong soonest = new AtomicLong(NONE);

	private volatile ScheduledExecutorService executor;

	/**
	 * @param name its thread's name, and what the log calls it
	 * @param every the pause between the end of one run and the start of the next, and
	 * before the first
	 */
	protected PeriodicJob(String name, Duration every) {
		this.name = name;
		this.every = every;
	}

	/** One run. */
	protected abstract void run();

	private void runLogged() {
		try {
			run();
		}
		catch (RuntimeException ex) {
			logger.warn("{}: this run failed, the next one tries again: {}", this.name, ex.getMessage());
		}
	}

	/**
	 * Makes a run start within {@code delay} (at once when it is not positive), unless
	 * one asked for already starts by then. Nothing happens while the job is stopped.
	 */
	protected final void runWithin(Duration delay) {
		long millis = Math.max(0, delay.toMillis());
		long at = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
		long asked;
		do {
			asked = this.soonest.get();
			if (asked != NONE && asked - at <= 0) {
				return;
			}
		}
		while (!this.soonest.compareAndSet(asked, at));
		boolean scheduled = schedule(() -> {
			// Cleared before the run: an event during it asks for another.
			this.soonest.compareAndSet(at, NONE);
			runLogged();
		}, millis);
		if (!scheduled) {
			this.soonest.compareAndSet(at, NONE);
		}
	}

	/**
	 * Runs a task of the job's own on its thread, between its runs. Nothing happens while
	 * the job is stopped: the regular runs, on this node or another, do the work.
	 */
	protected final void execute(Runnable task) {
		schedule(() -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				logger.warn("{}: a task failed, the next run does its work: {}", this.name, ex.getMessage());
			}
		}, 0);
	}

	private boolean schedule(Runnable task, long delayMillis) {
		ScheduledExecutorService running = this.executor;
		if (running == null) {
			return false;
		}
		try {
			running.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
			return true;
		}
		catch (RejectedExecutionException ex) {
			// Stopping.
			return false;
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, this.name);
			thread.setDaemon(true);
			return thread;
		});
		this.soonest.set(NONE);
		long millis = this.every.toMillis();
		started.scheduleWithFixedDelay(this::runLogged, millis, millis, TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.executor;
		this.executor = null;
		this.soonest.set(NONE);
		if (running != null) {
			BackgroundWork.stop(running);
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
