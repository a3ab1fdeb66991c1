package org.newswire.photo;

/**
 * An upload the library does not take; the message says why, for the editor.
 */
public class PhotoRefusedException extends RuntimeException {

	public PhotoRefusedException(String message) {
		super(message);
	}

}
