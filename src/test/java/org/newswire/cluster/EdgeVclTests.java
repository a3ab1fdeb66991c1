package org.newswire.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the shipped edge VCL does with the answers of a stand-in node whose answers the
 * test chooses: a page the node said to keep for outages only ({@code s-maxage=0}, as a
 * render across a change is answered) is fetched again while the node answers and served
 * when it stops, without being assembled again behind the readers; a node that answers
 * with an error gets the copy held served instead; every copy stays for outages as long
 * as the node's {@code stale-if-error} allows and an hour at least; whole pages are kept
 * in memory and the bodies they are assembled from in the file.
 */
class EdgeVclTests {

	private static final String OUTAGES_ONLY = "public, max-age=30, s-maxage=0, stale-while-revalidate=60, stale-if-error=86400";

	private static final String KEPT = "public, max-age=30, s-maxage=86400, stale-while-revalidate=60, stale-if-error=86400";

	/** A node allowing a copy past its TTL for a minute only. */
	private static final String BRIEF_IF_ERROR = "public, max-age=30, s-maxage=86400, stale-if-error=60";

	/** How many times the node was asked for a page. */
	private final AtomicInteger fetches = new AtomicInteger();

	/** What the node answers pages with now. */
	private final AtomicInteger status = new AtomicInteger(200);

	private HttpServer node;

	private Varnish edge;

	@BeforeEach
	void start() throws Exception {
		Varnish.required();
		this.node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		// The probe's address.
		this.node.createContext("/fragments/ticker", (exchange) -> answer(exchange, 200, KEPT, "<p>ticker</p>"));
		this.node.createContext("/outages-only", (exchange) -> answer(exchange, this.status.get(), OUTAGES_ONLY,
				"<p>version " + this.fetches.incrementAndGet() + "</p>"));
		this.node.createContext("/assembled", (exchange) -> {
			// As a node answers the edge: the ticker left to an include.
			exchange.getResponseHeaders().set("Surrogate-Control", "content=\"ESI/1.0\"");
			answer(exchange, 200, KEPT, "<p>story</p><esi:include src=\"/fragments/ticker\"/>");
		});
		this.node.createContext("/brief-if-error", (exchange) -> answer(exchange, 200, BRIEF_IF_ERROR, "<p>brief</p>"));
		this.node.createContext("/kept", (exchange) -> answer(exchange, this.status.get(), KEPT,
				"<p>version " + this.fetches.incrementAndGet() + "</p>"));
		this.node.start();
		int port = this.node.getAddress().getPort();
		this.edge = Varnish.start(port, port);
		await().atMost(Duration.ofSeconds(10)).until(() -> get("/kept").statusCode() == 200);
	}

	@AfterEach
	void stop() throws InterruptedException, IOException {
		if (this.edge != null) {
			this.edge.close();
		}
		if (this.node != null) {
			this.node.stop(0);
		}
	}

	@Test
	void aPageKeptForOutagesOnlyIsAskedForAgainWhileTheNodeAnswersAndServedWhenItStops() throws Exception {
		String first = get("/outages-only").body();
		String second = get("/outages-only").body();
		assertThat(second).isNotEqualTo(first);

		this.node.stop(0);
		this.node = null;

		// At once, while the probe still counts the node in, and once it has found it
		// gone.
		assertThat(this.edge.anyNodeInRotation()).isTrue();
		HttpResponse<String> atOnce = get("/outages-only");
		assertThat(atOnce.statusCode()).isEqualTo(200);
		assertThat(atOnce.body()).isEqualTo(second);
		await().atMost(Duration.ofSeconds(15)).until(() -> !this.edge.anyNodeInRotation());
		long assembled = this.edge.counter("VBE.boot.assembly.req");
		for (int reader = 0; reader < 3; reader++) {
			HttpResponse<String> later = get("/outages-only");
			assertThat(later.statusCode()).isEqualTo(200);
			assertThat(later.body()).isEqualTo(second);
		}
		// Served as held: no page assembled again behind the readers while no node
		// answers.
		assertThat(this.edge.counter("VBE.boot.assembly.req")).isEqualTo(assembled);
	}

	@Test
	void aNodeAnsweringWithAnErrorGetsTheHeldCopyServedInstead() throws Exception {
		String held = get("/kept").body();
		this.edge.purge("xkey-softpurge", "page");
		this.status.set(503);

		HttpResponse<String> answer = get("/kept");

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo(held);
		// The node was asked again (and, in the background, once more for the copy
		// served).
		assertThat(this.fetches.get()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aPageIsHeldWholeInMemoryAndItsBodyInTheFile() throws Exception {
		assertThat(get("/assembled").body()).isEqualTo("<p>story</p><p>ticker</p>");
		get("/outages-only");

		// The whole page readers get, fetched from the edge's assembly layer, and the
		// body it was made of, fetched from a node; the ticker fragment with the bodies.
		for (String page : new String[] { "/kept", "/assembled", "/outages-only" }) {
			assertThat(this.edge.copiesOf(page)).as(page).containsExactlyInAnyOrder("assembly pages", "node bodies");
		}
		assertThat(this.edge.copiesOf("/fragments/ticker")).containsExactly("node bodies");
	}

	@Test
	void everyCopyStaysForOutagesAnHourPastItsTimeAtLeastAndAsLongAsTheNodeAllows() throws Exception {
		get("/kept");
		get("/brief-if-error");

		// Both layers: the whole page readers get and the body it is assembled from.
		assertThat(this.edge.gracesOf("/kept")).containsExactlyInAnyOrder("assembly 86400", "node 86400");
		assertThat(this.edge.gracesOf("/brief-if-error")).containsExactlyInAnyOrder("assembly 3600", "node 3600");
	}

	private void answer(HttpExchange exchange, int status, String cacheControl, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
		exchange.getResponseHeaders().set("Cache-Control", cacheControl);
		exchange.getResponseHeaders().set("xkey", "page");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(this.edge.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
