package org.newswire.push;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.newswire.PublicOrigin;
import org.newswire.feed.FeedDocuments;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code POST /websub}: subscribe and unsubscribe requests, form-encoded as WebSub says.
 * Answered 202 Accepted once the request holds together; the callback's intent is
 * verified afterwards. Feed readers are machines: a refused request gets a 400 (503 when
 * too many wait to be verified) whose plain-text body says why.
 */
@Controller
class HubController {

	private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

	private final Hub hub;

	private final PublicOrigin origin;

	HubController(Hub hub, PublicOrigin origin) {
		this.hub = hub;
		this.origin = origin;
	}

	@PostMapping(path = FeedDocuments.HUB_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<String> request(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request) {
		String mode = required(form, "hub.mode");
		if (!mode.equals("subscribe") && !mode.equals("unsubscribe")) {
			throw new BadHubRequestException("hub.mode must be subscribe or unsubscribe");
		}
		String topic = required(form, "hub.topic");
		URI callback = callback(required(form, "hub.callback"));
		this.hub.request(this.origin.of(request), new Hub.Request(mode.equals("subscribe"), topic, callback,
				lease(form.getFirst("hub.lease_seconds")), secret(form.getFirst("hub.secret"))));
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.contentType(TEXT)
			.body("Accepted: the hub will verify the intent of " + callback + "\n");
	}

	@ExceptionHandler(BadHubRequestException.class)
	ResponseEntity<String> refused(BadHubRequestException ex) {
		return ResponseEntity.status(ex.status()).contentType(TEXT).body(ex.getMessage() + "\n");
	}

	private static String required(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		if (value == null || value.isBlank()) {
			throw new BadHubRequestException(name + " is missing");
		}
		return value.strip();
	}

	private static URI callback(String value) {
		try {
			URI uri = new URI(value);
			if (!uri.isAbsolute() || uri.getRawFragment() != null) {
				throw new BadHubRequestException("hub.callback must be an absolute URL without a fragment");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new BadHubRequestException("hub.callback is not a URL: " + ex.getReason());
		}
	}

	/** What a subscriber asks for, within the longest lease the hub grants. */
	private static long lease(String value) {
		if (value == null || value.isBlank()) {
			return Hub.DEFAULT_LEASE.toSeconds();
		}
		long seconds;
		try {
			seconds = Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			seconds = 0;
		}
		if (seconds <= 0) {
			throw new BadHubRequestException("hub.lease_seconds must be a whole number of seconds above 0");
		}
		return Math.min(seconds, Hub.MAX_LEASE.toSeconds());
	}

	private static String secret(String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		if (value.getBytes(StandardCharsets.UTF_8).length > Hub.MAX_SECRET_BYTES) {
			throw new BadHubRequestException("hub.secret must be shorter than 200 bytes");
		}
		return value;
	}

}
