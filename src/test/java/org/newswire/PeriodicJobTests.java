package org.newswire;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A job keeps running through failed runs and tasks, runs once for a burst of requests to
 * run soon, and does nothing asked of it while it is stopped.
 */
class PeriodicJobTests {

	private final Job job = new Job();

	@AfterEach
	void stop() {
		this.job.stop();
	}

	@Test
	void aFailedRunIsFollowedByTheNext() {
		this.job.failFirst.set(1);
		this.job.start();
		this.job.soon(Duration.ZERO);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.job.runs.get() == 1);
		this.job.soon(Duration.ZERO);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.job.runs.get() == 2);
		assertThat(this.job.isRunning()).isTrue();
	}

	@Test
	void aBurstOfRequestsToRunSoonMakesOneRun() throws InterruptedException {
		this.job.start();
		for (int i = 0; i < 20; i++) {
			this.job.soon(Duration.ofMillis(200));
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.job.runs.get() >= 1);
		Thread.sleep(300);
		assertThat(this.job.runs.get()).isEqualTo(1);
	}

	@Test
	void aTaskRunsOnTheJobsThreadAndOneThatFailsStopsNothing() throws InterruptedException {
		this.job.start();
		List<String> threads = new CopyOnWriteArrayList<>();
		CountDownLatch done = new CountDownLatch(1);
		this.job.task(() -> {
			throw new IllegalStateException("a task that fails");
		});
		this.job.task(() -> {
			threads.add(Thread.currentThread().getName());
			done.countDown();
		});
		assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(threads).isEqualTo(List.of("test-job"));
	}

	@Test
	void nothingAskedOfAStoppedJobRuns() throws InterruptedException {
		this.job.start();
		this.job.stop();
		AtomicInteger tasks = new AtomicInteger();
		this.job.soon(Duration.ZERO);
		this.job.task(tasks::incrementAndGet);
		Thread.sleep(200);
		assertThat(this.job.runs.get()).isZero();
		assertThat(tasks.get()).isZero();
		assertThat(this.job.isRunning()).isFalse();
	}

	/**
	 * Its regular runs are an hour apart, so every run a test sees is one it asked for.
	 */
	private static final class Job extends PeriodicJob {

		final AtomicInteger runs = new AtomicInteger();

		final AtomicInteger failFirst = new AtomicInteger();

		Job() {
			super("test-job", Duration.ofHours(1));
		}

		@Override
		protected void run() {
			this.runs.incrementAndGet();
			if (this.failFirst.getAndDecrement() > 0) {
				throw new IllegalStateException("a run that fails");
			}
		}

		void soon(Duration delay) {
			runWithin(delay);
		}

		void task(Runnable task) {
			execute(task);
		}

	}

}
