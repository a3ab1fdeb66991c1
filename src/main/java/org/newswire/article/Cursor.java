package org.newswire.article;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A keyset position in a newest-first listing: the (updated time, id) of the last article
 * shown. Its text form travels in "older stories" links.
 */
public record Cursor(Instant updatedAt, long id) {

	private static final char SEPARATOR = '~';

	/** Sorts after every real article: the first page of a listing. */
	static final Cursor NEWEST = new Cursor(Instant.parse("9999-12-31T00:00:00Z"), Long.MAX_VALUE);

	public static Cursor after(ArticleSummary last) {
		return new Cursor(last.updatedAt(), last.id());
	}

	/**
	 * @throws IllegalArgumentException when the text is not a cursor this class wrote
	 */
	public static Cursor parse(String text) {
		int at = (text != null) ? text.lastIndexOf(SEPARATOR) : -1;
		if (at <= 0 || text.length() > 80) {
			throw new IllegalArgumentException("Not a listing position: " + text);
		}
		try {
			return new Cursor(Instant.parse(text.substring(0, at)), Long.parseLong(text.substring(at + 1)));
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			throw new IllegalArgumentException("Not a listing position: " + text, ex);
		}
	}

	@Override
	public String toString() {
		return this.updatedAt.toString() + SEPARATOR + this.id;
	}

}
