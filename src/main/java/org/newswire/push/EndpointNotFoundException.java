package org.newswire.push;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A client or endpoint id that names none (or an endpoint of another client): the desk
 * answers 404.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class EndpointNotFoundException extends RuntimeException {

	public EndpointNotFoundException(long id) {
		super("No such client or webhook endpoint: " + id);
	}

}
