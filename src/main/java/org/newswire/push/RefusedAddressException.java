package org.newswire.push;

/**
 * A webhook URL the address rules refuse; the message says why, for the desk and the
 * delivery log.
 */
public class RefusedAddressException extends RuntimeException {

	RefusedAddressException(String message) {
		super(message);
	}

}
