package org.newswire.clients;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.newswire.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request to the machine API by its key and counts it against the
 * key's rate limit, before any controller runs. Runs once per request: the async dispatch
 * that completes a long poll is not counted again. Keys are never logged, only their ids.
 */
class ApiKeyFilter extends OncePerRequestFilter {

	static final String ADMISSION = ApiKeyFilter.class.getName() + ".admission";

	static final String REALM = "Bearer realm=\"newswire\"";

	private static final String BEARER = "Bearer ";

	static final String API_KEY_HEADER = "X-Api-Key";

	/** Query parameters a client might put a key in, lower case, without - or _. */
	private static final Set<String> KEY_PARAMETERS = Set.of("key", "apikey", "accesstoken", "token", "xapikey",
			"authorization", "auth", "bearer");

	private static final String POLICY = "\"key\"";

	private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

	private final KeyGate gate;

	private final ClientMetrics metrics;

	private final JsonMapper json;

	ApiKeyFilter(KeyGate gate, ClientMetrics metrics, JsonMapper json) {
		this.gate = gate;
		this.metrics = metrics;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (keyInQuery(request.getQueryString())) {
			refuse(request, response, null, KeyGate.Refusal.IN_QUERY);
			return;
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		String headerKey = request.getHeader(API_KEY_HEADER);
		String key = (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length()))
				? authorization.substring(BEARER.length()).strip() : null;
		if (key == null) {
			key = (headerKey != null) ? headerKey.strip() : null;
		}
		if (key == null || key.isEmpty()) {
			refuse(request, response, null, KeyGate.Refusal.MISSING);
			return;
		}
		KeyGate.Decision decision = this.gate.admit(key);
		if (decision instanceof KeyGate.Refused refused) {
			refuse(request, response, refused.keyId(), refused.reason());
		}
		else if (decision instanceof KeyGate.Limited limited) {
			limit(request, response, limited);
		}
		else {
			KeyGate.Admitted admitted = (KeyGate.Admitted) decision;
			this.metrics.admitted(admitted.client());
			request.setAttribute(ADMISSION, admitted);
			response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
			rateLimitHeaders(response, admitted.bucket());
			chain.doFilter(request, response);
		}
	}

	/**
	 * Any parameter named like a credential, or any value that looks like one of our
	 * keys: a key in a URL ends up in logs, proxies and browser histories, so it is
	 * refused even when it is wrong, and the client learns to send it in a header.
	 */
	static boolean keyInQuery(String query) {
		if (query == null) {
			return false;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = decoded((equals >= 0) ? pair.substring(0, equals) : pair);
			String value = (equals >= 0) ? decoded(pair.substring(equals + 1)) : "";
			String canonical = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
			if (KEY_PARAMETERS.contains(canonical) || Keys.looksLikeKey(name) || Keys.looksLikeKey(value)) {
				return true;
			}
		}
		return false;
	}

	private static String decoded(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String keyId, KeyGate.Refusal reason)
			throws IOException {
		this.metrics.refused(reason);
		log.info("API request refused ({}): {} {} from {} with key id {}", reason, request.getMethod(),
				LogText.loggable(request.getRequestURI()), request.getRemoteAddr(), (keyId != null) ? keyId : "-");
		if (reason == KeyGate.Refusal.IN_QUERY) {
			problem(response, HttpStatus.BAD_REQUEST,
					"Send the key in the Authorization header (Bearer) or in X-Api-Key, never in the URL. "
							+ "A key that was in a URL may have been logged on the way: have it revoked and use "
							+ "a new one.");
			return;
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				(reason == KeyGate.Refusal.MISSING) ? REALM : REALM + ", error=\"invalid_token\"");
		problem(response, HttpStatus.UNAUTHORIZED, switch (reason) {
			case MISSING -> "Send your key as Authorization: Bearer <key> or as X-Api-Key: <key>.";
			case REVOKED -> "This key has been revoked. Use another key of your client.";
			case EXPIRED -> "This key has expired. Use another key of your client.";
			default -> "This is not a valid key.";
		});
	}

	private void limit(HttpServletRequest request, HttpServletResponse response, KeyGate.Limited limited)
			throws IOException {
		this.metrics.limited(limited.client());
		log.info("API request over the rate limit: {} {} for client {} with key id {}", request.getMethod(),
				LogText.loggable(request.getRequestURI()), limited.client().id(), limited.client().keyId());
		long retryAfter = limited.bucket().secondsToNextToken();
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		rateLimitHeaders(response, limited.bucket());
		problem(response, HttpStatus.TOO_MANY_REQUESTS, "This key may make " + limited.client().requestsPerMinute()
				+ " requests a minute. Try again in " + retryAfter + " s.");
	}

	/**
	 * The fields of the IETF httpapi draft (draft-ietf-httpapi-ratelimit-headers-11): one
	 * policy, the key's bucket, with its quota a minute, and what is left of it.
	 */
	private static void rateLimitHeaders(HttpServletResponse response, KeyGate.Bucket bucket) {
		response.setHeader("RateLimit-Policy", POLICY + ";q=" + bucket.limit() + ";w=60");
		response.setHeader("RateLimit", POLICY + ";r=" + bucket.remaining() + ";t=" + bucket.secondsToFull());
	}

	private void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", status.getReasonPhrase());
		body.put("status", status.value());
		body.put("detail", detail);
		response.setStatus(status.value());
		response.setContentType("application/problem+json");
		this.json.writeValue(response.getOutputStream(), body);
	}

}
