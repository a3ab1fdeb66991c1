package org.newswire;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error pages readers and editors meet are valid HTML by the Nu Html Checker. Over a
 * real connection, since MockMvc has no error dispatch.
 */
@UntrustedClients
class ErrorPagesMarkupTests {

	@LocalServerPort
	int port;

	@Test
	void errorPagesAreValidHtml() {
		EdgeClient client = new EdgeClient(this.port);
		assertValid(client.get("/articles/987654321/nothing-here"), 404);
		assertValid(client.get("/sections/astrology"), 404);
		assertValid(client.get("/articles/12/x/compare?from=a&to=b"), 400);
		assertValid(client.get("/search?q=" + "x".repeat(3000)), 400);
		EdgeClient.Session session = client.signIn(UntrustedClients.EDITOR, UntrustedClients.PASSWORD);
		assertValid(client.get("/desk/articles/987654321/kill", "Cookie", session.cookieHeader()), 404);
		assertValid(client.get("/desk/articles/abc/kill", "Cookie", session.cookieHeader()), 400);
	}

	private static void assertValid(HttpResponse<String> answer, int status) {
		assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(status);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> type.startsWith("text/html"));
		NuHtmlChecker.assertValid(answer.uri().getPath() + " (" + status + ")", answer.body());
	}

}
