package org.newswire;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The clock of every test context ({@link SettableClockConfiguration}): the application's
 * own clock, except while a block of work is run as if at another instant. Tests backdate
 * work this way, through the real publishing rules rather than around them, instead of
 * racing time. The pin belongs to the calling thread only, so requests served meanwhile
 * still see the application's time.
 */
public final class SettableClock extends Clock {

	private final Clock time;

	private final ZoneId zone;

	/** Shared by every zone view of this clock, so a pin holds whatever zone is asked. */
	private final ThreadLocal<Instant> pinned;

	/**
	 * A clock telling system time when not pinned.
	 */
	public SettableClock() {
		this(Clock.systemUTC());
	}

	/**
	 * A clock telling the time of {@code time} when not pinned: the application's own, so
	 * that demo content replayed in a test context is backdated as on a running portal.
	 */
	public SettableClock(Clock time) {
		this(time, ZoneOffset.UTC, new ThreadLocal<>());
	}

	private SettableClock(Clock time, ZoneId zone, ThreadLocal<Instant> pinned) {
		this.time = time;
		this.zone = zone;
		this.pinned = pinned;
	}

	/**
	 * Runs the work on this thread with the clock standing still at {@code instant}.
	 */
	public void runAt(Instant instant, Runnable work) {
		callAt(instant, () -> {
			work.run();
			return null;
		});
	}

	/**
	 * Runs the work on this thread with the clock standing still at {@code instant} and
	 * returns its result. Calls nest: the outer pin comes back afterwards.
	 */
	public <T> T callAt(Instant instant, Supplier<T> work) {
		Objects.requireNonNull(instant, "instant");
		Instant outer = this.pinned.get();
		this.pinned.set(instant);
		try {
			return work.get();
		}
		finally {
			if (outer != null) {
				this.pinned.set(outer);
			}
			else {
				this.pinned.remove();
			}
		}
	}

	@Override
	public Instant instant() {
		Instant at = this.pinned.get();
		return (at != null) ? at : this.time.instant();
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return zone.equals(this.zone) ? this : new SettableClock(this.time, zone, this.pinned);
	}

}
