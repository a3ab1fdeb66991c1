package org.newswire.push;

/**
 * A WebSub request the hub refuses, with a message for the subscriber.
 */
class BadHubRequestException extends RuntimeException {

	BadHubRequestException(String message) {
		super(message);
	}

}
