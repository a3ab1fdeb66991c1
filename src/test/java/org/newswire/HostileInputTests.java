package org.newswire;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of hostile requests over a raw socket against every public route and every
 * desk form (signed in, with a valid CSRF token): overlong values, NUL, percent-escapes
 * that are not UTF-8, control and bidi characters, traversal, huge and negative numbers,
 * malformed cursors, search syntax bombs, odd headers and methods. None may answer 5xx
 * (except the protocol answers Tomcat gives before the application to the requests meant
 * to get them), show a stack trace or an exception's name, or take longer than two
 * seconds.
 */
@UntrustedClients
class HostileInputTests {

	private static final Duration LIMIT = Duration.ofSeconds(2);

	private static final Pattern LEAK = Pattern
		.compile("(\\n\\s*at [\\w$]+(\\.[\\w$]+)+\\()|\\b[A-Z]\\w*(Exception|Throwable)\\b"
				+ "|org\\.(springframework|apache|hibernate|h2|thymeleaf)\\.|spring\\.datasource");

	/** Values for any slot, written as they travel in a URL or form (percent-encoded). */
	private static final List<String> COMMON = List.of("", "a".repeat(3000), "%00", "%FF", "%C0%AF", "%ED%A0%80",
			"%F4%90%80%80", "%01%1F%7F", "x%0D%0ASet-Cookie:%20a%3Db", "%E2%80%AE", "%EF%BB%BF%EF%BF%BF",
			"..%2f..%2fetc%2fpasswd", "%2e%2e", "%252e%252e%252f", "..%5c..%5c", "-1", "99999999999999999999",
			"%3Cscript%3Ealert(1)%3C%2Fscript%3E", "__%24%7BT(Runtime).getRuntime()%7D__%3A%3A.x", "%zz");

	private static final List<String> NUMBERS = List.of("0", "-9223372036854775809", "9223372036854775808",
			"2147483648", "1e9", "0x10", "%201", "00000000000000000001");

	private static final List<String> CURSORS = List.of("~", "~1", "2026-11-26T09:00:00Z~", "2026-11-26T09:00:00Z~-1",
			"2026-11-26T09:00:00Z~99999999999999999999", "9999-99-99T99:99:99Z~1",
			"%2B1000000000-12-31T23:59:59.999999999Z~9223372036854775807", "-1000000000-01-01T00:00:00Z~1",
			"2026-11-26T09:00:00Z~1~2", "2026-11-26", "2026-11-26T09:00:00%2B99:00", "1970-01-01T00:00:00Z");

	private static final List<String> SEARCH_BOMBS = List.of("*%3A*", "*", "*".repeat(200), "(".repeat(500),
			"(".repeat(200) + "a" + ")".repeat(200), ")".repeat(300), "a~", "a~999999", "harbour~2", "%2F.*%2F",
			"%2F%5B%5E%5D%2F", "%22unterminated", "a%20AND%20OR%20NOT", "-", "%2B-%2B-%2B-", "a*%20b*%20c*%20d*",
			String.join("%20%7C%20", java.util.Collections.nCopies(400, "a*")), "field%3Avalue", "%5C", "%22%22",
			"a%20%2Bb%20-c%20%22d%20e%22~3%20f*", "%E2%80%AE%E2%80%AE%E2%80%AE", "%00*", "a".repeat(2000),
			"%2A%3F%2A%3F%2A%3F%2A%3F");

	private static final List<String> METHODS = List.of("PUT", "DELETE", "TRACE", "PROPFIND", "OPTIONS", "FOO");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void noHostileInputGetsA5xxATraceOrASlowAnswer() throws IOException {
		EdgeClient client = new EdgeClient(this.port);
		List<String> articles = client.articlePaths();
		String article = articles.get(0);
		String articleId = article.split("/")[2];
		// Desk forms work on the oldest story, so a hostile kill notice or hold note that
		// happens to be accepted leaves the reader probes' story alone.
		String deskId = articles.get(articles.size() - 1).split("/")[2];
		EdgeClient.Session session = client.signIn(UntrustedClients.EDITOR, UntrustedClients.PASSWORD);

		List<Probe> probes = new ArrayList<>();
		readerRoutes(probes, article, articleId);
		oddHeaders(probes, article);
		oddMethods(probes, article, articleId);
		protocol(probes);
		deskForms(probes, session, deskId);
		assertThat(probes).hasSizeGreaterThanOrEqualTo(300);

		List<String> failures = new ArrayList<>();
		for (Probe probe : probes) {
			EdgeClient.Raw answer = client.raw(probe.request(), LIMIT.plusSeconds(1));
			String problem = null;
			if (answer.status() < 0) {
				problem = "no answer";
			}
			else if (answer.status() >= 500 && !probe.protocolAnswers().contains(answer.status())) {
				problem = "status " + answer.status();
			}
			else if (LEAK.matcher(answer.body()).find()) {
				problem = "leaks '" + excerpt(answer.body()) + "'";
			}
			else if (answer.elapsed().compareTo(LIMIT) > 0) {
				problem = "took " + answer.elapsed().toMillis() + " ms";
			}
			if (problem != null) {
				failures.add(problem + ": " + probe.description());
			}
		}
		assertThat(failures).as("%d probes", probes.size()).isEmpty();
	}

	@Test
	void internalsAndFilesOutsideTheStaticFoldersAreNotServed() throws IOException {
		EdgeClient client = new EdgeClient(this.port);
		for (String path : List.of("/h2-console", "/actuator", "/actuator/env", "/application.properties",
				"/css/%2e%2e/application.properties", "/WEB-INF/web.xml", "/css/")) {
			EdgeClient.Raw answer = client.raw(Probe.get(path).request(), LIMIT);
			assertThat(answer.status()).as(path).isIn(400, 404);
			assertThat(answer.body()).as(path).doesNotContain("spring.").doesNotContain("<web-app");
		}
		byte[] trace = "TRACE / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
			.getBytes(StandardCharsets.ISO_8859_1);
		assertThat(client.raw(trace, LIMIT).status()).isEqualTo(405);
	}

	/**
	 * Issue 23: each anonymous request for the sign-in page stored a session for eight
	 * hours, so anyone could grow the database without limit. No page that needs no
	 * session may open one, and neither may a failed sign-in.
	 */
	@Test
	void anonymousRequestsStoreNoSession() {
		EdgeClient client = new EdgeClient(this.port);
		String article = client.articlePaths().get(0);
		long stored = storedSessions();
		List<String> paths = new ArrayList<>(Collections.nCopies(1000, "/desk/login"));
		paths.addAll(List.of("/desk", "/desk/articles/new", "/desk/editors", "/desk/audit", "/desk/denied",
				"/desk/login?error", "/desk/login?signedOut", "/desk/no-such-page", "/", article, article + "/versions",
				"/search?q=harbour", "/sections/world", "/no-such-page"));
		List<HttpResponse<String>> answers = new ArrayList<>();
		for (String path : paths) {
			answers.add(client.get(path));
		}
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> failed = client.postSignIn("nobody-at-all", "not a password");
			assertThat(failed.headers().firstValue("Location")).as("failed sign-in").hasValue("/desk/login?error");
			answers.add(failed);
		}
		assertThat(answers.stream()
			.filter((answer) -> EdgeClient.session(answer).isPresent())
			.map((answer) -> answer.request().method() + " " + answer.uri().getPath())
			.distinct()).as("anonymous requests answered with a session").isEmpty();
		assertThat(storedSessions()).isEqualTo(stored);
		assertThat(this.jdbc.queryForObject("select count(*) from spring_session where principal_name is null",
				Long.class))
			.as("anonymous sessions stored")
			.isZero();
	}

	private long storedSessions() {
		return this.jdbc.queryForObject("select count(*) from spring_session", Long.class);
	}

	private static void readerRoutes(List<Probe> probes, String article, String id) {
		String slug = article.split("/")[3];
		List<String> slots = List.of("/sections/%s", "/sections/world?before=%s", "/articles/%s/" + slug,
				"/articles/" + id + "/%s", "/articles/" + id + "/" + slug + "/versions/%s",
				"/articles/%s/" + slug + "/atom.xml", "/articles/" + id + "/%s/atom.xml",
				"/articles/" + id + "/" + slug + "/compare?from=%s&to=1", "/corrections?page=%s", "/search?q=%s",
				"/search?q=harbour&page=%s", "/feeds/sections/%s/atom.xml", "/api/ninjs/articles/%s",
				"/api/ninjs/articles/" + id + "/versions/%s", "/api/ninjs/articles?since=%s", "/css/%s");
		for (String slot : slots) {
			for (String value : COMMON) {
				probes.add(Probe.get(slot.formatted(value)));
			}
		}
		for (String slot : List.of("/articles/%s/" + slug, "/articles/%s/" + slug + "/atom.xml",
				"/articles/" + id + "/" + slug + "/compare?from=1&to=%s", "/corrections?page=%s",
				"/api/ninjs/articles/%s/versions/1")) {
			for (String value : NUMBERS) {
				probes.add(Probe.get(slot.formatted(value)));
			}
		}
		for (String slot : List.of("/sections/world?before=%s", "/api/ninjs/articles?since=%s", "/?before=%s")) {
			for (String value : CURSORS) {
				probes.add(Probe.get(slot.formatted(value)));
			}
		}
		for (String value : SEARCH_BOMBS) {
			probes.add(Probe.get("/search?q=" + value));
		}
		for (String path : List.of("/", "/robots.txt", "/sitemap-news.xml", "/feeds/rss.xml", "/feeds/atom.xml",
				"/ticker/stream", "/ticker/stream?since=%FF", "/ticker/snapshot", "/ticker/snapshot?x=%FF",
				"/css/site.css", "/js/ticker.js", "/favicon.ico", "/css/..%2f..%2fapplication.properties",
				"/css/%2e%2e/%2e%2e/application.properties", "/js/..;/..;/application.properties",
				"/../application.properties", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF", "/css/site.css%00.txt",
				"/css//site.css", "/css/./site.css", "/articles/" + id, "/articles/" + id + "/", "/articles//",
				"/h2-console", "/actuator/env", "/error?x=1", "/sections/world;jsessionid=x", "/search;a=b?q=x")) {
			probes.add(Probe.get(path));
		}
	}

	private static void oddHeaders(List<Probe> probes, String article) {
		List<String[]> headers = List.of(new String[] { "Host", "a".repeat(9000) }, new String[] { "Host", "" },
				new String[] { "Host", "[::1" }, new String[] { "Host", "exa mple" },
				new String[] { "Host", "evil.example:99999" }, new String[] { "Range", "bytes=abc" },
				new String[] { "Range", "bytes=99999999999999999999-" }, new String[] { "Range", "bytes=-0" },
				new String[] { "Range", "bytes=" + "0-0,".repeat(300) + "0-0" },
				new String[] { "If-Modified-Since", "garbage" },
				new String[] { "If-Modified-Since", "Sat, 01 Jan 99999 00:00:00 GMT" },
				new String[] { "If-None-Match", "\"" + "x".repeat(5000) + "\"" }, new String[] { "If-None-Match", "*" },
				new String[] { "If-Match", "W/\"x\"" }, new String[] { "Accept", "text/html;q=abc" },
				new String[] { "Accept", "*/*;q=2" }, new String[] { "Accept", "image/png" },
				new String[] { "Accept", ";;;" }, new String[] { "Accept", "a/" + "b".repeat(4000) },
				new String[] { "Accept-Language", "xx-XX;q=abc, *" }, new String[] { "Accept-Encoding", "gzip;q=abc" },
				new String[] { "Accept-Charset", "x-unknown" }, new String[] { "Cookie", "JSESSIONID=garbage" },
				new String[] { "Cookie", "a=" + "b".repeat(6000) }, new String[] { "Content-Length", "-1" },
				new String[] { "X-Forwarded-For", "garbage, 1.2.3.4" }, new String[] { "X-Forwarded-Prefix", "evil" },
				new String[] { "X-Forwarded-Port", "99999" }, new String[] { "X-Forwarded-Proto", "gopher" },
				new String[] { "Forwarded", "for=\"[bad\";proto=x" }, new String[] { "Last-Event-ID", "-1" },
				new String[] { "Content-Type", "application/x-www-form-urlencoded; charset=x-bogus" },
				new String[] { "Expect", "100-continue" }, new String[] { "Upgrade", "h2c" },
				new String[] { "Transfer-Encoding", "gzip" });
		for (String path : List.of(article, "/css/site.css", "/ticker/stream")) {
			for (String[] header : headers) {
				Probe probe = Probe.get(path, header[0] + ": " + header[1]);
				// Tomcat answers a transfer coding it does not implement with 501.
				probes.add(header[0].equals("Transfer-Encoding") ? probe.answeredByTomcat(Set.of(501)) : probe);
			}
		}
	}

	private static void oddMethods(List<Probe> probes, String article, String id) {
		for (String path : List.of(article, "/desk", "/api/ninjs/articles/" + id, "/css/site.css")) {
			for (String method : METHODS) {
				probes.add(new Probe(method + " " + path,
						(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
								+ "Content-Length: 0\r\nConnection: close\r\n\r\n")
							.getBytes(StandardCharsets.ISO_8859_1),
						Set.of(501)));
			}
		}
	}

	private static void protocol(List<Probe> probes) {
		Set<Integer> protocol = Set.of(501, 505);
		for (String line : List.of("GET / HTTP/2.0", "GET / HTTP/1.2", "GET / HTTP/9.9", "GET / HTTP/1.1 x",
				"GET  / HTTP/1.1", "GET / FOO/1.1", "get / HTTP/1.1")) {
			probes.add(new Probe(line,
					(line + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1),
					protocol));
		}
		byte[] invalidUtf8Path = "GET /sections/\u00ff\u00fe HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
			.getBytes(StandardCharsets.ISO_8859_1);
		probes.add(new Probe("raw bytes 0xFF 0xFE in the path", invalidUtf8Path, Set.of()));
		for (String header : List.of("X-Broken", " folded: header", "Referer: a\u0000b", "User-Agent: \u0001\u007f")) {
			probes.add(Probe.get("/", header));
		}
	}

	private static void deskForms(List<Probe> probes, EdgeClient.Session session, String id) {
		String story = "section=world&slugline=Hostile-Input&source=NWS&dateline=PORT%20ELLIS%20--&byline=By%20Ada"
				+ "&urgency=4&headline=Harbour%20bridge%20reopens&body=The%20bridge%20reopened.&ednote=Eds%3A%20test";
		List<String> formValues = List.of("a".repeat(70_000), "%00", "%FF", "%01%0B", "%E2%80%AE", "%EF%BF%BF%EF%BB%BF",
				"-1", "99999999999999999999", "__%24%7B7*7%7D__");
		for (String field : List.of("section", "slugline", "dateline", "headline", "body", "byline", "urgency")) {
			for (String value : formValues) {
				probes.add(Probe.post("/desk/articles/new", session, replace(story, field, value) + "&action=preview"));
			}
		}
		String writethru = story + "&baseSequence=1&kind=LD_WRITETHRU&correctionNote=";
		for (String field : List.of("baseSequence", "kind", "correctionNote")) {
			for (String value : formValues) {
				probes
					.add(Probe.post("/desk/articles/" + id + "/writethru", session, replace(writethru, field, value)));
			}
		}
		for (String value : List.of("a".repeat(10_000), "%00", "%FF", "%01%02", "%E2%80%AE", "")) {
			probes.add(Probe.post("/desk/articles/" + id + "/hold", session, "note=" + value));
			probes.add(Probe.post("/desk/articles/" + id + "/kill", session, "notice=" + value));
		}
		for (String value : formValues) {
			probes.add(Probe.post("/desk/ticker", session, "text=" + value + "&urgency=4"));
			probes.add(Probe.post("/desk/ticker", session, "text=Ferry%20resumes&urgency=" + value));
			probes.add(Probe.post("/desk/ticker", session, "text=Ferry%20resumes&urgency=3&articleId=" + value));
			probes.add(Probe.post("/desk/ticker/" + value + "/withdraw", session, ""));
			probes.add(Probe.post("/desk/articles/" + value + "/release", session, ""));
			probes.add(Probe.post("/desk/editors/new", session,
					"username=" + value + "&role=EDITOR&password=long-enough-password-1"));
			probes.add(Probe.post("/desk/editors/new", session, "username=ed" + Math.abs(value.hashCode()) + "&role="
					+ value + "&password=long-enough-password-1"));
			probes.add(Probe.post("/desk/editors/" + value + "/disable", session, ""));
			probes.add(Probe.post("/desk/editors/" + value + "/password", session, "password=x"));
		}
		for (String query : List.of("q=%FF", "q=" + "a".repeat(3000), "section=%00", "before=~",
				"before=99999999999999999999", "q=*%3A*")) {
			probes.add(Probe.get("/desk?" + query, "Cookie: " + session.cookieHeader()));
		}
		for (String path : List.of("/desk/audit?before=-1", "/desk/audit?before=99999999999999999999",
				"/desk/articles/-1/writethru", "/desk/articles/abc/kill", "/desk/editors/99999999999999999999/password",
				"/desk/articles/" + id + "/writethru?x=%00")) {
			probes.add(Probe.get(path, "Cookie: " + session.cookieHeader()));
		}
		// Sign-in attempts with names no test account has, fewer than the per-address
		// limit.
		for (String username : List.of("nobody%00", "nobody%FF", "%E2%80%AE" + "nobody", "a".repeat(5000))) {
			probes.add(new Probe("sign-in as " + username,
					form("/desk/login", null, "username=" + username + "&password=x&_csrf=" + session.csrf()),
					Set.of()));
		}
	}

	private static String replace(String form, String field, String value) {
		return form.replaceFirst("(^|&)" + field + "=[^&]*", "$1" + field + "=" + value.replace("$", "\\$"))
				+ (form.contains(field + "=") ? "" : "&" + field + "=" + value);
	}

	private static byte[] form(String path, String cookie, String body) {
		byte[] content = body.getBytes(StandardCharsets.ISO_8859_1);
		return ("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
				+ ((cookie != null) ? "Cookie: " + cookie + "\r\n" : "")
				+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + content.length + "\r\n\r\n"
				+ body)
			.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static String excerpt(String body) {
		java.util.regex.Matcher matcher = LEAK.matcher(body);
		matcher.find();
		int start = Math.max(0, matcher.start() - 40);
		return body.substring(start, Math.min(body.length(), matcher.end() + 40)).replaceAll("\\s+", " ");
	}

	/**
	 * One hostile request as bytes, and the 5xx answers it may get from Tomcat's protocol
	 * handling (an unsupported method or version) before the application sees it.
	 */
	record Probe(String description, byte[] request, Set<Integer> protocolAnswers) {

		static Probe get(String target, String... headers) {
			StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
			for (String header : headers) {
				request.append(header).append("\r\n");
			}
			// Last, so an odd header before it cannot turn it into something else.
			request.append("Connection: close\r\n");
			String description = "GET " + shorten(target)
					+ ((headers.length > 0) ? " with " + shorten(headers[0]) : "");
			return new Probe(description, request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1),
					Set.of());
		}

		static Probe post(String path, EdgeClient.Session session, String body) {
			String withToken = body + (body.isEmpty() ? "" : "&") + "_csrf=" + session.csrf();
			return new Probe("POST " + shorten(path) + " " + shorten(body),
					form(path, session.cookieHeader(), withToken), Set.of());
		}

		Probe answeredByTomcat(Set<Integer> statuses) {
			return new Probe(this.description, this.request, statuses);
		}

		private static String shorten(String text) {
			return (text.length() > 120) ? text.substring(0, 120) + "…(" + text.length() + ")" : text;
		}

	}

}
