package org.newswire;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stops a node's own background threads (the release job, the change follower) so that
 * they are done before Spring closes the database pool: a run already under way finishes,
 * as interrupting it mid-statement or letting it outlive the pool logs an ERROR for work
 * that would simply be done by the next run on some node; no new run starts.
 */
public final class BackgroundWork {

	/** A run takes milliseconds; one still going after this is interrupted. */
	static final Duration GRACE = Duration.ofSeconds(10);

	private BackgroundWork() {
	}

	/**
	 * Lets the run under way finish, at most {@link #GRACE}, and starts no other.
	 */
	public static void stop(ExecutorService executor) {
		executor.shutdown();
		try {
			if (!executor.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
				executor.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			executor.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

}
