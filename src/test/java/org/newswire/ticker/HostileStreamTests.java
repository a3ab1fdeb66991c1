package org.newswire.ticker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newswire.BehindTheProxy;
import org.newswire.NewswireProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One client against the live stream, over raw sockets: more streams than its share from
 * one address, HEAD requests that used to leave a stream registered for half an hour,
 * streams dropped without a goodbye. None of it may hold streams the client no longer
 * uses or slow the pages down. Shares the live ticker stream tests' context; the proxy
 * trusted on loopback names each test's client in {@code X-Forwarded-For}, as nginx does.
 */
@BehindTheProxy
class HostileStreamTests {

	private static final Duration FAST = Duration.ofSeconds(1);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final List<RawStream> open = new ArrayList<>();

	@LocalServerPort
	int port;

	@Autowired
	TickerBroadcaster broadcaster;

	@Autowired
	NewswireProperties properties;

	@Autowired
	MeterRegistry meters;

	private int baseline;

	@BeforeEach
	void rememberOpenStreams() {
		this.baseline = this.broadcaster.subscriberCount();
	}

	@AfterEach
	void closeStreams() throws IOException {
		for (RawStream stream : this.open) {
			stream.close();
		}
		// Heartbeats find the closed connections; the next test counts from here.
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
			this.broadcaster.heartbeat();
			return this.broadcaster.subscriberCount() <= this.baseline;
		});
	}

	@Test
	void oneClientOpeningManyStreamsGetsItsShareThenFast429sWithRetryAfterWhilePagesAnswer() throws Exception {
		int share = this.properties.live().maxSubscribersPerClient();
		int refusals = 16;
		double refusedBefore = refused("client-limit");
		assertThat(home().statusCode()).as("the home page before the flood").isEqualTo(200);

		for (int i = 0; i < share + refusals; i++) {
			long asked = System.nanoTime();
			RawStream.Head head = stream("203.0.113.7").head();
			Duration took = Duration.ofNanos(System.nanoTime() - asked);
			if (i < share) {
				assertThat(head.status()).as("stream %d", i).isEqualTo(200);
			}
			else {
				assertThat(head.status()).as("stream %d", i).isEqualTo(429);
				assertThat(head.header("Retry-After")).as("stream %d", i).matches("[1-9][0-9]*");
				assertThat(took).as("stream %d", i).isLessThan(FAST);
			}
		}

		assertThat(this.broadcaster.subscriberCount()).isEqualTo(this.baseline + share);
		assertThat(refused("client-limit") - refusedBefore).isEqualTo(refusals);
		long asked = System.nanoTime();
		assertThat(home().statusCode()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(FAST);
		assertThat(stream("203.0.113.70").head().status()).as("another client's stream").isEqualTo(200);
	}

	@Test
	void fiveHundredHeadRequestsAnswerTheHeadersAndLeaveNoStreamBehind() throws Exception {
		for (int i = 0; i < 500; i++) {
			try (RawStream head = RawStream.request(this.port, "HEAD")) {
				RawStream.Head answer = head.head();
				assertThat(answer.status()).as("HEAD %d", i).isEqualTo(200);
				assertThat(answer.header("Content-Type")).as("HEAD %d", i).startsWith("text/event-stream");
			}
		}

		assertThat(this.broadcaster.subscriberCount()).isEqualTo(this.baseline);
		assertThat(this.meters.get("newswire.ticker.streams").gauge().value()).isEqualTo(this.baseline);
	}

	@Test
	void streamsTheClientClosedAreUnregisteredAsSoonAsItAsksForAnother() throws Exception {
		int share = this.properties.live().maxSubscribersPerClient();
		List<RawStream> left = new ArrayList<>();
		for (int i = 0; i < share; i++) {
			RawStream stream = stream("203.0.113.8");
			stream.readUntil("event:" + TickerFrames.TICKER_EVENT);
			left.add(stream);
		}
		assertThat(this.broadcaster.subscriberCount()).isEqualTo(this.baseline + share);
		for (RawStream stream : left) {
			stream.close();
		}

		// A reader moving on to its next page asks for a stream at once; the heartbeat
		// would find the closed ones only within 30 s.
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> stream("203.0.113.8").head().status() == 200);
		assertThat(this.broadcaster.subscriberCount()).isEqualTo(this.baseline + 1);
	}

	@Test
	void aStreamResetByItsClientIsUnregisteredAtTheNextWrite() throws Exception {
		RawStream stream = stream("203.0.113.9");
		stream.readUntil("event:" + TickerFrames.TICKER_EVENT);
		assertThat(this.broadcaster.subscriberCount()).isEqualTo(this.baseline + 1);

		stream.reset();
		this.broadcaster.heartbeat();

		await().atMost(FAST).until(() -> this.broadcaster.subscriberCount() == this.baseline);
	}

	private RawStream stream(String client) throws IOException {
		RawStream stream = RawStream.get(this.port, "X-Forwarded-For: " + client);
		this.open.add(stream);
		return stream;
	}

	private HttpResponse<String> home() throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/"))
			.header("X-Forwarded-For", "203.0.113.7")
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private double refused(String reason) {
		Counter counter = this.meters.find("newswire.ticker.streams.refused").tag("reason", reason).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
