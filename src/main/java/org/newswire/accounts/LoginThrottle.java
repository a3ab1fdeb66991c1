package org.newswire.accounts;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.newswire.NewswireProperties;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Bounds password guessing without handing attackers a lock-out, after OWASP's device
 * cookies: an attempt from a browser that has signed in to the account before counts
 * against that browser alone; other attempts share the account's count; every attempt
 * also counts against its client address.
 * <p>
 * Counts live in the database so that all nodes count the same attempts. An attempt takes
 * its place in every count before the password is checked, in one conditional update per
 * count, so parallel guesses cannot slip past the limit while the first ones are checked;
 * a successful sign-in gives its places back.
 */
@Component
class LoginThrottle {

	private static final String ACCOUNT = "account:";

	private static final String DEVICE = "device:";

	private static final String ADDRESS = "address:";

	/** Longer names than any account could have count as their first characters. */
	private static final int MAX_KEY_VALUE = 200;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final NewswireProperties.Login settings;

	private final AtomicReference<Instant> lastPruned = new AtomicReference<>(Instant.EPOCH);

	LoginThrottle(JdbcTemplate jdbc, Clock clock, NewswireProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = properties.login();
	}

	/**
	 * Counts an attempt to sign in, unless one of its counts is at its limit.
	 * @param username the canonical user name
	 * @param address the client address
	 * @param device the nonce of a device cookie valid for this account, or {@code null}
	 * @return the counts the attempt took a place in, or empty if it is refused
	 */
	Optional<Attempt> admit(String username, String address, String device) {
		Instant now = this.clock.instant();
		pruneNowAndThen(now);
		List<String> admitted = new ArrayList<>(2);
		for (String key : List.of(ADDRESS + truncated(address),
				(device != null) ? DEVICE + device : ACCOUNT + truncated(username))) {
			if (!take(key, limit(key), now)) {
				admitted.forEach(this::giveBack);
				return Optional.empty();
			}
			admitted.add(key);
		}
		return Optional.of(new Attempt(admitted));
	}

	/**
	 * The password was right: the attempt was no failure. The account's (or device's)
	 * count starts again; the address keeps what it had, so one valid account cannot be
	 * used to reset guessing at others from the same address.
	 */
	void succeeded(Attempt attempt) {
		for (String key : attempt.keys()) {
			if (key.startsWith(ADDRESS)) {
				giveBack(key);
			}
			else {
				this.jdbc.update("delete from sign_in_counter where counter_key = ?", key);
			}
		}
	}

	private boolean take(String key, int limit, Instant now) {
		OffsetDateTime start = at(now);
		OffsetDateTime cutoff = at(now.minus(this.settings.failureWindow()));
		try {
			this.jdbc.update(
					"insert into sign_in_counter (counter_key, failures, window_start) select ?, 0, ? "
							+ "where not exists (select 1 from sign_in_counter where counter_key = ?)",
					key, start, key);
		}
		catch (DuplicateKeyException ex) {
			// Another attempt created the row just now: count in it.
		}
		// A window that has passed starts again at this attempt.
		return this.jdbc.update(
				"update sign_in_counter set " + "failures = case when window_start < ? then 1 else failures + 1 end, "
						+ "window_start = case when window_start < ? then ? else window_start end "
						+ "where counter_key = ? and (window_start < ? or failures < ?)",
				cutoff, cutoff, start, key, cutoff, limit) == 1;
	}

	private void giveBack(String key) {
		this.jdbc.update("update sign_in_counter set failures = case when failures > 0 then failures - 1 else 0 end "
				+ "where counter_key = ?", key);
	}

	private int limit(String key) {
		return key.startsWith(ADDRESS) ? this.settings.maxFailuresPerAddress() : this.settings.maxFailuresPerAccount();
	}

	/**
	 * Drops counts whose window has passed, at most ten times a window per node.
	 */
	private void pruneNowAndThen(Instant now) {
		Instant last = this.lastPruned.get();
		if (now.isAfter(last.plus(this.settings.failureWindow().dividedBy(10)))
				&& this.lastPruned.compareAndSet(last, now)) {
			this.jdbc.update("delete from sign_in_counter where window_start < ?",
					at(now.minus(this.settings.failureWindow())));
		}
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static String truncated(String value) {
		String key = (value != null) ? value : "";
		return (key.length() > MAX_KEY_VALUE) ? key.substring(0, MAX_KEY_VALUE) : key;
	}

	/**
	 * The counts one sign-in attempt took a place in.
	 */
	record Attempt(List<String> keys) {
	}

}
