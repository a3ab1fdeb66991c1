package org.newswire;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SettableClockTests {

	private static final Instant MONDAY = Instant.parse("2026-11-23T09:30:00Z");

	private static final Instant TUESDAY = Instant.parse("2026-11-24T14:00:00Z");

	private final SettableClock clock = new SettableClock();

	@Test
	void tellsSystemTimeInUtcWhenNotPinned() {
		Instant before = Instant.now();
		Instant told = this.clock.instant();
		assertThat(told).isBetween(before, Instant.now());
		assertThat(this.clock.getZone()).isEqualTo(ZoneId.of("Z"));
	}

	@Test
	void standsStillAtThePinnedInstantForTheBlockOnly() {
		Instant inside = this.clock.callAt(MONDAY, () -> {
			assertThat(this.clock.millis()).isEqualTo(MONDAY.toEpochMilli());
			return this.clock.instant();
		});
		assertThat(inside).isEqualTo(MONDAY);
		assertThat(Duration.between(this.clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void nestedBlocksRestoreTheOuterPin() {
		this.clock.runAt(MONDAY, () -> {
			this.clock.runAt(TUESDAY, () -> assertThat(this.clock.instant()).isEqualTo(TUESDAY));
			assertThat(this.clock.instant()).isEqualTo(MONDAY);
		});
	}

	@Test
	void releasesThePinWhenTheWorkFails() {
		assertThatIllegalStateException().isThrownBy(() -> this.clock.runAt(MONDAY, () -> {
			throw new IllegalStateException("publishing failed");
		}));
		assertThat(this.clock.instant()).isNotEqualTo(MONDAY);
	}

	@Test
	void otherThreadsKeepRealTimeWhileOneIsPinned() {
		Instant seenElsewhere = this.clock.callAt(MONDAY,
				() -> CompletableFuture.supplyAsync(this.clock::instant).join());
		assertThat(seenElsewhere).isAfter(TUESDAY);
	}

	@Test
	void tellsTheTimeOfTheClockItWrapsWhenNotPinned() {
		SettableClock behind = new SettableClock(Clock.fixed(MONDAY, ZoneId.of("Z")));
		assertThat(behind.instant()).isEqualTo(MONDAY);
		behind.runAt(TUESDAY, () -> assertThat(behind.instant()).isEqualTo(TUESDAY));
		assertThat(behind.instant()).isEqualTo(MONDAY);
	}

	@Test
	void zoneViewsShareThePin() {
		Clock newYork = this.clock.withZone(ZoneId.of("America/New_York"));
		this.clock.runAt(MONDAY, () -> assertThat(newYork.instant()).isEqualTo(MONDAY));
		assertThat(newYork.getZone()).isEqualTo(ZoneId.of("America/New_York"));
	}

}
