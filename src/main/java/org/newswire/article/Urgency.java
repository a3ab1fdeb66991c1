package org.newswire.article;

import java.util.Locale;

/**
 * Wire urgency, 1 (highest) to 8: the one place its levels and names are written.
 * Articles carry it, the ticker shows it, desk forms offer and validate it.
 */
public enum Urgency {

	FLASH, BULLETIN, URGENT, ROUTINE, DAILY, RELEASE_AT_WILL, WEEKDAY_ADVANCE, WEEKEND_ADVANCE;

	/** The level of {@link #FLASH}; a constant so form constraints can name it. */
	public static final int HIGHEST = 1;

	/**
	 * The level of {@link #WEEKEND_ADVANCE}; a constant so form constraints can name it.
	 */
	public static final int LOWEST = 8;

	public int level() {
		return ordinal() + 1;
	}

	/**
	 * @throws IllegalArgumentException outside {@value #HIGHEST}..{@value #LOWEST}
	 */
	public static Urgency of(int level) {
		if (level < HIGHEST || level > LOWEST) {
			throw new IllegalArgumentException("Urgency runs from " + HIGHEST + " to " + LOWEST + ", not " + level);
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
		String words = name().replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
