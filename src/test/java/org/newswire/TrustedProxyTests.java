package org.newswire;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a proxy the portal trusts (loopback, the default, as for nginx on the same host)
 * with a configured public origin: TLS at the proxy counts, and absolute links and
 * redirects name the public origin whatever host the request claims (issue 8, items 3 and
 * 7).
 */
@BehindTheProxy
class TrustedProxyTests {

	static final String PASSWORD = BehindTheProxy.PASSWORD;

	private static final String[] TLS_AT_THE_PROXY = { "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.9" };

	@LocalServerPort
	int port;

	private EdgeClient client;

	@BeforeEach
	void connect() {
		this.client = new EdgeClient(this.port);
	}

	@Test
	void theDeskSessionCookieIsSecureWhenTheProxySaysTheRequestCameOverTls() {
		// The sign-in form opens no session: its CSRF token comes in a cookie of its own.
		HttpResponse<String> overTls = this.client.get("/desk/login", TLS_AT_THE_PROXY);
		assertThat(overTls.headers().allValues("Set-Cookie")).singleElement()
			.asString()
			.startsWith("newswire_csrf=")
			.contains("; Secure")
			.contains("; HttpOnly")
			.contains("SameSite=Strict");
		assertThat(overTls.headers().firstValue("Strict-Transport-Security")).isPresent();

		EdgeClient.Session session = this.client.signIn("chief", PASSWORD, TLS_AT_THE_PROXY);
		// The new session's cookie, the device cookie of the sign-in throttle and the
		// sign-in form's CSRF cookie, deleted.
		assertThat(session.signInAnswer().headers().allValues("Set-Cookie"))
			.anyMatch((cookie) -> cookie.startsWith("JSESSIONID="))
			.anyMatch((cookie) -> cookie.startsWith("newswire_device="))
			.allSatisfy((cookie) -> assertThat(cookie).contains("; Secure"));
	}

	@Test
	void plainHttpGetsNoSecureCookieNorHsts() {
		HttpResponse<String> plain = this.client.get("/desk/login");
		assertThat(plain.headers().allValues("Set-Cookie")).singleElement().asString().doesNotContain("Secure");
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void absoluteLinksAndTheSignInRedirectNameThePublicOriginWhateverTheProxyForwards() {
		String[] claim = { "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https" };
		for (String document : new String[] { "/robots.txt", "/sitemap.xml", "/feeds/rss.xml", "/feeds/atom.xml" }) {
			String body = this.client.get(document, claim).body();
			assertThat(body).as(document).doesNotContain("evil.example").contains("https://news.example.org/");
		}
		assertThat(this.client.get("/robots.txt", claim).body())
			.contains("Sitemap: https://news.example.org/sitemap.xml");
		EdgeClient.Session session = this.client.signIn("chief", PASSWORD, claim);
		assertThat(session.signInAnswer().headers().firstValue("Location")).get()
			.asString()
			.startsWith("https://news.example.org/desk");
	}

}
