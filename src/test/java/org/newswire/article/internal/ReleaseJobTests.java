package org.newswire.article.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.newswire.TestProperties;
import org.newswire.article.Publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Stopping the release job lets the run under way finish, uninterrupted, before the stop
 * returns: Spring stops it before it closes the database pool, and a run cut short or
 * outliving the pool logged an ERROR on every SIGTERM that caught one (issue 23).
 */
class ReleaseJobTests {

	@Test
	void stoppingWaitsForTheRunUnderWayWithoutInterruptingIt() throws Exception {
		Publishing publishing = mock(Publishing.class);
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		AtomicBoolean interrupted = new AtomicBoolean();
		given(publishing.releaseDue()).willAnswer((invocation) -> {
			running.countDown();
			try {
				finish.await();
			}
			catch (InterruptedException ex) {
				interrupted.set(true);
			}
			return 0;
		});
		ReleaseJob job = new ReleaseJob(publishing, TestProperties.of("newswire.release.poll", "10ms"));
		job.start();
		assertThat(running.await(5, TimeUnit.SECONDS)).as("a run under way").isTrue();

		CompletableFuture<Void> stop = CompletableFuture.runAsync(job::stop);
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !stop.isDone());
		finish.countDown();
		stop.get(5, TimeUnit.SECONDS);

		assertThat(interrupted).as("the run was interrupted").isFalse();
		assertThat(job.isRunning()).isFalse();
	}

}
