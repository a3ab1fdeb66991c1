package org.newswire.push;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures as Standard Webhooks defines them: {@code v1,} and the base64 HMAC-SHA256 of
 * {@code id.timestamp.body} under the key a {@code whsec_} secret encodes; during a
 * rotation one signature per live secret, separated by spaces, so a receiver holding
 * either secret accepts the message.
 */
final class Signatures {

	static final String PREFIX = "whsec_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Signatures() {
	}

	/** A new secret: 32 random bytes, within the 24 to 64 the spec asks for. */
	static String newSecret() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return PREFIX + Base64.getEncoder().encodeToString(key);
	}

	/**
	 * The {@code webhook-signature} header for a message.
	 * @param secrets the live secrets, newest first
	 */
	static String header(String id, long timestamp, byte[] body, List<String> secrets) {
		return secrets.stream()
			.map((secret) -> "v1," + sign(id, timestamp, body, secret))
			.collect(Collectors.joining(" "));
	}

	private static String sign(String id, long timestamp, byte[] body, String secret) {
		return Base64.getEncoder()
			.encodeToString(hmac(key(secret), (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body));
	}

	/**
	 * WebSub's {@code X-Hub-Signature} header: {@code sha256=} and the hex HMAC-SHA256 of
	 * the body under the subscriber's {@code hub.secret}.
	 */
	static String hub(String secret, byte[] body) {
		return "sha256=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
	}

	private static byte[] hmac(byte[] key, byte[]... parts) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			for (byte[] part : parts) {
				mac.update(part);
			}
			return mac.doFinal();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JRE", ex);
		}
	}

	private static byte[] key(String secret) {
		if (!secret.startsWith(PREFIX)) {
			throw new IllegalArgumentException("Not a webhook secret");
		}
		return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
	}

}
