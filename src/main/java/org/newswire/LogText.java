package org.newswire;

/**
 * The one way text a client sent (a URL, a user name, a container's message quoting them)
 * is written into a log line: line breaks, direction overrides and other control or
 * invisible characters become {@code ?}, so a client cannot forge or hide log lines, and
 * the text is cut short.
 */
public final class LogText {

	private static final int LOGGED_LENGTH = 120;

	private LogText() {
	}

	public static String loggable(String text) {
		if (text == null) {
			return "";
		}
		String clean = text.replaceAll("[\\p{Cc}\\p{Cf}]", "?");
		return (clean.length() > LOGGED_LENGTH) ? clean.substring(0, LOGGED_LENGTH) + "…" : clean;
	}

}
