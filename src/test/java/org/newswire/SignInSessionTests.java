package org.newswire;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in form opens no session; signing in opens exactly one, with a new id, and the
 * sign-in form's CSRF token, kept in a cookie until then, counts only with that cookie
 * (issue 23). Over a real connection: MockMvc's {@code csrf()} swaps the desk's token
 * store for one in the session for the rest of its context.
 */
@UntrustedClients
class SignInSessionTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private EdgeClient client;

	@BeforeEach
	void connect() {
		this.client = new EdgeClient(this.port);
	}

	@Test
	void theSignInFormOpensNoSessionAndSigningInOpensExactlyOne() {
		long stored = storedSessions();
		HttpResponse<String> page = this.client.get("/desk/login");
		assertThat(EdgeClient.session(page)).isEmpty();
		assertThat(page.headers().allValues("Set-Cookie")).singleElement()
			.asString()
			.startsWith("newswire_csrf=")
			.contains("Path=/desk", "HttpOnly", "SameSite=Strict");

		HttpResponse<String> signIn = this.client.post("/desk/login", typedInto(page), "Cookie",
				EdgeClient.cookies(page));
		assertThat(signIn.headers().firstValue("Location")).hasValue("/desk");
		String session = EdgeClient.session(signIn).orElseThrow();
		assertThat(storedSessions()).isEqualTo(stored + 1);
		assertThat(this.jdbc.queryForObject("select principal_name from spring_session where session_id = ?",
				String.class, new String(Base64.getDecoder().decode(session))))
			.isEqualTo(UntrustedClients.EDITOR);
		assertThat(signIn.headers().allValues("Set-Cookie")).as("the sign-in form's token, dropped")
			.anySatisfy(
					(cookie) -> assertThat(cookie).startsWith("newswire_csrf=;").contains("Expires=Thu, 01 Jan 1970"));

		HttpResponse<String> form = this.client.get("/desk/articles/new", "Cookie", "JSESSIONID=" + session);
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.headers().allValues("Set-Cookie")).as("a token kept in the session").isEmpty();
		assertThat(storedSessions()).isEqualTo(stored + 1);
	}

	@Test
	void theSignInFormsTokenCountsOnlyWithTheCookieItCameWith() {
		HttpResponse<String> mine = this.client.get("/desk/login");
		HttpResponse<String> another = this.client.get("/desk/login");

		assertThat(this.client.post("/desk/login", typedInto(mine)).statusCode()).isEqualTo(403);
		assertThat(this.client.post("/desk/login", typedInto(mine), "Cookie", EdgeClient.cookies(another)).statusCode())
			.isEqualTo(403);
		assertThat(this.client.post("/desk/login", typedInto(mine), "Cookie", EdgeClient.cookies(mine))
			.headers()
			.firstValue("Location")).hasValue("/desk");
	}

	@Test
	void onceSignedInTheSignInFormsTokenNoLongerCounts() {
		HttpResponse<String> page = this.client.get("/desk/login");
		HttpResponse<String> signIn = this.client.post("/desk/login", typedInto(page), "Cookie",
				EdgeClient.cookies(page));
		String session = "JSESSIONID=" + EdgeClient.session(signIn).orElseThrow();

		HttpResponse<String> stale = this.client.post("/desk/ticker",
				Map.of("text", "Harbour bridge reopens", "urgency", "4", "_csrf", EdgeClient.csrfToken(page.body())),
				"Cookie", session + "; " + EdgeClient.cookies(page));
		assertThat(stale.statusCode()).isEqualTo(403);
		assertThat(this.client.get("/desk", "Cookie", session).statusCode()).isEqualTo(200);
	}

	/**
	 * The sign-in form as a browser sends it: every field the page holds, with the
	 * editor's name and password typed in.
	 */
	private static Map<String, String> typedInto(HttpResponse<String> page) {
		Map<String, String> typed = Map.of("username", UntrustedClients.EDITOR, "password", UntrustedClients.PASSWORD);
		Map<String, String> form = new LinkedHashMap<>();
		FormElement signIn = (FormElement) Jsoup.parse(page.body()).expectFirst("form[action=/desk/login]");
		for (Connection.KeyVal field : signIn.formData()) {
			form.put(field.key(), typed.getOrDefault(field.key(), field.value()));
		}
		return form;
	}

	private long storedSessions() {
		return this.jdbc.queryForObject("select count(*) from spring_session", Long.class);
	}

}
