package org.newswire.article;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;

import org.newswire.BackgroundWork;
import org.newswire.NewswireProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * Releases what waits for a time: stories whose embargo lifts and scheduled writethrus.
 * Every node runs it, polling at {@code newswire.release.poll} (250 ms), so a release is
 * at most that late and survives any node going down; each release locks its story's row
 * and reads its state again under the lock, so however many nodes find it due, it happens
 * once. Times come from the portal's clock: tests pin it and call {@link #releaseDue()}
 * instead of waiting.
 */
@Component
public class ReleaseJob implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ReleaseJob.class);

	/** At most this many of each kind per run; the next run takes the rest at once. */
	private static final int BATCH = 100;

	private final ArticleService articles;

	private final ScheduledWritethrus scheduled;

	private final long pollMillis;

	private volatile ScheduledExecutorService executor;

	ReleaseJob(ArticleService articles, ScheduledWritethrus scheduled, NewswireProperties properties) {
		this.articles = articles;
		this.scheduled = scheduled;
		this.pollMillis = properties.release().poll().toMillis();
	}

	/**
	 * Releases everything due at the clock's time, each in its own transaction.
	 * @return how many this call released (those another node released are not counted)
	 */
	public int releaseDue() {
		int released = releaseEach("embargoed article", this.articles.dueEmbargoes(BATCH),
				this.articles::releaseEmbargo);
		return released + releaseEach("scheduled writethru", this.scheduled.due(BATCH), this.scheduled::release);
	}

	private static int releaseEach(String what, List<Long> due, LongPredicate release) {
		int released = 0;
		for (long id : due) {
			try {
				if (release.test(id)) {
					released++;
				}
			}
			catch (ConcurrencyFailureException ex) {
				// Another node settled it between our reading and our lock.
				logger.debug("Release of {} {} lost a race: {}", what, id, ex.getMessage());
			}
			catch (RuntimeException ex) {
				// One failure must not hold up the others; the next run tries it again.
				logger.error("Could not release {} {}", what, id, ex);
			}
		}
		return released;
	}

	private void run() {
		try {
			releaseDue();
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
