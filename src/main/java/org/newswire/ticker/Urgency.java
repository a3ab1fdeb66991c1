package org.newswire.ticker;

/**
 * Wire urgency, 1 (highest) to 8.
 */
public enum Urgency {

	FLASH, BULLETIN, URGENT, ROUTINE, DAILY, RELEASE_AT_WILL, WEEKDAY_ADVANCE, WEEKEND_ADVANCE;

	public static final int HIGHEST = 1;

	public static final int LOWEST = 8;

	public int level() {
		return ordinal() + 1;
	}

	/**
	 * @throws IllegalArgumentException outside 1..8
	 */
	public static Urgency of(int level) {
		if (level < HIGHEST || level > LOWEST) {
			throw new IllegalArgumentException("Urgency runs from 1 to 8, not " + level);
		}
		return values()[level - 1];
	}

	/**
	 * Flash and Bulletin are marked as such on the ticker.
	 */
	public boolean isMarked() {
		return this == FLASH || this == BULLETIN;
	}

	/**
	 * "Flash", "Release at will".
	 */
	public String displayName() {
		String words = name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
