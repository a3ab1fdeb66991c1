package org.newswire.cluster;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.newswire.TestPostgres;
import org.newswire.TestStories;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.WritethruKind;
import org.newswire.clients.ClientAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client follows {@code next_page} from whichever of two nodes answers while editors on
 * both make 500 changes, and one node is stopped and started again halfway: every version
 * of every story arrives once, in order.
 */
class FeedAcrossNodesTests {

	private static final int CHANGES = 500;

	private static final int STORIES_PER_EDITOR = 10;

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void aClientFollowingNextPageGetsEveryVersionOnceAndInOrderAcrossARestart() throws Exception {
		TestPostgres db = TestPostgres.required().emptySchema("cluster_feed");
		String[] settings = { "--newswire.wire.long-poll=1s" };
		AtomicReference<Node> a = new AtomicReference<>(Node.start(db, settings));
		try (Node b = Node.start(db, settings)) {
			ClientAccounts accounts = b.context().getBean(ClientAccounts.class);
			long clientId = accounts.create(new ClientAccounts.NewClient("Two-node client", "desk@client.example",
					Set.of("world", "business"), false, 100_000), "chief");
			String key = accounts.issueKey(clientId, null, "chief").key();
			List<String> received = Collections.synchronizedList(new ArrayList<>());
			List<String> refusals = Collections.synchronizedList(new ArrayList<>());
			AtomicBoolean following = new AtomicBoolean(true);
			String start = get(b, key, "since=2999-01-01T00:00:00Z").get("next_page").asText();
			CompletableFuture<Void> client = CompletableFuture
				.runAsync(() -> follow(List.of(a::get, () -> b), key, start, received, refusals, following));

			AtomicInteger made = new AtomicInteger();
			Map<String, Integer> versions = new LinkedHashMap<>();
			try {
				CompletableFuture<Void> onB = CompletableFuture.runAsync(
						() -> edit(b.context().getBean(Publishing.class), "business", CHANGES / 2, made, versions));
				edit(a.get().context().getBean(Publishing.class), "world", CHANGES / 4, made, versions);
				a.get().close();
				a.set(Node.start(db, settings));
				edit(a.get().context().getBean(Publishing.class), "world", CHANGES / 4, made, versions);
				onB.join();
				assertThat(made.get()).isEqualTo(CHANGES);

				await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= CHANGES);
				Thread.sleep(1500);
			}
			finally {
				// Left following closed nodes, the client would spin
				// through the next test classes of this JVM.
				following.set(false);
			}
			client.join();

			// A node that is stopping refuses new requests; nothing else is refused.
			assertThat(refusals).allMatch((refusal) -> refusal.startsWith("HTTP 503"));
			List<String> expected = new ArrayList<>();
			versions.forEach((uri, last) -> {
				for (int version = 1; version <= last; version++) {
					expected.add(uri + " " + version);
				}
			});
			assertThat(received).hasSize(CHANGES).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
			Map<String, Integer> lastSeen = new LinkedHashMap<>();
			for (String entry : received) {
				String uri = entry.substring(0, entry.lastIndexOf(' '));
				int version = Integer.parseInt(entry.substring(entry.lastIndexOf(' ') + 1));
				assertThat(version).as(entry + " in order").isEqualTo(lastSeen.getOrDefault(uri, 0) + 1);
				lastSeen.put(uri, version);
			}
		}
		finally {
			a.get().close();
		}
	}

	/**
	 * One editor: a few stories, then writethrus on them in turn, until it made its
	 * share.
	 */
	private static void edit(Publishing publishing, String section, int changes, AtomicInteger made,
			Map<String, Integer> versions) {
		List<ArticleSummary> stories = new ArrayList<>();
		for (int i = 0; i < changes; i++) {
			if (stories.size() < STORIES_PER_EDITOR) {
				stories.add(TestStories.story().section(section).headline(section + " story " + i).publish(publishing));
			}
			else {
				int at = i % STORIES_PER_EDITOR;
				stories.set(at, TestStories.writethru(WritethruKind.WRITETHRU).post(publishing, stories.get(at)));
			}
			synchronized (versions) {
				stories.forEach((s) -> versions.put("story " + s.id(), s.current().sequence()));
			}
			made.incrementAndGet();
		}
	}

	/**
	 * Follows next_page, asking the nodes in turn and passing over one that is down.
	 */
	private void follow(List<Supplier<Node>> nodes, String key, String start, List<String> received,
			List<String> refusals, AtomicBoolean following) {
		String cursor = start;
		int turn = 0;
		while (following.get()) {
			Node node = nodes.get(turn++ % nodes.size()).get();
			try {
				JsonNode page = get(node, key, "limit=37&cursor=" + cursor);
				for (JsonNode entry : page.get("entries")) {
					String uri = entry.get("item").get("uri").asText();
					received.add("story " + uri.substring(uri.lastIndexOf(':') + 1) + " "
							+ entry.get("item").get("version").asText());
				}
				cursor = page.get("next_page").asText();
			}
			catch (IOException ex) {
				// That node is down: the other answers.
			}
			catch (Refused ex) {
				refusals.add(ex.getMessage());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private JsonNode get(Node node, String key, String query) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = this.http.send(HttpRequest.newBuilder(node.uri("/api/v1/feed?" + query))
			.header("Authorization", "Bearer " + key)
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new Refused("HTTP " + response.statusCode() + ": " + new String(response.body()));
		}
		return JSON.readTree(response.body());
	}

	private static final class Refused extends RuntimeException {

		Refused(String message) {
			super(message);
		}

	}

}
