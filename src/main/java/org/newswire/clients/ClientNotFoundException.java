package org.newswire.clients;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such client, or no such key of that client.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ClientNotFoundException extends RuntimeException {

	ClientNotFoundException(String message) {
		super(message);
	}

}
