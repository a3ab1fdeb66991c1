package org.newswire.cluster;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.newswire.TestPostgres;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.Publishing.NewArticle;
import org.newswire.article.Publishing.WritethruDraft;
import org.newswire.article.Urgency;
import org.newswire.article.WritethruKind;
import org.newswire.change.ChangeFollower;
import org.newswire.ticker.SseStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one PostgreSQL: what is published on one is on the other's pages, search,
 * feeds and live ticker within a second, and a node that was down catches up.
 */
class ChangePropagationTests {

	private static final Duration SECOND = Duration.ofSeconds(1);

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aWritethruOnOneNodeReachesTheOtherWithinASecond() throws Exception {
		TestPostgres db = TestPostgres.required().emptySchema("cluster_propagation");
		try (Node a = Node.start(db); Node b = Node.start(db)) {
			Publishing publishingOnA = a.context().getBean(Publishing.class);
			ArticleSummary story = publishingOnA.publish(story("Lighthouse keepers vote on a new roster"), "ada");
			followedWithinASecond(a, b);
			assertThat(body(b, "/")).contains("Lighthouse keepers vote on a new roster");
			// Node B caches its pages before the change.
			assertThat(body(b, story.path())).contains("Lighthouse keepers vote on a new roster");
			assertThat(Node.get(this.http, b.uri("/feeds/atom.xml")).statusCode()).isEqualTo(200);
			assertThat(body(b, "/search?q=lighthouse")).contains("Lighthouse keepers vote on a new roster");

			try (SseStream stream = SseStream.open(this.http, b.uri("/ticker/stream"))) {
				assertThat(stream.next("ticker", SECOND)).isNotNull();
				ArticleSummary updated = publishingOnA.postWritethru(story.id(), 1,
						new WritethruDraft(WritethruKind.LD_WRITETHRU, "Lighthouse keepers accept a winter roster",
								List.of("Keepers accepted the quartermaster's winter roster."), "Eds: UPDATES", null,
								null, Urgency.ROUTINE),
						"ada");
				long posted = System.nanoTime();

				assertThat(stream.next("ticker", (data) -> data.contains("Lighthouse keepers accept a winter roster"),
						SECOND))
					.as("B's ticker stream")
					.isNotNull();
				// Four readers of B, each sees the writethru within a second of it on A.
				Map<String, CompletableFuture<Duration>> readers = new LinkedHashMap<>();
				readers.put("article page", seen(b, updated.path(), "Keepers accepted the quartermaster", posted));
				readers.put("home page", seen(b, "/", "Lighthouse keepers accept a winter roster", posted));
				readers.put("search",
						seen(b, "/search?q=quartermaster", "Lighthouse keepers accept a winter roster", posted));
				readers.put("Atom feed",
						seen(b, "/feeds/atom.xml", "Lighthouse keepers accept a winter roster", posted));
				readers.forEach((surface, seen) -> assertThat(seen.join()).as("B's " + surface).isLessThan(SECOND));
			}
			assertThat(b.context().getBean(ChangeFollower.class).lag()).isZero();
		}
	}

	@Test
	void aFlashOnOneNodeRaisesTheAlertOnTheOthersStreamsAndLeadsItsCachedPages() throws Exception {
		TestPostgres db = TestPostgres.required().emptySchema("cluster_alert");
		try (Node a = Node.start(db); Node b = Node.start(db)) {
			Publishing publishingOnA = a.context().getBean(Publishing.class);
			publishingOnA.publish(story("Harbour dredging resumes"), "ada");
			followedWithinASecond(a, b);
			// Node B caches its home page before the Flash.
			assertThat(body(b, "/")).contains("Harbour dredging resumes");
			try (SseStream stream = SseStream.open(this.http, b.uri("/ticker/stream"))) {
				assertThat(stream.next("ticker", SECOND)).isNotNull();
				NewArticle quake = new NewArticle("world", "Cluster", "NWS", "CAPE TARROW, Nov. 29 (Newswire) --", null,
						"en", Urgency.FLASH, "Quake strikes off Cape Tarrow", List.of("A strong earthquake struck."),
						null);
				ArticleSummary flash = publishingOnA.publish(quake, "ada");

				SseStream.Event alert = stream.next("alert", (data) -> data.contains("Quake strikes off Cape Tarrow"),
						SECOND);
				assertThat(alert).as("B's alert").isNotNull();
				assertThat(alert.data()).contains("\"level\":\"Flash\"", "\"url\":\"" + flash.path() + "\"");
				Element lead = Jsoup.parse(body(b, "/")).selectFirst("#ticker-list li");
				assertThat(lead.hasClass("is-alert")).isTrue();
				assertThat(lead.text()).isEqualTo("Flash: Quake strikes off Cape Tarrow");
				assertThat(lead.select("a").attr("href")).isEqualTo(flash.path());
			}
		}
	}

	@Test
	void aNodeThatWasDownCatchesUpAndItsStreamResumes() throws Exception {
		TestPostgres db = TestPostgres.required().emptySchema("cluster_catch_up");
		try (Node a = Node.start(db)) {
			Publishing publishingOnA = a.context().getBean(Publishing.class);
			publishingOnA.publish(story("Canal locks reopen to barges"), "ada");
			String lastEventId;
			try (Node b = Node.start(db)) {
				try (SseStream stream = SseStream.open(this.http, b.uri("/ticker/stream"))) {
					SseStream.Event event = stream.next("ticker", (data) -> data.contains("Canal locks reopen"),
							SECOND);
					assertThat(event).isNotNull();
					lastEventId = event.id();
				}
			}

			List<String> headlines = List.of("Tidal power trial begins", "Seaweed farm doubles its harvest",
					"Harbour pilots train on a new simulator");
			List<ArticleSummary> published = new ArrayList<>();
			for (String headline : headlines) {
				published.add(publishingOnA.publish(story(headline), "ada"));
			}

			try (Node restarted = Node.start(db)) {
				String home = body(restarted, "/");
				for (int i = 0; i < headlines.size(); i++) {
					assertThat(home).contains(headlines.get(i));
					assertThat(body(restarted, published.get(i).path())).contains(headlines.get(i));
				}
				try (SseStream resumed = SseStream.reconnect(this.http, restarted.uri("/ticker/stream"), lastEventId)) {
					SseStream.Event event = resumed.next("ticker", SECOND);
					assertThat(event).isNotNull();
					assertThat(Long.parseLong(event.id())).isGreaterThan(Long.parseLong(lastEventId));
					assertThat(event.data()).contains(headlines);
				}
			}
		}
	}

	/**
	 * Node {@code b} follows every change node {@code a} has followed within a second;
	 * {@code a} itself followed them before its writers returned.
	 */
	private static void followedWithinASecond(Node a, Node b) {
		long change = a.context().getBean(ChangeFollower.class).lastSeen();
		ChangeFollower followerOnB = b.context().getBean(ChangeFollower.class);
		await().atMost(SECOND).until(() -> followerOnB.lastSeen() >= change);
	}

	/**
	 * How long after {@code posted} (a {@link System#nanoTime()}) a reader polling the
	 * node's page first finds the text.
	 */
	private CompletableFuture<Duration> seen(Node node, String path, String text, long posted) {
		return CompletableFuture.supplyAsync(() -> {
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> body(node, path).contains(text));
			return Duration.ofNanos(System.nanoTime() - posted);
		});
	}

	private String body(Node node, String path) throws IOException, InterruptedException {
		return Node.get(this.http, node.uri(path)).body();
	}

	private static NewArticle story(String headline) {
		return new NewArticle("world", "Cluster", "NWS", "PORT ELLIS, Nov. 29 (Newswire) --", null, "en",
				Urgency.ROUTINE, headline, List.of("The first paragraph of " + headline.toLowerCase() + "."),
				"Eds: first");
	}

}
