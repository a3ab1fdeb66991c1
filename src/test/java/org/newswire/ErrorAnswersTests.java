package org.newswire;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad requests get a clear 4xx page, never a 500, and leave at most a WARN line in the
 * log (issue 8, item 8); reader URLs answer plain clients with the site's HTML error page
 * (item 11). Over a real connection: the container's error dispatch does not happen in
 * MockMvc.
 */
@UntrustedClients
@ExtendWith(OutputCaptureExtension.class)
class ErrorAnswersTests {

	@LocalServerPort
	int port;

	private EdgeClient client;

	@BeforeEach
	void connect() {
		this.client = new EdgeClient(this.port);
	}

	@Test
	void aTamperedButWellFormedCsrfTokenGetsTheForbiddenPage() {
		EdgeClient.Session session = this.client.signIn(UntrustedClients.EDITOR, UntrustedClients.PASSWORD);
		// The token is a random mask followed by the masked secret; flipping the top
		// bit of one mask byte unmasks to bytes that are not UTF-8.
		byte[] token = Base64.getUrlDecoder().decode(session.csrf());
		token[0] ^= (byte) 0x80;
		String tampered = Base64.getUrlEncoder().encodeToString(token);
		HttpResponse<String> answer = this.client.post("/desk/articles/new",
				Map.of("_csrf", tampered, "headline", "Tampered"), "Cookie", session.cookieHeader());
		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(answer.body()).contains("<main").doesNotContain("Exception");
		// The session survives and the real token still works.
		assertThat(this.client.get("/desk", "Cookie", session.cookieHeader()).statusCode()).isEqualTo(200);
	}

	@Test
	void aDirectRequestForTheErrorPathIsNotFound() {
		for (String accept : List.of("*/*", "text/html", "application/json")) {
			HttpResponse<String> answer = this.client.get("/error", "Accept", accept);
			assertThat(answer.statusCode()).as(accept).isEqualTo(404);
			assertThat(answer.body()).as(accept).containsAnyOf("404 Not Found", "\"status\":404");
		}
	}

	@Test
	void unreadableOrMalformedParametersAreA400AndAtMostAWarningWithoutStackTrace(CapturedOutput output) {
		EdgeClient.Session session = this.client.signIn(UntrustedClients.EDITOR, UntrustedClients.PASSWORD);
		int before = output.getOut().length();
		for (String path : List.of("/api/ninjs/articles?since=%FF", "/api/ninjs/articles?since=yesterday",
				"/sections/world?before=%FF", "/sections/world?before=garbage",
				"/sections/world?before=2026-11-26T09:00:00Z~x", "/articles/1/x/compare?from=%FF",
				"/search?q=%C0%AF")) {
			assertThat(this.client.get(path).statusCode()).as(path).isEqualTo(400);
		}
		for (String path : List.of("/desk?before=%FF", "/desk?before=garbage", "/desk?q=%FE%FF", "/desk?section=%FF",
				"/desk/audit?before=%FF", "/desk/audit?before=x")) {
			assertThat(this.client.get(path, "Cookie", session.cookieHeader()).statusCode()).as(path).isEqualTo(400);
		}
		String logged = output.getOut().substring(before);
		assertThat(logged).doesNotContain(" ERROR ").doesNotContainPattern("\\n\\s+at [\\w.$]+\\(");
		assertThat(logged.lines().filter((line) -> line.contains(" WARN ")))
			.allSatisfy((line) -> assertThat(line).doesNotContain("Exception"));
	}

	@Test
	void readerUrlsAnswerPlainClientsWithTheSitesErrorPage() {
		for (String path : List.of("/articles/99999/no-such-story", "/no/such/page", "/sections/nowhere")) {
			for (String[] headers : List.of(new String[] { "Accept", "*/*" }, new String[] { "Accept", "text/html" },
					new String[] { "User-Agent", "feed-reader/1.0" })) {
				HttpResponse<String> answer = this.client.get(path, headers);
				assertThat(answer.statusCode()).as(path).isEqualTo(404);
				assertThat(answer.headers().firstValue("Content-Type")).as(path)
					.get()
					.asString()
					.startsWith("text/html");
				assertThat(answer.body()).as(path).contains("<main").contains("Page not found");
			}
		}
	}

	@Test
	void jsonIsForClientsThatAskForItAndForTheApi() {
		HttpResponse<String> asked = this.client.get("/articles/99999/no-such-story", "Accept", "application/json");
		assertThat(asked.statusCode()).isEqualTo(404);
		assertThat(asked.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
		assertThat(asked.body()).contains("\"status\":404").doesNotContain("<html");

		HttpResponse<String> api = this.client.get("/api/ninjs/nothing/here/at/all", "Accept", "*/*");
		assertThat(api.statusCode()).isEqualTo(404);
		assertThat(api.headers().firstValue("Content-Type")).get().asString().contains("json");
	}

}
