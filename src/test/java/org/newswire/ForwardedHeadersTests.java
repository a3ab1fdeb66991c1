package org.newswire;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, items 2 and 3: a client that is not a configured proxy cannot change the
 * links, language or redirects that it or anybody else gets by sending forwarded headers.
 */
@UntrustedClients
class ForwardedHeadersTests {

	@LocalServerPort
	int port;

	private EdgeClient client;

	@BeforeEach
	void connect() {
		this.client = new EdgeClient(this.port);
	}

	@Test
	void aForwardedPrefixNeverRewritesTheLinksAnyReaderGets() {
		String article = this.client.articlePaths().get(0);
		for (String page : List.of("/corrections", "/", "/sections/world", "/search?q=harbour", article,
				article + "/versions", "/feeds/rss.xml", "/feeds/atom.xml", "/sitemaps/articles-1.xml")) {
			HttpResponse<String> forged = this.client.get(page, "X-Forwarded-Prefix", "/x");
			HttpResponse<String> plain = this.client.get(page);
			assertThat(forged.statusCode()).as(page).isEqualTo(200);
			assertThat(forged.body()).as(page).doesNotContain("/x/");
			assertThat(plain.body()).as(page).doesNotContain("/x/").containsPattern("href=\"/\\w|/articles/");
		}
	}

	@Test
	void aPrefixWithoutLeadingSlashIsIgnoredToo() {
		assertThat(this.client.get("/", "X-Forwarded-Prefix", "evil").statusCode()).isEqualTo(200);
		assertThat(this.client.get("/corrections", "X-Forwarded-Prefix", "evil/").statusCode()).isEqualTo(200);
	}

	@Test
	void forwardedHostProtoAndPortFromAClientNeverReachAbsoluteLinks() {
		for (String document : List.of("/robots.txt", "/sitemap.xml", "/sitemap-news.xml", "/feeds/rss.xml",
				"/feeds/atom.xml", "/feeds/sections/world/rss.xml")) {
			HttpResponse<String> forged = this.client.get(document, "X-Forwarded-Host", "evil.example",
					"X-Forwarded-Proto", "https", "X-Forwarded-Port", "8443");
			HttpResponse<String> plain = this.client.get(document);
			assertThat(forged.statusCode()).as(document).isEqualTo(200);
			for (HttpResponse<String> answer : List.of(forged, plain)) {
				assertThat(answer.body()).as(document)
					.doesNotContain("evil.example")
					.doesNotContain("https://127.0.0.1")
					.doesNotContain(":8443");
			}
		}
		assertThat(this.client.get("/robots.txt", "X-Forwarded-Host", "evil.example").body())
			.contains("Sitemap: " + this.client.origin() + "/sitemap.xml");
	}

	@Test
	void signInNeverRedirectsToAClaimedHost() {
		String[] claim = { "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https" };
		HttpResponse<String> protectedPage = this.client.get("/desk/articles/new", claim);
		assertThat(protectedPage.statusCode()).isEqualTo(302);
		assertThat(protectedPage.headers().firstValue("Location")).get().asString().doesNotContain("evil.example");

		EdgeClient.Session session = this.client.signIn(UntrustedClients.EDITOR, UntrustedClients.PASSWORD, claim);
		assertThat(session.signInAnswer().headers().firstValue("Location")).get().asString().startsWith("/desk");
	}

	@Test
	void aCachedPageKeepsTheSiteLanguageWhateverTheFirstReaderAsked() {
		// A page no other test asks for: this client is the first.
		List<String> articles = this.client.articlePaths();
		String page = articles.get(articles.size() - 1) + "/versions";
		HttpResponse<String> first = this.client.get(page, "Accept-Language", "de-DE, de;q=0.9");
		HttpResponse<String> next = this.client.get(page, "Accept-Language", "fr");
		HttpResponse<String> plain = this.client.get(page);
		for (HttpResponse<String> answer : List.of(first, next, plain)) {
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.headers().firstValue("Content-Language")).hasValue("en");
		}
	}

}
