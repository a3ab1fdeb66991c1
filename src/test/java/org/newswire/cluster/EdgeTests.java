package org.newswire.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.newswire.TestPostgres;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.Publishing.NewArticle;
import org.newswire.article.Publishing.WritethruDraft;
import org.newswire.article.Urgency;
import org.newswire.article.WritethruKind;
import org.newswire.clients.ClientAccounts;
import org.newswire.ticker.SseStream;
import org.newswire.ticker.TickerService;

import org.springframework.boot.logging.LoggingSystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on PostgreSQL behind a varnishd running the shipped edge VCL: readers get
 * every change within a second through the edge, a ticker change refreshes the ticker of
 * every page the edge holds without refetching one, each change is purged once for the
 * cluster, nothing private is kept, and with every node stopped the edge still serves its
 * pages (the desk a 503 page of its own).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EdgeTests {

	private static final Duration SECOND = Duration.ofSeconds(1);

	/** Writethrus whose slowest must show through the edge within {@link #SECOND}. */
	private static final int WRITETHRUS = 10;

	/**
	 * A headline longer than an address keeps: the writethrus add to its end, and the
	 * story keeps its address.
	 */
	private static final String FERRY = "Ferry timetable changes for winter as the harbour board adds night crossings"
			+ " on the northern route";

	private static Node a;

	private static Node b;

	private static Varnish edge;

	private static HttpServer purgeRelay;

	/** The tags of each purge the nodes sent, in order. */
	private static final List<String> purges = new CopyOnWriteArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() throws Exception {
		Varnish.required();
		TestPostgres db = TestPostgres.required().emptySchema("cluster_edge");
		// The nodes purge through a relay that counts what they send.
		purgeRelay = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		HttpClient relay = HttpClient.newHttpClient();
		purgeRelay.createContext("/", (exchange) -> {
			String tags = exchange.getRequestHeaders().getFirst("xkey-softpurge");
			purges.add(exchange.getRequestMethod() + " " + tags);
			int status;
			try {
				status = relay
					.send(HttpRequest.newBuilder(edge.uri("/"))
						.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.noBody())
						.header("xkey-softpurge", tags)
						.build(), HttpResponse.BodyHandlers.discarding())
					.statusCode();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				status = 500;
			}
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		purgeRelay.start();
		String[] edgeArguments = {
				"--newswire.edge.purge-urls=http://127.0.0.1:" + purgeRelay.getAddress().getPort() + "/",
				// Links name the public origin, whichever address a page is asked at.
				"--newswire.public-url=https://news.example.org" };
		System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
		try {
			CompletableFuture<Node> first = CompletableFuture.supplyAsync(() -> Node.start(db, edgeArguments));
			CompletableFuture<Node> second = CompletableFuture.supplyAsync(() -> Node.start(db, edgeArguments));
			a = first.join();
			b = second.join();
		}
		finally {
			System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
		}
		edge = Varnish.start(a.uri("/").getPort(), b.uri("/").getPort());
		await().atMost(Duration.ofSeconds(10)).until(() -> get(edge.uri("/")).statusCode() == 200);
	}

	@AfterAll
	static void stop() throws Exception {
		if (edge != null) {
			edge.close();
		}
		if (purgeRelay != null) {
			purgeRelay.stop(0);
		}
		for (Node node : new Node[] { a, b }) {
			if (node != null) {
				node.close();
			}
		}
	}

	/**
	 * Each writethru in turn, on either node, with the story's page and the home page
	 * held at the edge before it: the main part of both shows it through the edge within
	 * a second (the ticker, which shows it too, is purged apart). What a writethru waits
	 * for is its purge, {@code newswire.edge.delay} after the commit, and one render of
	 * each page by a node: far less than a second on a CI machine, which leaves room for
	 * a loaded one, so each writethru is held to the second, not their mean.
	 */
	@Test
	@Order(1)
	void everyWritethruOnEitherNodeIsVisibleThroughTheEdgeWithinASecond() throws Exception {
		ArticleSummary story = a.context().getBean(Publishing.class).publish(story(FERRY), "ada");
		await().atMost(Duration.ofSeconds(5)).until(() -> body(story.path()).contains(FERRY));
		List<Duration> visible = new ArrayList<>();
		// The first writethru on each node is not counted: it renders pages with code the
		// JVM has not compiled yet, which an edge in service never waits for.
		for (int sequence = 2; sequence <= WRITETHRUS + 3; sequence++) {
			// Both pages held at the edge before the writethru.
			for (String path : new String[] { story.path(), "/" }) {
				await().atMost(Duration.ofSeconds(5))
					.until(() -> get(edge.uri(path)).headers().firstValue("X-Cache").orElse(""), "HIT"::equals);
			}
			Node writer = (sequence % 2 == 0) ? a : b;
			String headline = FERRY + ", crossing " + sequence;
			ArticleSummary updated = writer.context()
				.getBean(Publishing.class)
				.postWritethru(story.id(), sequence - 1,
						new WritethruDraft(WritethruKind.WRITETHRU, headline,
								List.of("Crossing " + sequence + " runs from December."), "Eds: UPDATES", null, null,
								Urgency.ROUTINE),
						"ada");
			long posted = System.nanoTime();
			// The same address: the page held at the edge is the one purged.
			assertThat(updated.path()).isEqualTo(story.path());
			for (String path : new String[] { story.path(), "/" }) {
				await().atMost(Duration.ofSeconds(5))
					.pollDelay(Duration.ZERO)
					.pollInterval(Duration.ofMillis(10))
					.until(() -> Jsoup.parse(body(path)).select("main").text().contains(headline));
				if (sequence > 3) {
					visible.add(Duration.ofNanos(System.nanoTime() - posted));
				}
			}
		}
		assertThat(visible).as("the story's page and the home page after each writethru: %s", visible)
			.hasSize(2 * WRITETHRUS)
			.allSatisfy((each) -> assertThat(each).isLessThanOrEqualTo(SECOND));
	}

	@Test
	@Order(2)
	void eachChangeIsPurgedOnceForTheCluster() throws Exception {
		Publishing publishingOnB = b.context().getBean(Publishing.class);
		// The purges of earlier changes are done.
		Thread.sleep(1500);
		purges.clear();
		ArticleSummary story = publishingOnB.publish(story("Harbour crane returns to service"), "ada");
		// Long enough for both nodes' purgers (delay 150 ms, retry every second) to have
		// run several times.
		Thread.sleep(3000);
		assertThat(purges).containsExactly("PURGE article:" + story.id() + " lists section:world ticker");
	}

	@Test
	@Order(3)
	void aTickerChangeRefreshesTheTickerOfEveryPageWhileTheirBodiesKeepTheirAge() throws Exception {
		ArticleSummary story = a.context()
			.getBean(Publishing.class)
			.publish(story("Lighthouse restoration wins a grant"), "ada");
		List<String> paths = List.of("/", story.path(), "/sections/world");
		await().atMost(Duration.ofSeconds(5)).until(() -> body(story.path()).contains("Lighthouse restoration"));
		// Its purges are done before the pages are held.
		Thread.sleep(1000);
		// Each page is held, two seconds old at least, before the ticker changes. What a
		// node rendered while still following the publication is held for outages only
		// and asked for again at the next read, so the reads go on until every copy is
		// one the edge keeps.
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() -> {
			for (String path : paths) {
				HttpResponse<String> held = get(edge.uri(path));
				if (!held.headers().firstValue("X-Cache").orElse("").equals("HIT")
						|| Long.parseLong(held.headers().firstValue("Age").orElse("0")) < 2) {
					return false;
				}
			}
			return true;
		});
		long fetched = edge.nodeFetches();
		TickerService tickerOnB = b.context().getBean(TickerService.class);
		tickerOnB.post("Coastal road reopens after the storm", Urgency.ROUTINE, null, "ada");
		for (String path : paths) {
			await().atMost(SECOND)
				.pollInterval(Duration.ofMillis(20))
				.until(() -> body(path).contains("Coastal road reopens after the storm"));
			HttpResponse<String> page = get(edge.uri(path));
			assertThat(page.headers().firstValue("X-Cache")).as(path).hasValue("HIT");
			assertThat(Long.parseLong(page.headers().firstValue("Age").orElseThrow())).as(path)
				.isGreaterThanOrEqualTo(2);
			// The reader gets the very bytes a node serves without an edge.
			assertThat(page.body()).as(path).isEqualTo(get(a.uri(path)).body());
		}
		// The nodes were asked for the fragment (once more at most, by a node that
		// followed the change after its purge), never for the three pages again.
		assertThat(edge.nodeFetches() - fetched).isBetween(1L, 2L);
	}

	@Test
	@Order(4)
	void nothingPrivateIsKeptAtTheEdge() throws Exception {
		// The desk, and its sign-in page that sets cookies.
		for (String path : new String[] { "/desk/login", "/desk" }) {
			get(edge.uri(path));
			HttpResponse<String> again = get(edge.uri(path));
			assertThat(again.headers().firstValue("X-Cache")).as(path).hasValue("MISS");
		}
		HttpResponse<String> login = get(edge.uri("/desk/login"));
		assertThat(login.headers().allValues("Set-Cookie")).isNotEmpty();
		// The machine API with a client's key.
		ClientAccounts accounts = a.context().getBean(ClientAccounts.class);
		long client = accounts.create(
				new ClientAccounts.NewClient("Edge Wire", "ops@edge.example", Set.of("world"), false, 120), "chief");
		String key = accounts.issueKey(client, null, "chief").key();
		for (int i = 0; i < 2; i++) {
			HttpResponse<String> api = this.http.send(
					HttpRequest.newBuilder(edge.uri("/api/v1/account")).header("X-Api-Key", key).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(api.statusCode()).isEqualTo(200);
			assertThat(api.headers().firstValue("X-Cache")).hasValue("MISS");
			assertThat(api.headers().firstValue("Cache-Control")).hasValue("private, no-store");
		}
		// What a reader gets carries no tag and no instruction for caches beyond the
		// edge.
		HttpResponse<String> home = get(edge.uri("/"));
		assertThat(home.headers().map()).doesNotContainKeys("xkey", "surrogate-key", "surrogate-control");
		assertThat(home.headers().firstValue("Cache-Control"))
			.hasValue("public, max-age=30, stale-while-revalidate=60");
	}

	@Test
	@Order(5)
	void theStreamMovesToTheOtherNodeAndWithEveryNodeStoppedTheEdgeServesItsCopies() throws Exception {
		int purgedBefore = purges.size();
		ArticleSummary story = b.context().getBean(Publishing.class).publish(story("Pier lights go dark"), "ada");
		// The pages are read once its purge, the ticker's included, is done: each carries
		// the ticker the edge holds, and it holds one for them all.
		await().atMost(Duration.ofSeconds(5))
			.until(() -> purges.stream()
				.skip(purgedBefore)
				.anyMatch((purge) -> purge.contains("article:" + story.id())));
		List<String> held = List.of("/", story.path(), "/sections/world", story.path() + "/versions",
				"/ticker/snapshot", "/feeds/atom.xml", "/api/ninjs/articles/" + story.id());
		Map<String, String> copies = new HashMap<>();
		for (String path : held) {
			HttpResponse<String> answer = get(edge.uri(path));
			assertThat(answer.statusCode()).as(path).isEqualTo(200);
			copies.put(path, answer.body());
		}
		assertThat(copies.get("/")).contains("Pier lights go dark");

		a.close();
		a = null;
		// Wherever the stream was, a reader's page opens it again and gets node B.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			try (SseStream stream = SseStream.open(this.http, edge.uri("/ticker/stream"))) {
				assertThat(stream.next("ticker", SECOND)).isNotNull();
			}
		});
		try (SseStream stream = SseStream.open(this.http, edge.uri("/ticker/stream"))) {
			assertThat(stream.next("ticker", SECOND)).isNotNull();
			b.context().getBean(TickerService.class).post("Night ferry delayed by fog", Urgency.ROUTINE, null, "ada");
			assertThat(stream.next("ticker", (data) -> data.contains("Night ferry delayed by fog"), SECOND))
				.isNotNull();
		}

		// A writethru nobody reads before the last node stops: every held page is purged,
		// and no node is asked for one of them again.
		int purged = purges.size();
		b.context()
			.getBean(Publishing.class)
			.postWritethru(story.id(), 1,
					new WritethruDraft(WritethruKind.LD_WRITETHRU, "Pier lights back on",
							List.of("The lights came back at dusk."), "Eds: UPDATES", null, null, Urgency.ROUTINE),
					"ada");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> purges.stream().skip(purged).anyMatch((purge) -> purge.contains("article:" + story.id())));
		b.close();
		b = null;
		// At once, before the probe can have found it gone: a fetch fails, and the reader
		// gets the copy held.
		for (String path : held) {
			HttpResponse<String> answer = get(edge.uri(path));
			assertThat(answer.statusCode()).as(path).isEqualTo(200);
			assertThat(answer.body()).as(path).isEqualTo(copies.get(path));
		}
		HttpResponse<String> desk = get(edge.uri("/desk/login"));
		assertThat(desk.statusCode()).isEqualTo(503);
		assertThat(desk.body()).contains("<h1>Service unavailable</h1>").doesNotContain("Guru Meditation");
	}

	private String body(String path) throws IOException, InterruptedException {
		return get(edge.uri(path)).body();
	}

	private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static NewArticle story(String headline) {
		return new NewArticle("world", "Cluster", "NWS", "PORT ELLIS, Nov. 29 (Newswire) --", null, "en",
				Urgency.ROUTINE, headline, List.of("The first paragraph of " + headline.toLowerCase() + "."),
				"Eds: first");
	}

}
