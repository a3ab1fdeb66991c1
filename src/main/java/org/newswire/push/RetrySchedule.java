package org.newswire.push;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a delivery that failed is tried again: 5 s, 5 min, 30 min, 2 h, 5 h and 10 h after
 * the attempts that failed, then every 10 h, for at most three days from its first
 * attempt; after that the endpoint is marked failing.
 */
final class RetrySchedule {

	static final List<Duration> DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
			Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10));

	static final Duration GIVE_UP_AFTER = Duration.ofDays(3);

	private RetrySchedule() {
	}

	/**
	 * @param attempts the attempts made so far, the one that just failed included
	 * @param retryAfter what a 429 or 503 answer asked for, or {@code null}
	 * @return when to try again, or empty when it is time to give up
	 */
	static Optional<Instant> next(int attempts, Instant firstAttempt, Instant now, Duration retryAfter) {
		Duration delay = (retryAfter != null) ? retryAfter : DELAYS.get(Math.min(attempts, DELAYS.size()) - 1);
		Instant next = now.plus(delay);
		return next.isAfter(firstAttempt.plus(GIVE_UP_AFTER)) ? Optional.empty() : Optional.of(next);
	}

}
