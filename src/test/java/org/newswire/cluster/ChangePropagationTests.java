package org.newswire.cluster;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newswire.TestPostgres;
import org.newswire.article.ArticleService;
import org.newswire.article.ArticleSummary;
import org.newswire.article.NewArticle;
import org.newswire.article.Urgency;
import org.newswire.article.WritethruDraft;
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
			ArticleService articlesOnA = a.context().getBean(ArticleService.class);
			ArticleSummary story = articlesOnA.publish(story("Lighthouse keepers vote on a new roster"), "ada");
			followedWithinASecond(a, b);
			assertThat(body(b, "/")).contains("Lighthouse keepers vote on a new roster");
			// Node B caches its pages before the change.
			assertThat(body(b, story.path())).contains("Lighthouse keepers vote on a new roster");
			assertThat(Node.get(this.http, b.uri("/feeds/atom.xml")).statusCode()).isEqualTo(200);

			try (SseStream stream = SseStream.open(this.http, b.uri("/ticker/stream"))) {
				assertThat(stream.next("ticker", SECOND)).isNotNull();
				ArticleSummary updated = articlesOnA.postWritethru(story.id(), 1,
						new WritethruDraft(WritethruKind.LD_WRITETHRU, "Lighthouse keepers accept a winter roster",
								List.of("Keepers accepted the quartermaster's winter roster."), "Eds: UPDATES", null,
								null, Urgency.ROUTINE),
						"ada");

				assertThat(stream.next("ticker", (data) -> data.contains("Lighthouse keepers accept a winter roster"),
						SECOND))
					.as("B's ticker stream")
					.isNotNull();
				// A followed the change before the writer returned; B must within a
				// second. What B serves is then checked without a clock: a slow render on
				// a loaded machine is not slow propagation.
				followedWithinASecond(a, b);
				assertThat(body(b, updated.path())).as("B's article page")
					.contains("Keepers accepted the quartermaster");
				assertThat(body(b, "/")).as("B's home page").contains("Lighthouse keepers accept a winter roster");
				assertThat(body(b, "/search?q=quartermaster")).as("B's search")
					.contains("Lighthouse keepers accept a winter roster");
				assertThat(body(b, "/feeds/atom.xml")).as("B's Atom feed")
					.contains("Lighthouse keepers accept a winter roster");
			}
			assertThat(b.context().getBean(ChangeFollower.class).lag()).isZero();
		}
	}

	@Test
	void aNodeThatWasDownCatchesUpAndItsStreamResumes() throws Exception {
		TestPostgres db = TestPostgres.required().emptySchema("cluster_catch_up");
		try (Node a = Node.start(db)) {
			ArticleService articlesOnA = a.context().getBean(ArticleService.class);
			articlesOnA.publish(story("Canal locks reopen to barges"), "ada");
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
				published.add(articlesOnA.publish(story(headline), "ada"));
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

	private String body(Node node, String path) throws IOException, InterruptedException {
		return Node.get(this.http, node.uri(path)).body();
	}

	private static NewArticle story(String headline) {
		return new NewArticle("world", "Cluster", "NWS", "PORT ELLIS, Nov. 29 (Newswire) --", null, "en",
				Urgency.ROUTINE, headline, List.of("The first paragraph of " + headline.toLowerCase() + "."),
				"Eds: first");
	}

}
