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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal in a child JVM on the test classpath, for tests that kill it: on a file
 * database, signed in to through its desk with a session cookie, as an editor's browser
 * is.
 */
public record ChildPortal(Process process, int port, Path log) implements AutoCloseable {

	static final String ADMIN = "crash";

	static final String PASSWORD = "crash-test-password";

	/**
	 * Starts the portal on {@code url} and waits until its desk answers.
	 * @param settings more command line settings, {@code --name=value}
	 */
	public static ChildPortal start(String url, Path log, String... settings) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = Stream
			.concat(Stream.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
					NewswireApplication.class.getName(), "--server.port=" + port, "--management.server.port=0",
					"--spring.datasource.url=" + url, "--newswire.demo.enabled=false",
					"--newswire.admin.username=" + ADMIN, "--newswire.admin.password=" + PASSWORD), Stream.of(settings))
			.toList();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ChildPortal portal = new ChildPortal(process, port, log);
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

	/**
	 * The embedded default of application.properties, with its files in {@code dir}: the
	 * test checks the setting that ships.
	 */
	public static String embeddedUrl(Path dir) throws IOException {
		String shipped = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"))
			.getProperty("spring.datasource.url");
		assertThat(shipped).startsWith("jdbc:h2:file:./data/");
		return shipped.replace("./data/", dir.toAbsolutePath() + "/");
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

	public Desk signIn() throws Exception {
		Desk desk = new Desk(this);
		desk.signIn();
		return desk;
	}

	/** SIGKILL on Linux: no shutdown hook, no database close. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	public void stop() throws InterruptedException {
		this.process.destroy();
		assertThat(this.process.waitFor(60, TimeUnit.SECONDS)).as("portal stopped").isTrue();
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			kill();
		}
	}

	String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	/**
	 * An editor's browser: a session cookie and the form's CSRF token.
	 */
	public static final class Desk {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

		private final ChildPortal portal;

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		private String csrf;

		Desk(ChildPortal portal) {
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

		/**
		 * Files a story through the new story form, previewed and then published, as the
		 * editor does.
		 */
		public long publishStory() throws Exception {
			RenderedForm story = form("/desk/articles/new", "/desk/articles/new").choose("section", "world")
				.type("slugline", "Crash-Test")
				.choose("source", "NWS")
				.type("dateline", "PORT ELLIS, Nov. 29 (Newswire) --")
				.choose("urgency", "4")
				.type("headline", "Take 1")
				.type("body", "The first take.")
				.type("ednote", "Eds: first publication")
				.press("preview");
			HttpResponse<String> preview = submit(story, "/desk/articles/new");
			assertThat(preview.statusCode()).as("preview").isEqualTo(200);
			HttpResponse<String> published = submit(
					RenderedForm.of(preview.body(), "/desk/articles/new").press("publish"), "/desk/articles/new");
			assertThat(published.statusCode()).as("published").isEqualTo(302);
			return Long.parseLong(match(Pattern.compile("/desk/articles/(\\d+)/writethru"), get("/desk")));
		}

		/**
		 * @return whether the desk acknowledged the writethru (redirect to the story
		 * list)
		 */
		public boolean postWritethru(long articleId, int baseSequence, String headline)
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

		public int currentSequence(long articleId) throws Exception {
			return Integer.parseInt(match(Pattern.compile("name=\"baseSequence\" value=\"(\\d+)\""),
					get("/desk/articles/" + articleId + "/writethru")));
		}

		/** The one form posting to {@code action} on the page at {@code path}. */
		public RenderedForm form(String path, String action) throws IOException, InterruptedException {
			return RenderedForm.of(get(path), action);
		}

		/** Sends what the browser sends for a rendered form. */
		public HttpResponse<String> submit(RenderedForm form, String action) throws IOException, InterruptedException {
			return send(action, form.data().stream().map((field) -> pair(field.key(), field.value())).toList());
		}

		public String get(String path) throws IOException, InterruptedException {
			HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(this.portal.uri(path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
			return response.body();
		}

		private HttpResponse<String> post(String path, Map<String, String> fields)
				throws IOException, InterruptedException {
			List<String> pairs = new ArrayList<>();
			fields.forEach((name, value) -> pairs.add(pair(name, value)));
			pairs.add(pair("_csrf", this.csrf));
			return send(path, pairs);
		}

		private HttpResponse<String> send(String path, List<String> pairs) throws IOException, InterruptedException {
			HttpRequest request = HttpRequest.newBuilder(this.portal.uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs)))
				.build();
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}

		private static String pair(String name, String value) {
			return URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

		private static String match(Pattern pattern, String body) {
			Matcher matcher = pattern.matcher(body);
			assertThat(matcher.find()).as("%s in page", pattern).isTrue();
			return matcher.group(1);
		}

	}

}
