package org.newswire;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * A node's own job that runs again and again on a daemon thread of its own while the node
 * runs, stopped as {@link BackgroundWork} stops work. A failed run is logged and the next
 * one tries again: each job's work is safe to repeat, on any node.
 */
public abstract class PeriodicJob implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(PeriodicJob.class);

	private final String name;

	private final Duration every;

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

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, this.name);
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.every.toMillis();
		started.scheduleWithFixedDelay(this::runLogged, millis, millis, TimeUnit.MILLISECONDS);
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
