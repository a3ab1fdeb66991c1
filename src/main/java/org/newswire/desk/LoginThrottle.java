package org.newswire.desk;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.newswire.NewswireProperties;

import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per client address within a window. Counts live
 * in memory: a restart forgets them, which only gives an attacker a fresh window, never
 * an account.
 */
@Component
class LoginThrottle {

	private static final int MAX_KEY_LENGTH = 100;

	private final Cache<String, AtomicInteger> byAccount;

	private final Cache<String, AtomicInteger> byAddress;

	private final int maxPerAccount;

	private final int maxPerAddress;

	LoginThrottle(NewswireProperties properties) {
		this.maxPerAccount = properties.login().maxFailuresPerAccount();
		this.maxPerAddress = properties.login().maxFailuresPerAddress();
		Duration window = properties.login().failureWindow();
		// The window runs from the first failure: counters are created, never rewritten.
		this.byAccount = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
		this.byAddress = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
	}

	boolean isBlocked(String username, String address) {
		return count(this.byAccount, key(username)) >= this.maxPerAccount
				|| count(this.byAddress, key(address)) >= this.maxPerAddress;
	}

	void failed(String username, String address) {
		this.byAccount.get(key(username), (k) -> new AtomicInteger()).incrementAndGet();
		this.byAddress.get(key(address), (k) -> new AtomicInteger()).incrementAndGet();
	}

	/**
	 * Clears the account's count. The address keeps its count, so one valid account
	 * cannot be used to reset guessing at others from the same address.
	 */
	void succeeded(String username) {
		this.byAccount.invalidate(key(username));
	}

	private static int count(Cache<String, AtomicInteger> cache, String key) {
		AtomicInteger count = cache.getIfPresent(key);
		return (count != null) ? count.get() : 0;
	}

	private static String key(String value) {
		String key = (value != null) ? value.strip().toLowerCase(Locale.ROOT) : "";
		return (key.length() > MAX_KEY_LENGTH) ? key.substring(0, MAX_KEY_LENGTH) : key;
	}

}
