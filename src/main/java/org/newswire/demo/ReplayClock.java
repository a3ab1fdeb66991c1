package org.newswire.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The application's clock when demo content is on, in place of the system clock: system
 * UTC, except while {@link DemoContent} replays one step of its script, when it runs as
 * far behind as that step is old. It exists so the demo can file its stories hours and
 * days ago through the real publishing rules, which label, sequence and time them from
 * the one clock every module receives, instead of writing rows around those rules.
 * <p>
 * It cannot affect a running portal. Only {@link DemoContent} can set it back, one step
 * at a time, and it is exact again when the step ends, whether or not the step failed.
 * The demo replays only as a start-up step, which {@code StartupGate} runs before the
 * public port opens and before the release job and the live ticker start, inside the
 * start-up transaction: no reader request is served meanwhile, and no other thread sees
 * what the replay writes before it is done. And demo content is never on in production:
 * the {@code postgres} profile turns it off, and with it off the clock is
 * {@link Clock#systemUTC()}.
 */
@Component("clock")
@ConditionalOnBooleanProperty("newswire.demo.enabled")
final class ReplayClock extends Clock {

	private final ZoneId zone;

	/** Shared by every zone view of this clock, so a step sets them all back. */
	private final AtomicReference<Duration> behind;

	ReplayClock() {
		this(ZoneOffset.UTC, new AtomicReference<>(Duration.ZERO));
	}

	private ReplayClock(ZoneId zone, AtomicReference<Duration> behind) {
		this.zone = zone;
		this.behind = behind;
	}

	/**
	 * Runs one step of the script with the clock starting at {@code at}. It keeps moving
	 * meanwhile, so time measured within the step stays true.
	 */
	void replayAt(Instant at, Runnable step) {
		this.behind.set(Duration.between(at, Instant.now()));
		try {
			step.run();
		}
		finally {
			this.behind.set(Duration.ZERO);
		}
	}

	@Override
	public Instant instant() {
		return Instant.now().minus(this.behind.get());
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return zone.equals(this.zone) ? this : new ReplayClock(zone, this.behind);
	}

}
