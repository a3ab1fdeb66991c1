package org.newswire.push;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.newswire.NewswireProperties;

import org.springframework.stereotype.Component;

/**
 * Makes one attempt: a POST (or the GET that verifies a WebSub subscriber's intent) that
 * must answer within {@code newswire.push.timeout} (headers and the first kilobyte of the
 * body together), redirects not followed, only a 2xx counts. The address rules are
 * checked right before the connection is made (see {@link AddressRules}); a URL they
 * refuse is an attempt that failed.
 */
@Component
class Sender {

	private final HttpClient client;

	private final AddressRules rules;

	private final Duration timeout;

	private final Clock clock;

	Sender(AddressRules rules, NewswireProperties properties, Clock clock) {
		this.rules = rules;
		this.timeout = properties.push().timeout();
		this.clock = clock;
		this.client = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(this.timeout)
			.build();
	}

	Answer post(URI url, Map<String, String> headers, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(request::header);
		return send(url, request);
	}

	/** A GET, as the WebSub hub verifies a subscriber's intent. */
	Answer get(URI url) {
		return send(url, HttpRequest.newBuilder(url).GET());
	}

	private Answer send(URI url, HttpRequest.Builder request) {
		try {
			this.rules.check(url);
		}
		catch (RefusedAddressException ex) {
			return Answer.none("Refused: " + ex.getMessage());
		}
		request.timeout(this.timeout);
		if ("http".equalsIgnoreCase(url.getScheme())) {
			// Otherwise the client asks a plain-HTTP receiver to upgrade to h2c, which
			// many servers answer with an error instead of ignoring.
			request.version(HttpClient.Version.HTTP_1_1);
		}
		CompletableFuture<HttpResponse<String>> sent = this.client.sendAsync(request.build(),
				(info) -> HttpResponse.BodySubscribers.fromSubscriber(new FirstKilobyte(), FirstKilobyte::text));
		try {
			HttpResponse<String> response = sent.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			int status = response.statusCode();
			Duration retryAfter = (status == 429 || status == 503)
					? retryAfter(response.headers().firstValue("Retry-After").orElse(null)) : null;
			return new Answer(status, response.body(), retryAfter);
		}
		catch (TimeoutException ex) {
			sent.cancel(true);
			return Answer.none("No answer within " + this.timeout.toSeconds() + " s");
		}
		catch (ExecutionException ex) {
			return Answer.none(String.valueOf(ex.getCause()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Answer.none("Interrupted");
		}
	}

	/** Seconds or an HTTP date; a value that is neither is ignored. */
	Duration retryAfter(String value) {
		if (value == null) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(this.clock.instant(), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

	/**
	 * Keeps the first kilobyte of an answer for the delivery log and drops the rest, so a
	 * receiver cannot make the sender hold a large answer.
	 */
	private static final class FirstKilobyte implements Flow.Subscriber<List<ByteBuffer>> {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private Flow.Subscription subscription;

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(1);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			for (ByteBuffer buffer : buffers) {
				while (buffer.hasRemaining() && this.bytes.size() < Answer.MAX_TEXT) {
					this.bytes.write(buffer.get());
				}
			}
			// The rest is read and dropped: cancelling would leave the answer unfinished.
			this.subscription.request(1);
		}

		@Override
		public void onError(Throwable error) {
			// What was read is kept; the status decides.
		}

		@Override
		public void onComplete() {
		}

		String text() {
			return Answer.clip(this.bytes.toString(StandardCharsets.UTF_8));
		}

	}

}
