package org.newswire.push;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.newswire.NewswireProperties;
import org.newswire.TestProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One attempt against receivers that misbehave: the delivery log must say why an attempt
 * failed, and a receiver must not be able to hold the sender beyond its timeout.
 */
class SenderTests {

	private static final NewswireProperties PROPERTIES = TestProperties.of("newswire.push.allow-http", "true",
			"newswire.push.allowed-networks", "127.0.0.0/8", "newswire.push.timeout", "1s");

	private final Sender sender = new Sender(new AddressRules(PROPERTIES), PROPERTIES, Clock.systemUTC());

	/**
	 * A receiver that sends its headers and then never the body it announced would keep
	 * the attempt open forever; it is given up on after the timeout, and the log says so.
	 */
	@Test
	void aReceiverThatNeverFinishesItsAnswerIsGivenUpOnAfterTheTimeout() throws IOException {
		CountDownLatch released = new CountDownLatch(1);
		HttpServer stalling = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		stalling.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(200, 100);
			exchange.getResponseBody().flush();
			try {
				released.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
		});
		stalling.start();
		try {
			long start = System.nanoTime();
			Answer answer = this.sender.post(
					URI.create("http://127.0.0.1:" + stalling.getAddress().getPort() + "/hook"), Map.of(),
					"{}".getBytes());
			long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			assertThat(answer).isEqualTo(new Answer(0, "No answer within 1 s", null));
			assertThat(answer.delivered()).isFalse();
			assertThat(took).isBetween(900L, 5000L);
		}
		finally {
			released.countDown();
			stalling.stop(0);
		}
	}

	/**
	 * A Retry-After that is neither delta-seconds nor an HTTP date is ignored, so the
	 * usual schedule sets the next attempt; the status is still recorded.
	 */
	@Test
	void aRetryAfterThatIsNeitherSecondsNorADateIsIgnored() throws IOException {
		try (Receiver receiver = new Receiver(Map.of("Retry-After", "after lunch"), 503)) {
			Answer answer = this.sender.post(receiver.url(), Map.of(), "{}".getBytes());
			assertThat(answer).isEqualTo(new Answer(503, "answered 503", null));
		}
	}

}
