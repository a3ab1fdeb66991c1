package org.newswire.clients;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.newswire.SettableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newswire.DeskFixtures.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The machine API admits a request only with a live key sent in a header, answers every
 * refusal with a problem a client can act on, and counts each request against its key's
 * rate limit.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ClientApiTests {

	private static final String INVALID = "Bearer realm=\"newswire\", error=\"invalid_token\"";

	@Autowired
	MockMvc mvc;

	@Autowired
	ClientAccounts accounts;

	@Autowired
	SettableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	KeyGate gate;

	@Test
	void aKeyInEitherHeaderReadsTheAccount() throws Exception {
		String name = unique("Harbour Daily");
		long id = this.accounts.create(
				new ClientAccounts.NewClient(name, "desk@harbour.example", Set.of("world", "business"), true, 90),
				"chief");
		Instant expiry = Instant.parse("2099-01-01T00:00:00Z");
		ClientAccounts.IssuedKey key = this.accounts.issueKey(id, expiry, "chief");
		assertThat(key.key()).startsWith("nwk_" + key.keyId() + "_");
		assertThat(
				this.jdbc.queryForObject("select secret_hash from api_key where key_id = ?", String.class, key.keyId()))
			.hasSize(64)
			.doesNotContain(key.key().substring(17));

		this.mvc.perform(get("/api/v1/account").header("Authorization", "Bearer " + key.key()))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "private, no-store"))
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andExpect(header().string("RateLimit-Policy", "\"key\";q=90;w=60"))
			.andExpect(header().string("RateLimit", "\"key\";r=89;t=1"))
			.andExpect(content().json("""
					{"name": "%s", "sections": ["business", "world"], "embargo_ahead": true,
					 "rate_limit": {"requests_per_minute": 90, "remaining": 89, "reset_seconds": 1},
					 "key": {"id": "%s", "expires_at": "2099-01-01T00:00:00Z"}}
					""".formatted(name, key.keyId()), true));
		this.mvc.perform(get("/api/v1/account").header("X-Api-Key", key.key()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value(name))
			.andExpect(jsonPath("$.key.id").value(key.keyId()));
	}

	@Test
	void aKeyInTheQueryStringIsRefusedEvenWithAGoodOneInTheHeader() throws Exception {
		ClientAccounts.IssuedKey key = newKey(null);
		for (String query : new String[] { "api_key=x", "apiKey=x", "access_token=x", "token=x", "key=x",
				"since=" + key.key(), "x-api-key=abc" }) {
			this.mvc.perform(bearer(get("/api/v1/account?" + query), key))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentType("application/problem+json"))
				.andExpect(jsonPath("$.status").value(400))
				.andExpect(jsonPath("$.detail")
					.value("Send the key in the Authorization header (Bearer) or in X-Api-Key, never in the URL. A key "
							+ "that was in a URL may have been logged on the way: have it revoked and use a "
							+ "new one."));
		}
	}

	@Test
	void unknownRevokedAndExpiredKeysGet401WithAProblem() throws Exception {
		ClientAccounts.IssuedKey key = newKey(null);
		String forged = key.key().substring(0, key.key().length() - 1) + (key.key().endsWith("A") ? "B" : "A");
		refused(get("/api/v1/account").header("Authorization", "Bearer " + forged), INVALID,
				"This is not a valid key.");
		refused(get("/api/v1/account").header("X-Api-Key", "nonsense"), INVALID, "This is not a valid key.");
		refused(get("/api/v1/account"), "Bearer realm=\"newswire\"",
				"Send your key as Authorization: Bearer <key> or as X-Api-Key: <key>.");

		long clientId = clientOf(key);
		this.accounts.revokeKey(clientId, key.keyId(), "chief");
		refused(bearer(get("/api/v1/account"), key), INVALID,
				"This key has been revoked. Use another key of your client.");

		Instant expiry = this.clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
		ClientAccounts.IssuedKey expiring = this.accounts.issueKey(clientId, expiry, "chief");
		this.mvc.perform(bearer(get("/api/v1/account"), expiring)).andExpect(status().isOk());
		this.clock.runAt(expiry, () -> {
			try {
				refused(bearer(get("/api/v1/account"), expiring), INVALID,
						"This key has expired. Use another key of your client.");
			}
			catch (Exception ex) {
				throw new AssertionError(ex);
			}
		});
	}

	@Test
	void overTheLimitAnswers429WithRetryAfterUntilTheBucketRefills() throws Exception {
		long id = this.accounts.create(
				new ClientAccounts.NewClient(unique("Slow Wire"), "ops@slow.example", Set.of("world"), false, 2),
				"chief");
		ClientAccounts.IssuedKey key = this.accounts.issueKey(id, null, "chief");
		Instant start = Instant.parse("2030-03-01T10:00:00Z");
		this.clock.runAt(start, () -> {
			try {
				this.mvc.perform(bearer(get("/api/v1/account"), key))
					.andExpect(status().isOk())
					.andExpect(header().string("RateLimit", "\"key\";r=1;t=30"));
				this.mvc.perform(bearer(get("/api/v1/account"), key))
					.andExpect(status().isOk())
					.andExpect(header().string("RateLimit", "\"key\";r=0;t=60"));
				this.mvc.perform(bearer(get("/api/v1/account"), key))
					.andExpect(status().isTooManyRequests())
					.andExpect(header().string("Retry-After", "30"))
					.andExpect(header().string("RateLimit-Policy", "\"key\";q=2;w=60"))
					.andExpect(header().string("RateLimit", "\"key\";r=0;t=60"))
					.andExpect(content().contentType("application/problem+json"))
					.andExpect(jsonPath("$.detail").value("This key may make 2 requests a minute. Try again in 30 s."));
			}
			catch (Exception ex) {
				throw new AssertionError(ex);
			}
		});
		this.clock.runAt(start.plusSeconds(30), () -> {
			try {
				this.mvc.perform(bearer(get("/api/v1/account"), key))
					.andExpect(status().isOk())
					.andExpect(header().string("RateLimit", "\"key\";r=0;t=60"));
			}
			catch (Exception ex) {
				throw new AssertionError(ex);
			}
		});
		// What an operator's dashboard shows of this client.
		assertThat(this.meters.get("newswire.clients.requests").tag("client", Long.toString(id)).counter().count())
			.isEqualTo(3);
		assertThat(this.meters.get("newswire.clients.limited").tag("client", Long.toString(id)).counter().count())
			.isEqualTo(1);
	}

	/**
	 * A change wakes every long-polling client at once and each comes straight back: the
	 * requests that arrive together are decided together, each against its bucket as the
	 * ones before it left it.
	 */
	@Test
	void requestsArrivingTogetherTakeExactlyWhatTheirBucketsHold() throws Exception {
		ClientAccounts.IssuedKey tight = newKey(6);
		ClientAccounts.IssuedKey roomy = newKey(600);
		// Its client's other key, each with a bucket of its own: a batch holds both.
		ClientAccounts.IssuedKey rotated = this.accounts.issueKey(clientOf(roomy), null, "chief");
		ClientAccounts.IssuedKey revoked = newKey(600);
		this.accounts.revokeKey(clientOf(revoked), revoked.keyId(), "chief");
		List<ClientAccounts.IssuedKey> requests = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			requests.add(tight);
			requests.add((i % 4 == 0) ? revoked : (i % 2 == 0) ? rotated : roomy);
		}
		ExecutorService threads = Executors.newFixedThreadPool(requests.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<KeyGate.Decision>> decisions = new ArrayList<>();
			for (ClientAccounts.IssuedKey key : requests) {
				decisions.add(threads.submit(() -> {
					start.await();
					return this.gate.admit(key.key());
				}));
			}
			start.countDown();
			Map<String, List<String>> outcomes = new TreeMap<>();
			for (int i = 0; i < requests.size(); i++) {
				KeyGate.Decision decision = decisions.get(i).get(10, TimeUnit.SECONDS);
				// Admitted with the key it came with: /api/v1/account and the log name
				// it.
				String outcome = (decision instanceof KeyGate.Refused refused) ? refused.reason().name()
						: (decision instanceof KeyGate.Limited) ? "limited"
								: "admitted with " + ((KeyGate.Admitted) decision).client().keyId();
				outcomes.computeIfAbsent(requests.get(i).keyId(), (keyId) -> new ArrayList<>()).add(outcome);
			}
			assertThat(count(outcomes.get(tight.keyId())))
				.isEqualTo(Map.of("admitted with " + tight.keyId(), 6L, "limited", 14L));
			assertThat(count(outcomes.get(roomy.keyId()))).isEqualTo(Map.of("admitted with " + roomy.keyId(), 10L));
			assertThat(count(outcomes.get(rotated.keyId()))).isEqualTo(Map.of("admitted with " + rotated.keyId(), 5L));
			assertThat(count(outcomes.get(revoked.keyId()))).isEqualTo(Map.of("REVOKED", 5L));
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("select floor(bucket_tokens) from api_key where key_id = ?", Integer.class,
				tight.keyId()))
			.isEqualTo(0);
	}

	@Test
	void aKeyOfOurFormThatWasNeverIssuedIsUnknown() {
		KeyGate.Decision decision = this.gate.admit("nwk_abcdefghijkl_" + "A".repeat(43));
		assertThat(decision).isEqualTo(new KeyGate.Refused("abcdefghijkl", KeyGate.Refusal.UNKNOWN));
	}

	private static Map<String, Long> count(List<String> outcomes) {
		return outcomes.stream().collect(Collectors.groupingBy((outcome) -> outcome, Collectors.counting()));
	}

	private void refused(MockHttpServletRequestBuilder request, String challenge, String detail) throws Exception {
		ResultActions result = this.mvc.perform(request);
		result.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", challenge))
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(content().json("""
					{"type": "about:blank", "title": "Unauthorized", "status": 401, "detail": "%s"}
					""".formatted(detail), true));
	}

	private ClientAccounts.IssuedKey newKey(Instant expiry) {
		return newKey(expiry, 120);
	}

	private ClientAccounts.IssuedKey newKey(int requestsPerMinute) {
		return newKey(null, requestsPerMinute);
	}

	private ClientAccounts.IssuedKey newKey(Instant expiry, int requestsPerMinute) {
		long id = this.accounts.create(new ClientAccounts.NewClient(unique("Coast Radio"), "news@coast.example",
				Set.of("world"), false, requestsPerMinute), "chief");
		return this.accounts.issueKey(id, expiry, "chief");
	}

	private long clientOf(ClientAccounts.IssuedKey key) {
		return this.jdbc.queryForObject("select client_id from api_key where key_id = ?", Long.class, key.keyId());
	}

	private static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request,
			ClientAccounts.IssuedKey key) {
		return request.header("Authorization", "Bearer " + key.key());
	}

}
