package org.newswire.wire;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.newswire.clients.WireClient;

import org.springframework.stereotype.Component;

/**
 * Feed lag per client, {@code newswire.wire.feed.lag{client="<id>"}}: from the commit of
 * the newest change an answer delivers to the answer, so a client that falls behind (or a
 * node slow to wake its long polls) shows as a rising figure. Tagged by the client's id,
 * which, unlike its name, never changes.
 */
@Component
class FeedLag {

	private final MeterRegistry meters;

	private final Clock clock;

	FeedLag(MeterRegistry meters, Clock clock) {
		this.meters = meters;
		this.clock = clock;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	void delivered(WireClient client, Instant recordedAt) {
		Timer.builder("newswire.wire.feed.lag")
			.description("From the commit of the newest change a feed answer delivers to the answer")
			.tag("client", Long.toString(client.id()))
			.publishPercentiles(0.5, 0.99)
			.register(this.meters)
			.record(max(Duration.between(recordedAt, this.clock.instant()), Duration.ZERO));
	}

}
