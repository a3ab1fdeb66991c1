package org.newswire.wire;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The feed's {@code next_page}: the era of the database and the id of the last change
 * record a request scanned, signed with the secret every node shares, written in hex.
 * Opaque to clients, who can neither forge one nor move it; its layout may change with
 * its first byte. Hex rather than base64url: a cursor must never contain what the key
 * filter takes for a key in the query string ({@code nwk_...}), and hex has no {@code _}.
 */
final class Cursors {

	private static final byte LAYOUT = 1;

	private static final int PAYLOAD = 1 + Long.BYTES + Long.BYTES;

	/** A truncated HMAC-SHA256: 128 bits are out of reach of guessing. */
	private static final int MAC = 16;

	private Cursors() {
	}

	/**
	 * @param era the database era it was issued in
	 * @param changeId the last change record scanned: the feed resumes after it
	 */
	record Position(long era, long changeId) {
	}

	static String encode(Position position, byte[] secret) {
		ByteBuffer bytes = ByteBuffer.allocate(PAYLOAD + MAC);
		bytes.put(LAYOUT).putLong(position.era()).putLong(position.changeId());
		bytes.put(mac(Arrays.copyOf(bytes.array(), PAYLOAD), secret));
		return HexFormat.of().formatHex(bytes.array());
	}

	/**
	 * @throws WireProblem 400 for anything but a cursor this database signed
	 */
	static Position decode(String cursor, byte[] secret) {
		byte[] bytes;
		try {
			bytes = HexFormat.of().parseHex(cursor);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
		if (bytes.length != PAYLOAD + MAC || bytes[0] != LAYOUT) {
			throw invalid();
		}
		byte[] payload = Arrays.copyOf(bytes, PAYLOAD);
		if (!MessageDigest.isEqual(mac(payload, secret), Arrays.copyOfRange(bytes, PAYLOAD, bytes.length))) {
			throw invalid();
		}
		ByteBuffer read = ByteBuffer.wrap(payload, 1, PAYLOAD - 1);
		return new Position(read.getLong(), read.getLong());
	}

	private static WireProblem invalid() {
		return WireProblem.badRequest("invalid-cursor", "Invalid cursor",
				"The cursor was not issued by this feed or was altered. Send next_page exactly as received, or "
						+ "restart with since=<ISO-8601 time>.");
	}

	private static byte[] mac(byte[] payload, byte[] secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return Arrays.copyOf(mac.doFinal(payload), MAC);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
