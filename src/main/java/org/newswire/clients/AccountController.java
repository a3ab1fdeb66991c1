package org.newswire.clients;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a client may receive and how much of its rate limit is left, as seen with the key
 * of the request.
 */
@RestController
class AccountController {

	@GetMapping("/api/v1/account")
	Account account(HttpServletRequest request) {
		KeyGate.Admitted admitted = (KeyGate.Admitted) request.getAttribute(ApiKeyFilter.ADMISSION);
		WireClient client = admitted.client();
		KeyGate.Bucket bucket = admitted.bucket();
		return new Account(client.name(), client.sections().stream().sorted().toList(), client.embargoAhead(),
				new RateLimit(client.requestsPerMinute(), bucket.remaining(), bucket.secondsToFull()),
				new Key(client.keyId(), admitted.expiresAt()));
	}

	/**
	 * @param embargoAhead whether embargoed stories come when filed, marked with their
	 * lift time
	 */
	record Account(String name, List<String> sections, @JsonProperty("embargo_ahead") boolean embargoAhead,
			@JsonProperty("rate_limit") RateLimit rateLimit, Key key) {
	}

	/**
	 * @param remaining requests that may be made at once now, this one counted
	 * @param resetSeconds seconds until the whole minute's quota is available again
	 */
	record RateLimit(@JsonProperty("requests_per_minute") int requestsPerMinute, int remaining,
			@JsonProperty("reset_seconds") long resetSeconds) {
	}

	/**
	 * @param expiresAt when the key stops working, {@code null} for never
	 */
	record Key(String id, @JsonProperty("expires_at") Instant expiresAt) {
	}

}
