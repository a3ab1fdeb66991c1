package org.newswire.wire;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.newswire.wire.Cursors.Position;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The feed's cursors round-trip, and anything not signed by this database's secret is
 * refused as an invalid cursor.
 */
class CursorsTests {

	private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();

	@Test
	void aCursorNamesTheEraAndChangeItWasMadeFor() {
		Position position = new Position(7_000_000_001L, 4242);

		String cursor = Cursors.encode(position, SECRET);

		assertThat(cursor).matches("[0-9a-f]+");
		assertThat(Cursors.decode(cursor, SECRET)).isEqualTo(position);
	}

	@Test
	void aCursorWithAnyByteChangedIsRefused() {
		byte[] bytes = HexFormat.of().parseHex(Cursors.encode(new Position(1, 10), SECRET));
		for (int i = 0; i < bytes.length; i++) {
			byte[] tampered = bytes.clone();
			tampered[i] ^= 1;
			String forged = HexFormat.of().formatHex(tampered);
			assertThatThrownBy(() -> Cursors.decode(forged, SECRET)).isInstanceOf(WireProblem.class)
				.hasMessageStartingWith("The cursor was not issued by this feed");
		}
	}

	@Test
	void aCursorSignedWithAnotherSecretIsRefused() {
		String other = Cursors.encode(new Position(1, 10), "another secret of another feed..".getBytes());

		assertThatThrownBy(() -> Cursors.decode(other, SECRET)).isInstanceOf(WireProblem.class);
	}

	@Test
	void textThatIsNoCursorIsRefused() {
		for (String junk : new String[] { "", "abc", "!!!!", "a".repeat(66), "zz".repeat(33), "%00" }) {
			assertThatThrownBy(() -> Cursors.decode(junk, SECRET)).isInstanceOf(WireProblem.class);
		}
	}

}
