package org.newswire.search;

/**
 * A run of a search result's text; {@code match} runs are what the reader searched for.
 */
record Highlight(String text, boolean match) {

	static Highlight plain(String text) {
		return new Highlight(text, false);
	}

}
