package org.newswire.desk;

/**
 * A request parameter the desk cannot make sense of; answered with a 400 page.
 */
class BadDeskRequestException extends RuntimeException {

	BadDeskRequestException(String message) {
		super(message);
	}

}
