package org.newswire.push;

import java.time.Duration;

/**
 * What a receiver answered to one attempt, or why there was no answer.
 *
 * @param status the HTTP status, 0 when there was none
 * @param text the first kilobyte of the answer's body, or what went wrong
 * @param retryAfter what a 429 or 503 asked for with {@code Retry-After}, else
 * {@code null}
 */
record Answer(int status, String text, Duration retryAfter) {

	static final int MAX_TEXT = 1024;

	static Answer none(String why) {
		return new Answer(0, clip(why), null);
	}

	boolean delivered() {
		return this.status >= 200 && this.status < 300;
	}

	boolean gone() {
		return this.status == 410;
	}

	static String clip(String text) {
		return (text.length() > MAX_TEXT) ? text.substring(0, MAX_TEXT) : text;
	}

}
