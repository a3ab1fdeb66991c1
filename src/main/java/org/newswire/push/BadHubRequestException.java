package org.newswire.push;

import org.springframework.http.HttpStatus;

/**
 * A WebSub request the hub refuses, with a message for the subscriber: 400 for a request
 * that is wrong, 503 when the hub cannot take more for now.
 */
class BadHubRequestException extends RuntimeException {

	private final HttpStatus status;

	BadHubRequestException(String message) {
		this(HttpStatus.BAD_REQUEST, message);
	}

	BadHubRequestException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	HttpStatus status() {
		return this.status;
	}

}
