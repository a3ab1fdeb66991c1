package org.newswire.push;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newswire.SettableClock;
import org.newswire.TestStories;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.Stories;
import org.newswire.article.WritethruKind;
import org.newswire.clients.ClientAccounts;
import org.newswire.items.ItemFormat;
import org.newswire.push.Deliveries.Delivery;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Deliveries from the outbox to receivers on loopback: signed as Standard Webhooks says
 * (checked with its reference library), retried on schedule, stopped by a 410, and never
 * sent to an address the rules refuse.
 */
@PushReceivers
class PushDeliveryTests {

	@Autowired
	Endpoints endpoints;

	@Autowired
	Deliveries deliveries;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ClientAccounts clients;

	@Autowired
	SettableClock clock;

	@Autowired
	Publishing publishing;

	@Autowired
	Stories stories;

	@Autowired
	MeterRegistry meters;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void everySignatureVerifiesWithTheReferenceLibraryAlsoDuringARotation() throws Exception {
		try (Receiver receiver = new Receiver()) {
			Endpoints.Created endpoint = this.endpoints.create(PushFixtures.client(this.clients, "world"),
					receiver.url(), Set.of("published"), ItemFormat.NINJS_2, "chief");
			this.deliveries.test(endpoint.id());
			this.outbox.wake();
			await().atMost(Duration.ofSeconds(5)).until(() -> receiver.requests().size() == 1);
			String rotated = this.endpoints.rotate(endpoint.id(), "chief");
			this.deliveries.test(endpoint.id());
			this.outbox.wake();
			await().atMost(Duration.ofSeconds(5)).until(() -> receiver.requests().size() == 2);

			Receiver.Request before = receiver.requests().get(0);
			Receiver.Request during = receiver.requests().get(1);
			assertThatNoException()
				.isThrownBy(() -> new Webhook(endpoint.secret()).verify(before.body(), before.headers()));
			assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
			assertThatNoException().isThrownBy(() -> new Webhook(rotated).verify(during.body(), during.headers()));
			assertThatNoException()
				.isThrownBy(() -> new Webhook(endpoint.secret()).verify(during.body(), during.headers()));
			assertThat(during.header("webhook-id")).startsWith("nw_test_").isNotEqualTo(before.header("webhook-id"));
			assertThat(during.header("content-type")).isEqualTo("application/json");
		}
	}

	@Test
	void eachChangeReachesTheReceiverWithinASecondInOrderSignedAndOnlyForItsSections() throws Exception {
		try (Receiver world = new Receiver(); Receiver sport = new Receiver()) {
			Endpoints.Created endpoint = this.endpoints.create(PushFixtures.client(this.clients, "world"), world.url(),
					Set.of("published", "correction"), ItemFormat.NINJS_3, "chief");
			this.endpoints.create(PushFixtures.client(this.clients, "sport"), sport.url(), Set.of("published"),
					ItemFormat.NINJS_3, "chief");
			ArticleSummary story = TestStories.story().headline("Ferry strike ends").publish(this.publishing);
			long published = System.nanoTime();
			await().atMost(Duration.ofSeconds(1)).until(() -> world.requests().size() == 1);
			long arrived = System.nanoTime();
			TestStories.writethru(WritethruKind.LD_WRITETHRU).post(this.publishing, story);
			ArticleSummary corrected = TestStories.writethru(WritethruKind.CORRECTS)
				.post(this.publishing, this.stories.find(story.id()).orElseThrow());
			await().atMost(Duration.ofSeconds(1)).until(() -> world.requests().size() == 2);

			List<JsonNode> bodies = new ArrayList<>();
			for (Receiver.Request request : world.requests()) {
				new Webhook(endpoint.secret()).verify(request.body(), request.headers());
				JsonNode body = this.json.readTree(request.body());
				assertThat(request.header("webhook-id")).as("per change and endpoint")
					.matches("nw_[0-9]+_" + endpoint.id());
				bodies.add(body);
			}
			assertThat(bodies.stream().map((body) -> body.get("change").asText())).containsExactly("published",
					"correction");
			assertThat(bodies.stream().map((body) -> body.get("item").get("version").asText())).containsExactly("1",
					Integer.toString(corrected.current().sequence()));
			assertThat(bodies.get(1).get("position").asText()).as("the feed cursors, sorting in change order")
				.matches("[0-9a-f]+")
				.isGreaterThan(bodies.get(0).get("position").asText());
			assertThat(world.requests().get(0).header("content-type")).isEqualTo("application/json");
			assertThat(world.requests().get(0).header("upgrade")).isNull();
			assertThat(Duration.ofNanos(arrived - published)).isLessThan(Duration.ofSeconds(1));
			await().during(Duration.ofMillis(200))
				.atMost(Duration.ofSeconds(2))
				.untilAsserted(() -> assertThat(sport.requests()).isEmpty());
		}
	}

	@Test
	void theOldSecretStopsSigningWhenTheRotationWindowIsOver() throws Exception {
		try (Receiver receiver = new Receiver()) {
			Endpoints.Created endpoint = this.endpoints.create(PushFixtures.client(this.clients, "world"),
					receiver.url(), Set.of("published"), ItemFormat.NINJS_2, "chief");
			String rotated = this.endpoints.rotate(endpoint.id(), "chief");
			Endpoint stored = this.endpoints.require(endpoint.id());
			Instant now = this.clock.instant();
			assertThat(stored.liveSecrets(now)).isEqualTo(List.of(rotated, endpoint.secret()));
			assertThat(stored.liveSecrets(now.plus(Duration.ofHours(24)).plusSeconds(1))).isEqualTo(List.of(rotated));
		}
	}

	@Test
	void aReceiverThatFailsThreeTimesGetsItOnTheFourthAttemptAsScheduled() throws Exception {
		// Hours ahead of the real clock, so this node's own dispatcher never finds these
		// deliveries due: only the attempts this test makes at the pinned times happen.
		Instant start = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
		try (Receiver receiver = new Receiver(500, 503, 502)) {
			long endpoint = this.clock.callAt(start,
					() -> this.endpoints
						.create(PushFixtures.client(this.clients, "world"), receiver.url(), Set.of("published"),
								ItemFormat.NINJS_3, "chief")
						.id());
			long delivery = this.clock.callAt(start, () -> this.deliveries.test(endpoint));

			assertThat(attemptAt(start.minusSeconds(1), endpoint)).isEmpty();
			assertThat(attemptAt(start, endpoint)).hasSize(1);
			assertThat(next(delivery)).isEqualTo(start.plusSeconds(5));
			assertThat(attemptAt(start.plusSeconds(4), endpoint)).isEmpty();
			assertThat(attemptAt(start.plusSeconds(5), endpoint)).hasSize(1);
			Instant third = start.plusSeconds(5).plus(Duration.ofMinutes(5));
			assertThat(next(delivery)).isEqualTo(third);
			assertThat(attemptAt(third, endpoint)).hasSize(1);
			Instant fourth = third.plus(Duration.ofMinutes(30));
			assertThat(next(delivery)).isEqualTo(fourth);
			assertThat(attemptAt(fourth, endpoint)).hasSize(1);

			Delivery done = this.deliveries.find(delivery).orElseThrow();
			assertThat(done.status()).isEqualTo("DELIVERED");
			assertThat(done.attempts()).isEqualTo(4);
			assertThat(done.lastStatus()).isEqualTo(200);
			assertThat(done.lastAnswer()).isEqualTo("answered 200");
			assertThat(receiver.requests()).hasSize(4);
			assertThat(receiver.requests().stream().map((request) -> request.header("webhook-id")).distinct())
				.hasSize(1);
		}
	}

	/**
	 * A receiver's Retry-After in either of its forms, delta-seconds or an HTTP date (RFC
	 * 9110), sets the next attempt.
	 */
	@ParameterizedTest
	@CsvSource({ "429, false", "503, true" })
	void retryAfterOf429Or503IsHonoured(int status, boolean asDate) throws Exception {
		Instant start = Instant.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
		String retryAfter = asDate
				? DateTimeFormatter.RFC_1123_DATE_TIME.format(start.plusSeconds(120).atZone(ZoneOffset.UTC)) : "120";
		try (Receiver receiver = new Receiver(Map.of("Retry-After", retryAfter), status)) {
			long endpoint = this.clock.callAt(start,
					() -> this.endpoints
						.create(PushFixtures.client(this.clients, "world"), receiver.url(), Set.of("published"),
								ItemFormat.NINJS_2, "chief")
						.id());
			long delivery = this.clock.callAt(start, () -> this.deliveries.test(endpoint));
			assertThat(attemptAt(start, endpoint)).hasSize(1);
			assertThat(next(delivery)).isEqualTo(start.plusSeconds(120));
			assertThat(this.deliveries.find(delivery).orElseThrow().lastStatus()).isEqualTo(status);
		}
	}

	@Test
	void metricsCountAttemptsByResultAndShowTheOutbox() throws Exception {
		double delivered = this.meters.get("newswire.push.deliveries").tag("reason", "delivered").counter().count();
		double gone = this.meters.get("newswire.push.deliveries").tag("reason", "gone").counter().count();
		try (Receiver ok = new Receiver(); Receiver closed = new Receiver(410)) {
			long client = PushFixtures.client(this.clients, "world");
			this.deliveries
				.test(this.endpoints.create(client, ok.url(), Set.of("published"), ItemFormat.NINJS_2, "chief").id());
			this.deliveries.test(
					this.endpoints.create(client, closed.url(), Set.of("published"), ItemFormat.NINJS_2, "chief").id());
			this.outbox.wake();
			await().atMost(Duration.ofSeconds(5))
				.until(() -> ok.requests().size() == 1 && closed.requests().size() == 1);
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(
						this.meters.get("newswire.push.deliveries").tag("reason", "gone").counter().count())
					.isEqualTo(gone + 1));
			assertThat(this.meters.get("newswire.push.deliveries").tag("reason", "delivered").counter().count())
				.isEqualTo(delivered + 1);
		}
		assertThat(this.meters.get("newswire.push.outbox.depth").gauge().value()).isEqualTo(this.jdbc.queryForObject(
				"select count(*) from push_delivery where status = 'PENDING' and endpoint_id is not null",
				Double.class));
		assertThat(this.meters.get("newswire.push.outbox.oldest.age").gauge().value()).isGreaterThanOrEqualTo(0);
	}

	@Test
	void goneDisablesTheEndpoint() throws Exception {
		try (Receiver receiver = new Receiver(410)) {
			long endpoint = this.endpoints
				.create(PushFixtures.client(this.clients, "world"), receiver.url(), Set.of("published"),
						ItemFormat.NINJS_2, "chief")
				.id();
			long delivery = this.deliveries.test(endpoint);
			this.outbox.wake();
			await().atMost(Duration.ofSeconds(5))
				.until(() -> "DISABLED".equals(this.endpoints.require(endpoint).state()));
			assertThat(this.endpoints.require(endpoint).reason()).startsWith("Answered 410 Gone at ");
			assertThat(this.deliveries.find(delivery).orElseThrow().status()).isEqualTo("FAILED");
			this.deliveries.test(endpoint);
			this.outbox.wake();
			await().during(Duration.ofMillis(300))
				.atMost(Duration.ofSeconds(2))
				.untilAsserted(() -> assertThat(receiver.requests()).hasSize(1));
		}
	}

	@Test
	void theOwnNetworkIsRefusedWhenSavedAndAgainAtEverySend() throws Exception {
		long client = PushFixtures.client(this.clients, "world");
		for (String url : List.of("https://10.0.0.8/hook", "https://169.254.169.254/latest", "https://[fe80::1]/",
				"http://192.168.0.1/hook")) {
			assertThatThrownBy(() -> this.endpoints.create(client, URI.create(url), Set.of("published"),
					ItemFormat.NINJS_2, "chief"))
				.isInstanceOf(RefusedAddressException.class);
		}
		Instant start = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
		try (Receiver receiver = new Receiver()) {
			long endpoint = this.clock.callAt(start,
					() -> this.endpoints
						.create(client, receiver.url(), Set.of("published"), ItemFormat.NINJS_2, "chief")
						.id());
			// As if its name now resolved elsewhere (DNS rebinding).
			this.jdbc.update("update push_endpoint set url = ? where id = ?", "http://10.0.0.8:1/hook", endpoint);
			long delivery = this.clock.callAt(start, () -> this.deliveries.test(endpoint));
			assertThat(attemptAt(start, endpoint)).hasSize(1);
			Delivery refused = this.deliveries.find(delivery).orElseThrow();
			assertThat(refused.status()).isEqualTo("PENDING");
			assertThat(refused.lastAnswer()).isEqualTo("Refused: Host 10.0.0.8 resolves to 10.0.0.8, a loopback, "
					+ "private, link-local, multicast or reserved address: pushes go to public addresses only");
			assertThat(receiver.requests()).isEmpty();
		}
	}

	/**
	 * Attempts what is due at the instant, and says which of the endpoint's were: the
	 * pinned clock, days ahead, finds other tests' retries due too.
	 */
	private List<Delivery> attemptAt(Instant instant, long endpoint) {
		return this.clock.callAt(instant, this.outbox::attemptDue)
			.stream()
			.filter((delivery) -> delivery.endpointId() == endpoint)
			.toList();
	}

	private Instant next(long delivery) {
		return this.jdbc.queryForObject("select next_try_at from push_delivery where id = ?", Timestamp.class, delivery)
			.toInstant();
	}

}
