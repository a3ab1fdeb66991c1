package org.newswire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client of the running portal on loopback: plain requests through
 * {@link java.net.http.HttpClient}, signing in to the desk as a browser does, and raw
 * requests over a socket for what a well-behaved client library refuses to send.
 */
final class EdgeClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern ARTICLE = Pattern.compile("<loc>https?://[^/<]+(/articles/\\d+/[^<]+)</loc>");

	private static final Pattern SITEMAP = Pattern.compile("<loc>https?://[^/<]+(/sitemaps/articles-\\d+\\.xml)</loc>");

	private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

	private final int port;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	EdgeClient(int port) {
		this.port = port;
	}

	String origin() {
		return "http://127.0.0.1:" + this.port;
	}

	HttpResponse<String> get(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin() + path))
			.timeout(Duration.ofSeconds(10))
			.GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin() + path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(form)));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	/**
	 * The paths of the published articles, newest first, as the sitemaps of the sitemap
	 * index list them.
	 */
	List<String> articlePaths() {
		HttpResponse<String> index = get("/sitemap.xml");
		assertThat(index.statusCode()).isEqualTo(200);
		List<String> paths = new ArrayList<>();
		for (String sitemap : SITEMAP.matcher(index.body()).results().map((result) -> result.group(1)).toList()) {
			ARTICLE.matcher(get(sitemap).body()).results().forEach((result) -> paths.add(0, result.group(1)));
		}
		assertThat(paths).as("published articles").isNotEmpty();
		return paths;
	}

	/**
	 * Signs in as a browser does: the sign-in page for its CSRF token and the cookies
	 * that go with it, then the form. Every extra header goes with both requests.
	 */
	Session signIn(String username, String password, String... headers) {
		HttpResponse<String> signedIn = postSignIn(username, password, headers);
		assertThat(signedIn.statusCode()).as("sign-in answer").isEqualTo(302);
		String newCookie = session(signedIn).orElseThrow();
		HttpResponse<String> desk = get("/desk", "Cookie", "JSESSIONID=" + newCookie);
		assertThat(desk.statusCode()).as("desk after sign-in").isEqualTo(200);
		return new Session(newCookie, csrfToken(desk.body()), signedIn);
	}

	/**
	 * Fills in the sign-in form as a browser does, sending back the cookies the page set,
	 * and answers what the POST got.
	 */
	HttpResponse<String> postSignIn(String username, String password, String... headers) {
		HttpResponse<String> page = get("/desk/login", headers);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", username);
		form.put("password", password);
		form.put("_csrf", csrfToken(page.body()));
		return post("/desk/login", form, with(headers, "Cookie", cookies(page)));
	}

	/**
	 * The cookies an answer set, as a browser sends them back in a {@code Cookie} header.
	 */
	static String cookies(HttpResponse<?> response) {
		return String.join("; ",
				response.headers().allValues("Set-Cookie").stream().map((cookie) -> cookie.split(";", 2)[0]).toList());
	}

	static Optional<String> session(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.map(SESSION::matcher)
			.filter(Matcher::find)
			.map((matcher) -> matcher.group(1))
			.findFirst();
	}

	static String csrfToken(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
		return matcher.group(1);
	}

	static String form(Map<String, String> fields) {
		List<String> pairs = new ArrayList<>();
		fields.forEach((name, value) -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
				+ URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return String.join("&", pairs);
	}

	/**
	 * Sends the bytes as they are, with {@code Connection: close}, and reads the answer
	 * until the server closes (or, for an event stream, until its headers are complete).
	 */
	Raw raw(byte[] request, Duration timeout) throws IOException {
		long start = System.nanoTime();
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout((int) timeout.toMillis());
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			try {
				for (int read; (read = in.read(buffer)) != -1;) {
					answer.write(buffer, 0, read);
					String text = answer.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
					int stream = text.indexOf("text/event-stream");
					if (stream > 0 && text.indexOf("\r\n\r\n", stream) > 0) {
						break;
					}
					if (System.nanoTime() - start > timeout.toNanos()) {
						break;
					}
				}
			}
			catch (SocketTimeoutException ex) {
				// Reported through the elapsed time.
			}
			catch (IOException ex) {
				// A reset after the answer was written (Tomcat closing an unread body).
			}
			return new Raw(answer.toString(StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - start));
		}
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.uri() + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String[] with(String[] headers, String name, String value) {
		String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
		all[headers.length] = name;
		all[headers.length + 1] = value;
		return all;
	}

	/**
	 * A signed-in desk session: its cookie and a CSRF token valid for it.
	 */
	record Session(String cookie, String csrf, HttpResponse<String> signInAnswer) {

		String cookieHeader() {
			return "JSESSIONID=" + this.cookie;
		}

	}

	/**
	 * An answer read off the socket: status line, headers and body as text.
	 */
	record Raw(String text, Duration elapsed) {

		/** An interim answer ({@code 100 Continue}) is followed by the real one. */
		private static final Pattern INTERIM = Pattern.compile("^(HTTP/1\\.1 1\\d\\d[^\\r]*\\r\\n\\r\\n)+");

		Raw {
			text = INTERIM.matcher(text).replaceFirst("");
		}

		int status() {
			if (!this.text.startsWith("HTTP/1.1 ") || this.text.length() < 12) {
				return -1;
			}
			return Integer.parseInt(this.text.substring(9, 12));
		}

		String body() {
			int end = this.text.indexOf("\r\n\r\n");
			return (end < 0) ? "" : this.text.substring(end + 4);
		}

	}

}
