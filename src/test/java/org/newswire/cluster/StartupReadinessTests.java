package org.newswire.cluster;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.newswire.NewswireApplication;
import org.newswire.StartupStep;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node answers readers only once it has real content to serve: while its start-up work
 * runs (here held back by one deliberately slow step after the demo content) the public
 * port refuses connections and the management port reports readiness DOWN. Readiness goes
 * DOWN again when the node shuts down.
 */
class StartupReadinessTests {

	@Test
	void thePublicPortOpensOnlyOnceStartUpWorkIsDone() throws Exception {
		int port = freePort();
		int management = freePort();
		CountDownLatch release = new CountDownLatch(1);
		List<ReadinessState> states = new CopyOnWriteArrayList<>();
		ApplicationListener<ApplicationEvent> readinessEvents = (event) -> {
			if (event instanceof AvailabilityChangeEvent<?> change
					&& change.getState() instanceof ReadinessState state) {
				states.add(state);
			}
		};
		SlowStep slow = new SlowStep(release);
		CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture
			.supplyAsync(() -> new SpringApplicationBuilder(NewswireApplication.class)
				.initializers((context) -> context.getBeanFactory().registerSingleton("slowStep", slow))
				.listeners(readinessEvents)
				.run("--server.port=" + port, "--management.server.port=" + management,
						"--spring.datasource.url=jdbc:h2:mem:startup-readiness;DB_CLOSE_DELAY=-1",
						"--newswire.demo.enabled=true"));
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		URI readinessUri = URI.create("http://localhost:" + management + "/actuator/health/readiness");
		URI home = URI.create("http://localhost:" + port + "/");
		try {
			assertThat(slow.started.await(5, TimeUnit.MINUTES)).as("start-up reached the slow step").isTrue();
			HttpResponse<String> waiting = Node.get(http, readinessUri);
			assertThat(waiting.statusCode()).isEqualTo(503);
			assertThat(waiting.body()).contains("OUT_OF_SERVICE");
			assertThat(status(http, home)).as("public port while start-up work runs").isZero();

			release.countDown();
			await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> {
				HttpResponse<String> page = answer(http, home);
				if (page == null) {
					return false;
				}
				assertThat(page.statusCode()).isEqualTo(200);
				assertThat(Jsoup.parse(page.body()).select(".story-item")).as("the first home page served")
					.isNotEmpty();
				return true;
			});
			await().atMost(Duration.ofMinutes(1)).until(() -> Node.get(http, readinessUri).statusCode() == 200);
		}
		finally {
			release.countDown();
			starting.join().close();
		}
		assertThat(states).as("readiness: ready, then refusing traffic at graceful shutdown")
			.containsSubsequence(ReadinessState.ACCEPTING_TRAFFIC, ReadinessState.REFUSING_TRAFFIC)
			.last()
			.isEqualTo(ReadinessState.REFUSING_TRAFFIC);
	}

	private static HttpResponse<String> answer(HttpClient http, URI uri) throws IOException, InterruptedException {
		try {
			return Node.get(http, uri);
		}
		catch (ConnectException ex) {
			return null;
		}
	}

	private static int status(HttpClient http, URI uri) throws IOException, InterruptedException {
		HttpResponse<String> response = answer(http, uri);
		return (response != null) ? response.statusCode() : 0;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * The last start-up step, waiting until the test lets it finish.
	 */
	private static final class SlowStep implements StartupStep, Ordered {

		private final CountDownLatch started = new CountDownLatch(1);

		private final CountDownLatch release;

		SlowStep(CountDownLatch release) {
			this.release = release;
		}

		@Override
		public void run() {
			this.started.countDown();
			try {
				this.release.await(5, TimeUnit.MINUTES);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public boolean writesSharedData() {
			return false;
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
