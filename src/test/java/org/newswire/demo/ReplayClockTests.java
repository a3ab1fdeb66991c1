package org.newswire.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ReplayClockTests {

	private static final Instant MONDAY = Instant.parse("2026-11-23T09:30:00Z");

	private final ReplayClock clock = new ReplayClock();

	@Test
	void tellsSystemTimeInUtcOutsideAStep() {
		Instant before = Instant.now();
		assertThat(this.clock.instant()).isBetween(before, Instant.now());
		assertThat(this.clock.getZone()).isEqualTo(ZoneId.of("Z"));
	}

	@Test
	void startsAStepAtItsTimeAndKeepsMoving() throws Exception {
		this.clock.replayAt(MONDAY, () -> {
			Instant start = this.clock.instant();
			assertThat(Duration.between(MONDAY, start)).isBetween(Duration.ZERO, Duration.ofSeconds(5));
			sleep();
			assertThat(this.clock.instant()).isAfter(start);
		});
		assertThat(Duration.between(this.clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void isExactAgainWhenAStepFails() {
		assertThatIllegalStateException().isThrownBy(() -> this.clock.replayAt(MONDAY, () -> {
			throw new IllegalStateException("publishing failed");
		}));
		assertThat(Duration.between(this.clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void zoneViewsAreSetBackTogether() {
		Clock newYork = this.clock.withZone(ZoneId.of("America/New_York"));
		this.clock.replayAt(MONDAY,
				() -> assertThat(Duration.between(MONDAY, newYork.instant())).isLessThan(Duration.ofSeconds(5)));
		assertThat(newYork.getZone()).isEqualTo(ZoneId.of("America/New_York"));
	}

	private static void sleep() {
		try {
			Thread.sleep(5);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
