package org.newswire.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newswire.TestPostgres;
import org.newswire.clients.ClientAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL share each key's token bucket, and a key revoked through
 * one node is refused by the other from the next request on.
 */
class ClientsAcrossNodesTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static Node a;

	private static Node b;

	@BeforeAll
	static void start() {
		TestPostgres db = TestPostgres.required().emptySchema("cluster_clients");
		a = Node.start(db);
		b = Node.start(db);
	}

	@AfterAll
	static void stop() {
		Node.closeAll(a, b);
	}

	@Test
	void theRateLimitIsCountedAcrossBothNodes() throws Exception {
		ClientAccounts accounts = a.context().getBean(ClientAccounts.class);
		long id = accounts.create(
				new ClientAccounts.NewClient("Two Node Wire", "ops@two.example", Set.of("world"), false, 4), "chief");
		String key = accounts.issueKey(id, null, "chief").key();
		List<Integer> statuses = new ArrayList<>();
		for (Node node : List.of(a, b, a, b, a, b)) {
			statuses.add(account(node, key).statusCode());
		}
		// A token comes back every 15 s: the six requests take well under one.
		assertThat(statuses).isEqualTo(List.of(200, 200, 200, 200, 429, 429));
		HttpResponse<String> limited = account(b, key);
		assertThat(limited.headers().firstValue("Retry-After")).isPresent();
		assertThat(limited.headers().firstValue("RateLimit-Policy")).hasValue("\"key\";q=4;w=60");
	}

	@Test
	void aKeyRevokedOnOneNodeIsRefusedOnTheOtherWithinASecond() throws Exception {
		ClientAccounts accounts = a.context().getBean(ClientAccounts.class);
		long id = accounts.create(
				new ClientAccounts.NewClient("Revoked Wire", "ops@revoked.example", Set.of("world"), false, 120),
				"chief");
		ClientAccounts.IssuedKey key = accounts.issueKey(id, null, "chief");
		assertThat(account(b, key.key()).statusCode()).isEqualTo(200);

		accounts.revokeKey(id, key.keyId(), "chief");
		long revoked = System.nanoTime();
		int status = account(b, key.key()).statusCode();
		while (status != 401 && System.nanoTime() - revoked < Duration.ofSeconds(2).toNanos()) {
			status = account(b, key.key()).statusCode();
		}
		assertThat(status).isEqualTo(401);
		assertThat(Duration.ofNanos(System.nanoTime() - revoked)).isLessThan(Duration.ofSeconds(1));
	}

	private static HttpResponse<String> account(Node node, String key) throws IOException, InterruptedException {
		URI uri = node.uri("/api/v1/account");
		return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + key).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
