package org.newswire;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A writethru the desk has acknowledged survives a crash of the process on the embedded
 * H2 file database: a child JVM runs the portal on the shipped embedded URL (moved to a
 * temporary directory), writethrus are posted through the real desk form, the JVM is
 * killed with SIGKILL while they stream in, and after a restart on the same files every
 * acknowledged writethru is there and the next one gets a new sequence number. The
 * restarted portal is then stopped with SIGTERM, as a service manager does, while its
 * background jobs are at work: it stops without an ERROR (issue 23: the release job
 * outlived the database, closed under it by H2's exit hook).
 */
class CrashDurabilityTests {

	private static final String ADMIN = "crash";

	private static final String PASSWORD = "crash-test-password";

	/**
	 * Acknowledged writethrus before the kill, which lands while the next ones stream in
	 * and milliseconds after the last acknowledgement: the commit most at risk.
	 */
	private static final int ACKNOWLEDGED_BEFORE_KILL = 20;

	@TempDir
	Path dir;

	@Test
	void everyAcknowledgedWritethruSurvivesSigkillAndNoSequenceIsReused() throws Exception {
		String url = embeddedUrl(this.dir);
		List<Integer> acknowledged = new CopyOnWriteArrayList<>();
		long articleId;

		try (Portal portal = Portal.start(url, this.dir.resolve("first.log"))) {
			Desk desk = portal.signIn();
			articleId = desk.publishStory();
			CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
			CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
				try {
					for (int base = 1;; base++) {
						if (!desk.postWritethru(articleId, base, "Take " + (base + 1))) {
							return;
						}
						acknowledged.add(base + 1);
						enough.countDown();
					}
				}
				catch (IOException | InterruptedException ex) {
					// The process was killed mid-request: that writethru was never
					// acknowledged.
				}
			});
			assertThat(enough.await(120, TimeUnit.SECONDS)).as("writethrus acknowledged before the kill").isTrue();
			portal.kill();
			stream.get(30, TimeUnit.SECONDS);
		}
		int lastAcknowledged = acknowledged.get(acknowledged.size() - 1);

		int after;
		try (Portal portal = Portal.start(url, this.dir.resolve("second.log"))) {
			Desk desk = portal.signIn();
			int current = desk.currentSequence(articleId);
			assertThat(current).as("current version after restart").isGreaterThanOrEqualTo(lastAcknowledged);
			assertThat(desk.postWritethru(articleId, current, "After the restart")).isTrue();
			after = current + 1;
			portal.stop();
		}
		assertThat(Files.readString(this.dir.resolve("second.log"))).as("log of a stop by SIGTERM")
			.doesNotContain(" ERROR ")
			.doesNotContain("Database is already closed");

		Map<Integer, String> stored = headlines(url, articleId);
		for (int sequence : acknowledged) {
			assertThat(stored).as("acknowledged writethru %d", sequence).containsEntry(sequence, "Take " + sequence);
		}
		assertThat(stored).containsEntry(after, "After the restart");
		assertThat(stored.keySet()).as("sequences without gaps")
			.containsExactlyElementsOf(IntStream.rangeClosed(1, after).boxed().toList());
	}

	/**
	 * The embedded default of application.properties, with its files in {@code dir}: the
	 * test checks the setting that ships.
	 */
	private static String embeddedUrl(Path dir) throws IOException {
		String shipped = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"))
			.getProperty("spring.datasource.url");
		assertThat(shipped).startsWith("jdbc:h2:file:./data/");
		return shipped.replace("./data/", dir.toAbsolutePath() + "/");
	}

	private static Map<Integer, String> headlines(String url, long articleId) throws Exception {
		Map<Integer, String> headlines = new LinkedHashMap<>();
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				PreparedStatement query = connection.prepareStatement(
						"select sequence_number, headline from writethru where article_id = ? order by sequence_number")) {
			query.setLong(1, articleId);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					headlines.put(rows.getInt(1), rows.getString(2));
				}
			}
		}
		return headlines;
	}

	/**
	 * The portal in a child JVM on the test classpath.
	 */
	private record Portal(Process process, int port, Path log) implements AutoCloseable {

		static Portal start(String url, Path log) throws Exception {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			String java = ProcessHandle.current().info().command().orElse("java");
			Process process = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp",
					System.getProperty("java.class.path"), NewswireApplication.class.getName(), "--server.port=" + port,
					"--management.server.port=0", "--spring.datasource.url=" + url, "--newswire.demo.enabled=false",
					// Background jobs that are always at work when a stop comes.
					"--newswire.release.poll=10ms", "--newswire.change-record.poll=10ms",
					"--newswire.admin.username=" + ADMIN, "--newswire.admin.password=" + PASSWORD)
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			Portal portal = new Portal(process, port, log);
			try {
				portal.awaitReady();
			}
			catch (Exception | AssertionError ex) {
				// Never leave a portal that did not come up running after the test.
				process.destroyForcibly().waitFor();
				throw ex;
			}
			return portal;
		}

		private void awaitReady() throws Exception {
			HttpClient client = HttpClient.newHttpClient();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
			while (System.nanoTime() < deadline) {
				assertThat(this.process.isAlive()).as("portal running; log:%n%s", logTail()).isTrue();
				try {
					HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri("/desk/login")).build(),
							HttpResponse.BodyHandlers.discarding());
					if (response.statusCode() == 200) {
						return;
					}
				}
				catch (IOException ex) {
					// Not listening yet.
				}
				this.process.waitFor(200, TimeUnit.MILLISECONDS);
			}
			throw new AssertionError("Portal not ready within 90 s; log:\n" + logTail());
		}

		URI uri(String path) {
			return URI.create("http://localhost:" + this.port + path);
		}

		Desk signIn() throws Exception {
			Desk desk = new Desk(this);
			desk.signIn();
			return desk;
		}

		/** SIGKILL on Linux: no shutdown hook, no database close. */
		void kill() throws InterruptedException {
			this.process.destroyForcibly();
			this.process.waitFor(30, TimeUnit.SECONDS);
		}

		void stop() throws InterruptedException {
			this.process.destroy();
			assertThat(this.process.waitFor(60, TimeUnit.SECONDS)).as("portal stopped").isTrue();
		}

		@Override
		public void close() throws InterruptedException {
			if (this.process.isAlive()) {
				kill();
			}
		}

		private String logTail() {
			try {
				List<String> lines = Files.readAllLines(this.log);
				return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
			}
			catch (IOException ex) {
				return "(no log: " + ex.getMessage() + ")";
			}
		}

	}

	/**
	 * An editor's browser: a session cookie and the form's CSRF token.
	 */
	private static final class Desk {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

		private final Portal portal;

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		private String csrf;

		Desk(Portal portal) {
			this.portal = portal;
		}

		void signIn() throws Exception {
			this.csrf = match(CSRF, get("/desk/login"));
			HttpResponse<String> response = post("/desk/login", Map.of("username", ADMIN, "password", PASSWORD));
			assertThat(response.headers().firstValue("Location"))
				.hasValueSatisfying((l) -> assertThat(l).endsWith("/desk"));
			// Sign-in replaces the token along with the session id.
			this.csrf = match(CSRF, get("/desk/articles/new"));
		}

		long publishStory() throws Exception {
			Map<String, String> form = new LinkedHashMap<>();
			form.put("action", "publish");
			form.put("section", "world");
			form.put("slugline", "Crash-Test");
			form.put("source", "NWS");
			form.put("dateline", "PORT ELLIS, Nov. 29 (Newswire) --");
			form.put("urgency", "4");
			form.put("headline", "Take 1");
			form.put("body", "The first take.");
			form.put("ednote", "Eds: first publication");
			assertThat(post("/desk/articles/new", form).statusCode()).isEqualTo(302);
			return Long.parseLong(match(Pattern.compile("/desk/articles/(\\d+)/writethru"), get("/desk")));
		}

		/**
		 * @return whether the desk acknowledged the writethru (redirect to the story
		 * list)
		 */
		boolean postWritethru(long articleId, int baseSequence, String headline)
				throws IOException, InterruptedException {
			Map<String, String> form = new LinkedHashMap<>();
			form.put("action", "publish");
			form.put("baseSequence", Integer.toString(baseSequence));
			form.put("kind", "WRITETHRU");
			form.put("headline", headline);
			form.put("body", "Text of " + headline + ".");
			form.put("ednote", "Eds: " + headline);
			form.put("urgency", "4");
			HttpResponse<String> response = post("/desk/articles/" + articleId + "/writethru", form);
			return response.statusCode() == 302
					&& response.headers().firstValue("Location").orElse("").endsWith("/desk");
		}

		int currentSequence(long articleId) throws Exception {
			return Integer.parseInt(match(Pattern.compile("name=\"baseSequence\" value=\"(\\d+)\""),
					get("/desk/articles/" + articleId + "/writethru")));
		}

		private String get(String path) throws IOException, InterruptedException {
			HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(this.portal.uri(path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
			return response.body();
		}

		private HttpResponse<String> post(String path, Map<String, String> fields)
				throws IOException, InterruptedException {
			List<String> pairs = new ArrayList<>();
			Map<String, String> all = new LinkedHashMap<>(fields);
			all.put("_csrf", this.csrf);
			all.forEach((name, value) -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(value, StandardCharsets.UTF_8)));
			HttpRequest request = HttpRequest.newBuilder(this.portal.uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs)))
				.build();
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}

		private static String match(Pattern pattern, String body) {
			Matcher matcher = pattern.matcher(body);
			assertThat(matcher.find()).as("%s in page", pattern).isTrue();
			return matcher.group(1);
		}

	}

}
