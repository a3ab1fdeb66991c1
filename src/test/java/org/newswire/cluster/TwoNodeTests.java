package org.newswire.cluster;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newswire.TestPhotos;
import org.newswire.TestPostgres;
import org.newswire.TestStories;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.Stories;
import org.newswire.photo.Photo;
import org.newswire.photo.PhotoLibrary;
import org.newswire.ticker.SseStream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one PostgreSQL, started together on an empty database, as behind a load
 * balancer: the desk session follows the editor from node to node (and ends on all of
 * them at sign-out or when the account is disabled), start-up work is done once, an
 * embargo lifts once, and each node is operable on its own management port.
 */
class TwoNodeTests {

	private static final String ADMIN = "chief";

	private static final String PASSWORD = "a long configured secret";

	private static Node a;

	private static Node b;

	@BeforeAll
	static void startTogether() {
		TestPostgres db = TestPostgres.required().emptySchema("cluster_two_nodes");
		String[] admin = { "--newswire.admin.username=" + ADMIN, "--newswire.admin.password=" + PASSWORD };
		List<Node> nodes = Node.startTogether(db, admin);
		a = nodes.get(0);
		b = nodes.get(1);
	}

	@AfterAll
	static void stop() {
		Node.closeAll(a, b);
	}

	@Test
	void nodesStartingTogetherCreateTheAdminOnce() {
		JdbcTemplate jdbc = a.context().getBean(JdbcTemplate.class);
		assertThat(jdbc.queryForObject("select count(*) from editor where role = 'ADMIN'", Integer.class)).isOne();
		assertThat(
				jdbc.queryForObject("select count(*) from audit_entry where action = 'EDITOR_CREATED'", Integer.class))
			.isOne();
	}

	@Test
	void aDeskSessionStartedOnOneNodeHoldsOnTheOtherUntilSignedOutThere() throws Exception {
		CookieManager cookies = new CookieManager();
		// Cookies are not bound to a port: the browser sends the desk cookie to whichever
		// node the balancer picks, as to one host.
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
		Node.get(browser, a.uri("/desk/login"));
		assertThat(sessionId(cookies)).as("no session before sign-in").isEmpty();

		HttpResponse<String> signIn = signIn(browser, a, ADMIN, PASSWORD);
		String signedIn = sessionId(cookies).orElseThrow();
		assertThat(signIn.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID=")
				.contains("Path=/desk", "HttpOnly", "SameSite=Strict"));

		HttpResponse<String> onB = Node.get(browser, b.uri("/desk"));
		assertThat(onB.statusCode()).isEqualTo(200);
		assertThat(onB.body()).contains("Signed in as " + ADMIN);

		HttpResponse<String> signOut = post(browser, b.uri("/desk/logout"), Map.of("_csrf", csrf(onB.body())));
		assertThat(signOut.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/desk/login?signedOut"));

		HttpClient stale = HttpClient.newHttpClient();
		HttpResponse<String> onA = stale.send(
				HttpRequest.newBuilder(a.uri("/desk")).header("Cookie", "JSESSIONID=" + signedIn).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(onA.statusCode()).as("signed out on B, so no longer signed in on A").isEqualTo(302);
		assertThat(onA.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/desk/login"));
	}

	@Test
	void readerPagesStayCookieFree() throws Exception {
		HttpResponse<String> home = Node.get(HttpClient.newHttpClient(), b.uri("/"));
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void theActuatorAnswersOnTheManagementPortOnly() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (String path : new String[] { "/actuator/health", "/actuator/prometheus", "/actuator" }) {
			assertThat(Node.get(http, a.uri(path)).statusCode()).as(path + " on the public port").isEqualTo(404);
		}
		assertThat(Node.get(http, a.management("/actuator/health/readiness")).body()).contains("\"UP\"");
		assertThat(Node.get(http, a.management("/actuator/health/liveness")).body()).contains("\"UP\"");
		Node.get(http, a.uri("/"));
		Node.get(http, a.uri("/"));
		String metrics = Node.get(http, a.management("/actuator/prometheus")).body();
		assertThat(metrics).contains("http_server_requests_seconds_count", "newswire_page_cache_total{result=\"hit\"}",
				"newswire_page_cache_total{result=\"miss\"}", "newswire_ticker_streams", "newswire_change_lag");
	}

	@Test
	void disablingAnAccountEndsItsSessionOnEveryNode() throws Exception {
		JdbcTemplate jdbc = a.context().getBean(JdbcTemplate.class);
		String hash = a.context().getBean(PasswordEncoder.class).encode(PASSWORD);
		jdbc.update("insert into editor (username, password_hash, role, enabled, created_at) "
				+ "values ('night-editor', ?, 'EDITOR', true, current_timestamp)", hash);
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		signIn(browser, a, "night-editor", PASSWORD);
		assertThat(Node.get(browser, b.uri("/desk")).statusCode()).isEqualTo(200);

		// As an admin on node A does it: the account row changes, nothing else.
		jdbc.update("update editor set enabled = false where username = 'night-editor'");
		HttpResponse<String> onB = Node.get(browser, b.uri("/desk"));
		assertThat(onB.statusCode()).isEqualTo(302);
		assertThat(onB.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/desk/login"));

		jdbc.update("update editor set enabled = true where username = 'night-editor'");
		assertThat(Node.get(browser, a.uri("/desk")).statusCode()).as("the session ended, not just paused")
			.isEqualTo(302);
	}

	/**
	 * Photos live in the database: one uploaded on node A and filed with a story there is
	 * shown by node B's article page and served by B, byte for byte as A serves it, with
	 * the same immutable caching.
	 */
	@Test
	void aPhotoUploadedOnOneNodeIsServedByTheOther() throws Exception {
		Photo photo = TestPhotos.add(a.context().getBean(PhotoLibrary.class));
		ArticleSummary story = TestStories.story()
			.slugline("Ferry-Photo")
			.headline("Night ferry returns to the harbour timetable")
			.photo(photo.id())
			.publish(a.context().getBean(Publishing.class));
		HttpClient http = HttpClient.newHttpClient();
		String page = Node.get(http, b.uri(story.path())).body();
		Photo.Rendition rendition = photo.atLeast("webp", 640);
		assertThat(Jsoup.parse(page).select("figure picture img").attr("alt")).isEqualTo(TestPhotos.ALT);
		assertThat(Jsoup.parse(page).select("figure picture source[type=image/webp]").attr("srcset"))
			.isEqualTo(photo.srcset("webp"));
		HttpResponse<byte[]> fromA = http.send(HttpRequest.newBuilder(a.uri(rendition.url())).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		HttpResponse<byte[]> fromB = http.send(HttpRequest.newBuilder(b.uri(rendition.url())).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(fromB.statusCode()).isEqualTo(200);
		assertThat(fromB.headers().firstValue("Content-Type")).hasValue("image/webp");
		assertThat(fromB.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
		assertThat(fromB.headers().firstValue("ETag")).isEqualTo(fromA.headers().firstValue("ETag"));
		assertThat(fromB.body()).isEqualTo(fromA.body());

		// The crops exist once asked for: here both nodes are asked for each at once, and
		// each answers the same picture, stored once.
		List<CompletableFuture<HttpResponse<byte[]>>> crops = new ArrayList<>();
		for (Photo.Rendition crop : photo.crops()) {
			for (URI uri : List.of(a.uri(crop.url()), b.uri(crop.url()))) {
				crops.add(http.sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray()));
			}
		}
		for (int i = 0; i < crops.size(); i += 2) {
			HttpResponse<byte[]> cropFromA = crops.get(i).get();
			HttpResponse<byte[]> cropFromB = crops.get(i + 1).get();
			assertThat(cropFromA.statusCode()).as(cropFromA.uri().toString()).isEqualTo(200);
			assertThat(cropFromB.statusCode()).as(cropFromB.uri().toString()).isEqualTo(200);
			assertThat(cropFromB.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
			assertThat(cropFromB.body()).isEqualTo(cropFromA.body());
		}
		assertThat(a.context()
			.getBean(JdbcTemplate.class)
			.queryForObject("select count(*) from photo_rendition r join photo p on p.id = r.photo_id "
					+ "where p.hash = ? and r.crop <> 'none'", Integer.class, photo.hash()))
			.isEqualTo(3);
	}

	/**
	 * Both nodes run the release job on their real schedulers: the story goes out once,
	 * within a second of its time, and a reader's open stream on the node that did not
	 * file it receives its ticker line.
	 */
	@Test
	void anEmbargoLiftsOnceOnTwoNodesWithinASecond() throws Exception {
		Instant until = Instant.now().plusMillis(1500);
		ArticleSummary filed = a.context()
			.getBean(Publishing.class)
			.publish(TestStories.story()
				.slugline("Tide-Tables")
				.headline("Winter tide tables published for the harbour")
				.draft(), until, ADMIN);
		HttpClient http = HttpClient.newHttpClient();
		assertThat(Node.get(http, b.uri(filed.path())).statusCode()).isEqualTo(404);
		try (SseStream stream = SseStream.open(http, b.uri("/ticker/stream"))) {
			assertThat(stream.head(Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(5))
				.until(() -> Node.get(http, a.uri(filed.path())).statusCode() == 200
						&& Node.get(http, b.uri(filed.path())).statusCode() == 200);
			stream.next("ticker", (data) -> data.contains("Winter tide tables"), Duration.ofSeconds(5));
		}
		ArticleSummary released = b.context().getBean(Stories.class).readable(filed.id());
		assertThat(Duration.between(until, released.firstPublishedAt())).isBetween(Duration.ZERO,
				Duration.ofSeconds(1));
		JdbcTemplate jdbc = a.context().getBean(JdbcTemplate.class);
		for (String sql : new String[] { "select count(*) from writethru where article_id = ?",
				"select count(*) from headline where article_id = ?",
				"select count(*) from audit_entry where article_id = ? and action = 'PUBLISHED'",
				"select count(*) from change_record where article_id = ? and kinds like '%PUBLISHED%'" }) {
			assertThat(jdbc.queryForObject(sql, Integer.class, filed.id())).as(sql).isOne();
		}
	}

	/**
	 * Signs in through a node's form, as a browser does.
	 */
	private static HttpResponse<String> signIn(HttpClient browser, Node node, String username, String password)
			throws IOException, InterruptedException {
		String loginPage = Node.get(browser, node.uri("/desk/login")).body();
		HttpResponse<String> signIn = post(browser, node.uri("/desk/login"),
				Map.of("username", username, "password", password, "_csrf", csrf(loginPage)));
		assertThat(signIn.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/desk"));
		return signIn;
	}

	private static Optional<String> sessionId(CookieManager cookies) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("JSESSIONID"))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	private static String csrf(String page) {
		return Jsoup.parse(page).select("input[name=_csrf]").first().attr("value");
	}

	private static HttpResponse<String> post(HttpClient http, URI uri, Map<String, String> form)
			throws IOException, InterruptedException {
		String body = new LinkedHashMap<>(form).entrySet()
			.stream()
			.map((field) -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return http.send(HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
