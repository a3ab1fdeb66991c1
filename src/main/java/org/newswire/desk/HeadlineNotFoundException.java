package org.newswire.desk;

/**
 * No standing ticker headline has this id; answered with a 404 page.
 */
class HeadlineNotFoundException extends RuntimeException {

	HeadlineNotFoundException(long id) {
		super("No standing headline " + id);
	}

}
