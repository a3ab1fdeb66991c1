package org.newswire.push;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An endpoint id that names no endpoint (of that client): the desk answers 404.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class EndpointNotFoundException extends RuntimeException {

	EndpointNotFoundException(long endpointId) {
		super("No webhook endpoint " + endpointId);
	}

}
