package org.newswire.ticker;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * A minimal server-sent events client for tests: parses the stream as the browser's
 * EventSource does, without holding a thread per connection.
 */
public final class SseStream implements AutoCloseable {

	public record Event(String id, String name, String data) {
	}

	/** Events are checked this often while a test waits for one. */
	private static final Duration POLL_INTERVAL = Duration.ofMillis(10);

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final CompletableFuture<HttpResponse.ResponseInfo> head = new CompletableFuture<>();

	private final CompletableFuture<HttpResponse<Void>> response;

	private volatile Flow.Subscription subscription;

	private volatile Long retry;

	private String id;

	private String name;

	private StringBuilder data;

	private SseStream(HttpClient client, URI uri, String lastEventId, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		// The response itself completes only when the stream ends; the head arrives
		// first.
		this.response = client.sendAsync(request.build(), (info) -> {
			this.head.complete(info);
			return HttpResponse.BodySubscribers.fromLineSubscriber(new Flow.Subscriber<String>() {

				@Override
				public void onSubscribe(Flow.Subscription granted) {
					SseStream.this.subscription = granted;
					granted.request(Long.MAX_VALUE);
				}

				@Override
				public void onNext(String line) {
					line(line);
				}

				@Override
				public void onError(Throwable throwable) {
				}

				@Override
				public void onComplete() {
				}

			});
		});
	}

	/**
	 * @param headers names and values of extra header fields, such as
	 * {@code "X-Forwarded-For", "203.0.113.7"}
	 */
	public static SseStream open(HttpClient client, URI uri, String... headers) {
		return new SseStream(client, uri, null, headers);
	}

	public static SseStream reconnect(HttpClient client, URI uri, String lastEventId, String... headers) {
		return new SseStream(client, uri, lastEventId, headers);
	}

	public HttpResponse.ResponseInfo head(Duration timeout) throws Exception {
		return this.head.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	Long retry() {
		return this.retry;
	}

	/**
	 * The next event of the given name whose data matches, skipping others, or
	 * {@code null} when none arrives in time.
	 */
	public Event next(String eventName, Predicate<String> data, Duration timeout) {
		try {
			return await().atMost(timeout)
				.pollDelay(Duration.ZERO)
				.pollInterval(POLL_INTERVAL)
				.until(() -> received(eventName, data), Objects::nonNull);
		}
		catch (ConditionTimeoutException ex) {
			return null;
		}
	}

	/**
	 * The next event already received of the given name whose data matches, skipping
	 * others, or {@code null} when there is none yet.
	 */
	public Event received(String eventName, Predicate<String> data) {
		for (Event event = this.events.poll(); event != null; event = this.events.poll()) {
			if (event.name().equals(eventName) && data.test(event.data())) {
				return event;
			}
		}
		return null;
	}

	public Event next(String eventName, Duration timeout) {
		return next(eventName, (data) -> true, timeout);
	}

	/** The events received so far and not yet taken, leaving them in place. */
	List<Event> pending() {
		return List.copyOf(this.events);
	}

	private synchronized void line(String line) {
		if (line.isEmpty()) {
			if (this.data != null) {
				this.events.add(new Event(this.id, (this.name != null) ? this.name : "message", this.data.toString()));
			}
			this.name = null;
			this.data = null;
			return;
		}
		if (line.startsWith(":")) {
			return;
		}
		int colon = line.indexOf(':');
		String field = (colon < 0) ? line : line.substring(0, colon);
		String value = (colon < 0) ? "" : line.substring(colon + 1);
		if (value.startsWith(" ")) {
			value = value.substring(1);
		}
		switch (field) {
			case "id" -> this.id = value;
			case "event" -> this.name = value;
			case "retry" -> this.retry = Long.valueOf(value);
			case "data" ->
				this.data = (this.data == null) ? new StringBuilder(value) : this.data.append('\n').append(value);
			default -> {
			}
		}
	}

	@Override
	public void close() {
		Flow.Subscription current = this.subscription;
		if (current != null) {
			current.cancel();
		}
		this.response.cancel(true);
	}

}
