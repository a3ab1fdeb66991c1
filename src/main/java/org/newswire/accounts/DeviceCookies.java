package org.newswire.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.newswire.NewswireProperties;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * OWASP's device cookies: a browser that signed in to an account gets a cookie naming a
 * random nonce and the time it was issued, signed with a server key together with the
 * account's name. An attempt presenting a cookie that is valid for the account it names
 * is counted against that browser alone (see {@link LoginThrottle}). Valid means: signed
 * by us for that account, issued less than {@code newswire.login.device-cookie-lifetime}
 * ago whatever the browser kept, and after an admin last revoked the account's devices
 * (issue 23).
 * <p>
 * The key lives in the database ({@code server_secret}), created by the first node that
 * needs it, so every node of a cluster accepts the cookies of the others and nothing has
 * to be configured; so does the revocation ({@code editor.devices_revoked_at}). Deleting
 * the key's row retires every device cookie at once: their browsers then share the
 * account's count until they sign in again.
 */
@Component
class DeviceCookies {

	static final String NAME = "newswire_device";

	private static final String KEY_NAME = "device-cookie";

	private static final String ALGORITHM = "HmacSHA256";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	/** Milliseconds since the epoch, as the cookie carries its issue time. */
	private static final Pattern ISSUED = Pattern.compile("\\d{1,15}");

	private final JdbcTemplate jdbc;

	private final EditorAccounts accounts;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final Duration lifetime;

	private volatile byte[] key;

	DeviceCookies(JdbcTemplate jdbc, EditorAccounts accounts, Clock clock, NewswireProperties properties) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = clock;
		this.lifetime = properties.login().deviceCookieLifetime();
	}

	/**
	 * The nonce of the request's device cookie if it is valid for this account.
	 * @param username the canonical user name of the attempt
	 */
	Optional<String> trustedDevice(HttpServletRequest request, String username) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (NAME.equals(cookie.getName())) {
				Optional<String> nonce = valid(cookie.getValue(), username);
				if (nonce.isPresent()) {
					return nonce;
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * The cookie's nonce if we signed it for this account, it has not expired and the
	 * account's devices were not revoked since it was issued. The signature comes first:
	 * only a cookie we issued costs a look at the account.
	 */
	private Optional<String> valid(String value, String username) {
		String[] parts = value.split("\\.", -1);
		if (parts.length != 3 || parts[0].isEmpty() || !ISSUED.matcher(parts[1]).matches()
				|| !MessageDigest.isEqual(parts[2].getBytes(StandardCharsets.US_ASCII),
						signature(username, parts[0], parts[1]).getBytes(StandardCharsets.US_ASCII))) {
			return Optional.empty();
		}
		Instant issued = Instant.ofEpochMilli(Long.parseLong(parts[1]));
		if (!issued.plus(this.lifetime).isAfter(this.clock.instant())) {
			return Optional.empty();
		}
		Instant revoked = this.accounts.findByUsername(username).map(Editor::getDevicesRevokedAt).orElse(null);
		return (revoked == null || issued.isAfter(revoked)) ? Optional.of(parts[0]) : Optional.empty();
	}

	/**
	 * Gives the browser a new device cookie for the account it signed in to. It goes only
	 * to the desk, never to scripts or other sites, and only over TLS when the sign-in
	 * came over TLS.
	 */
	void issue(HttpServletRequest request, HttpServletResponse response, String username) {
		byte[] nonce = new byte[16];
		this.random.nextBytes(nonce);
		String id = ENCODER.encodeToString(nonce);
		String issued = Long.toString(this.clock.instant().toEpochMilli());
		ResponseCookie cookie = DeskSecurityConfig
			.deskCookie(NAME, id + "." + issued + "." + signature(username, id, issued), request)
			.maxAge(this.lifetime)
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	private String signature(String username, String nonce, String issued) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(key(), ALGORITHM));
			return ENCODER.encodeToString(
					mac.doFinal((username + "\n" + nonce + "\n" + issued).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", ex);
		}
	}

	private byte[] key() {
		byte[] current = this.key;
		if (current == null) {
			current = Base64.getDecoder().decode(storedOrNewKey());
			this.key = current;
		}
		return current;
	}

	private String storedOrNewKey() {
		byte[] fresh = new byte[32];
		this.random.nextBytes(fresh);
		try {
			this.jdbc.update(
					"insert into server_secret (name, secret) select ?, ? "
							+ "where not exists (select 1 from server_secret where name = ?)",
					KEY_NAME, Base64.getEncoder().encodeToString(fresh), KEY_NAME);
		}
		catch (DuplicateKeyException ex) {
			// Another node stored its key first; everyone uses that one.
		}
		return this.jdbc.queryForObject("select secret from server_secret where name = ?", String.class, KEY_NAME);
	}

}
