package org.newswire.article.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.newswire.BackgroundWork;
import org.newswire.NewswireProperties;
import org.newswire.article.Publishing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Releases what waits for a time: stories whose embargo lifts and scheduled writethrus.
 * Every node runs it, polling at {@code newswire.release.poll} (250 ms), so a release is
 * at most that late and survives any node going down; each release locks its story's row
 * and reads its state again under the lock, so however many nodes find it due, it happens
 * once. Times come from the portal's clock: tests pin it and call
 * {@link Publishing#releaseDue()} instead of waiting.
 */
@Component
class ReleaseJob implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ReleaseJob.class);

	private final Publishing publishing;

	private final long pollMillis;

	private volatile ScheduledExecutorService executor;

	ReleaseJob(Publishing publishing, NewswireProperties properties) {
		this.publishing = publishing;
		this.pollMillis = properties.release().poll().toMillis();
	}

	private void run() {
		try {
			this.publishing.releaseDue();
		}
		catch (RuntimeException ex) {
			logger.warn("Release job could not look for due work: {}", ex.getMessage());
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "release-job");
			thread.setDaemon(true);
			return thread;
		});
		started.scheduleWithFixedDelay(this::run, this.pollMillis, this.pollMillis, TimeUnit.MILLISECONDS);
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
