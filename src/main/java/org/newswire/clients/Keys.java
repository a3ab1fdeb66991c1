package org.newswire.clients;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form of our keys: {@code nwk_<key id>_<secret>}. The key id (12 characters, 60
 * random bits) is what logs, the desk and {@code /api/v1/account} show; the secret is 256
 * random bits, base64url. Only the SHA-256 of the whole key is stored: a key is random
 * enough that a slow password hash would add nothing, and a fast one keeps every request
 * cheap. The prefix lets secret scanners, and our own refusal of keys in URLs, recognise
 * a key.
 */
final class Keys {

	static final String PREFIX = "nwk_";

	private static final int ID_LENGTH = 12;

	private static final int SECRET_BYTES = 32;

	private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

	private static final Pattern KEY = Pattern.compile("nwk_([a-z2-7]{12})_([A-Za-z0-9_-]{43})");

	/** Anything a client might have pasted as one of our keys, even mangled. */
	private static final Pattern LOOKS_LIKE_KEY = Pattern.compile("nwk_[a-z2-7]{6,}", Pattern.CASE_INSENSITIVE);

	private static final SecureRandom random = new SecureRandom();

	private Keys() {
	}

	static ClientAccounts.IssuedKey generate() {
		StringBuilder id = new StringBuilder(ID_LENGTH);
		for (int i = 0; i < ID_LENGTH; i++) {
			id.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
		}
		byte[] secret = new byte[SECRET_BYTES];
		random.nextBytes(secret);
		String keyId = id.toString();
		return new ClientAccounts.IssuedKey(keyId,
				PREFIX + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
	}

	/**
	 * The key id of a key of our form, or {@code null}.
	 */
	static String keyId(String key) {
		Matcher matcher = KEY.matcher(key);
		return matcher.matches() ? matcher.group(1) : null;
	}

	static boolean looksLikeKey(String text) {
		return LOOKS_LIKE_KEY.matcher(text).find();
	}

	static String hash(String key) {
		return HexFormat.of().formatHex(digest(key));
	}

	/**
	 * Compares in constant time, so the time an answer takes tells nothing of how much of
	 * a guess was right.
	 */
	static boolean matches(String key, String storedHash) {
		return MessageDigest.isEqual(digest(key), HexFormat.of().parseHex(storedHash));
	}

	private static byte[] digest(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
