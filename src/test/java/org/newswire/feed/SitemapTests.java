package org.newswire.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newswire.SettableClock;
import org.newswire.TestStories;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.WritethruKind;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sitemaps parsed back with the JDK's namespace-aware XML parser.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SitemapTests {

	private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";

	private static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

	@Autowired
	MockMvc mvc;

	@Autowired
	Publishing publishing;

	@Autowired
	SettableClock clock;

	@Test
	void newsSitemapHoldsOnlyTheLastTwoDaysWithFirstPublicationDates() throws Exception {
		Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
		Instant yesterday = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
		ArticleSummary old = this.clock.callAt(threeDaysAgo,
				() -> TestStories.story().section("world").headline("Old harbour story").publish(this.publishing));
		ArticleSummary recent = this.clock.callAt(yesterday,
				() -> TestStories.story()
					.section("world")
					.headline("Harbour pier closes & <ferries> divert")
					.publish(this.publishing));
		long recentId = recent.id();
		TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Harbour pier reopens")
			.post(this.publishing, recentId, 1);
		long killed = TestStories.story()
			.section("world")
			.headline("Withdrawn harbour story")
			.publish(this.publishing)
			.id();
		this.publishing.kill(killed, "Withdrawn.", "ada");

		Document news = SitemapXml.fetch(this.mvc, "/sitemap-news.xml");

		List<Element> urls = SitemapXml.children(news.getDocumentElement(), SITEMAP, "url");
		assertThat(news.getDocumentElement().getLocalName()).isEqualTo("urlset");
		assertThat(news.getDocumentElement().getNamespaceURI()).isEqualTo(SITEMAP);
		assertThat(urls).hasSizeLessThanOrEqualTo(1000);
		List<String> locs = urls.stream().map((url) -> text(url, SITEMAP, "loc")).toList();
		assertThat(locs).contains("http://localhost/articles/" + recentId + "/harbour-pier-reopens")
			.noneMatch((loc) -> loc.startsWith("http://localhost/articles/" + old.id() + "/"))
			.noneMatch((loc) -> loc.startsWith("http://localhost/articles/" + killed + "/"));
		Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
		for (Element url : urls) {
			Element entry = SitemapXml.children(url, NEWS, "news").get(0);
			Element publication = SitemapXml.children(entry, NEWS, "publication").get(0);
			assertThat(text(publication, NEWS, "name")).isEqualTo("Newswire");
			assertThat(text(publication, NEWS, "language")).isEqualTo("en");
			assertThat(Instant.parse(text(entry, NEWS, "publication_date"))).isAfter(twoDaysAgo);
			assertThat(text(entry, NEWS, "title")).isNotBlank();
		}
		Element mine = urls.get(locs.indexOf("http://localhost/articles/" + recentId + "/harbour-pier-reopens"));
		Element entry = SitemapXml.children(mine, NEWS, "news").get(0);
		assertThat(text(entry, NEWS, "publication_date")).isEqualTo(yesterday.toString());
		assertThat(text(entry, NEWS, "title")).isEqualTo("LD Writethru: Harbour pier reopens");
	}

	@Test
	void sitemapListsSectionsAndEveryVisibleArticleWithLastModified() throws Exception {
		Instant longAgo = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
		long old = this.clock
			.callAt(longAgo,
					() -> TestStories.story()
						.section("culture")
						.headline("Archive catalogue published")
						.publish(this.publishing))
			.id();
		long killed = TestStories.story()
			.section("culture")
			.headline("Withdrawn culture story")
			.publish(this.publishing)
			.id();
		this.publishing.kill(killed, "Withdrawn.", "ada");

		Document index = SitemapXml.fetch(this.mvc, "/sitemap.xml");
		assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
		List<Element> urls = new ArrayList<>();
		for (Element sitemap : SitemapXml.children(index.getDocumentElement(), SITEMAP, "sitemap")) {
			Document part = SitemapXml.fetch(this.mvc, text(sitemap, SITEMAP, "loc").replace("http://localhost", ""));
			assertThat(part.getElementsByTagNameNS(NEWS, "news").getLength()).isZero();
			urls.addAll(SitemapXml.children(part.getDocumentElement(), SITEMAP, "url"));
		}
		List<String> locs = urls.stream().map((url) -> text(url, SITEMAP, "loc")).toList();
		assertThat(locs)
			.contains("http://localhost/", "http://localhost/sections/world", "http://localhost/sections/culture",
					"http://localhost/articles/" + old + "/archive-catalogue-published")
			.noneMatch((loc) -> loc.startsWith("http://localhost/articles/" + killed + "/"));
		Element oldUrl = urls.get(locs.indexOf("http://localhost/articles/" + old + "/archive-catalogue-published"));
		assertThat(text(oldUrl, SITEMAP, "lastmod")).isEqualTo(longAgo.toString());
	}

	@Test
	void sitemapsAreXmlAndCacheable() throws Exception {
		TestStories.story().section("world").headline("Cacheable harbour story").publish(this.publishing);
		for (String path : List.of("/sitemap.xml", "/sitemaps/sections.xml", "/sitemaps/articles-1.xml",
				"/sitemap-news.xml")) {
			String etag = this.mvc.perform(get(path))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Type", "application/xml;charset=UTF-8"))
				.andExpect(header().exists("Last-Modified"))
				.andReturn()
				.getResponse()
				.getHeader("ETag");
			this.mvc.perform(get(path).header("If-None-Match", etag)).andExpect(status().isNotModified());
		}
	}

	@Test
	void robotsPointAtBothSitemaps() throws Exception {
		this.mvc.perform(get("/robots.txt"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/plain;charset=UTF-8"))
			.andExpect(content().string(containsString("Sitemap: http://localhost/sitemap.xml\n")))
			.andExpect(content().string(containsString("Sitemap: http://localhost/sitemap-news.xml\n")))
			.andExpect(content().string(containsString("Disallow: /desk/\n")));
	}

	private static String text(Element parent, String namespace, String name) {
		List<Element> elements = SitemapXml.children(parent, namespace, name);
		assertThat(elements).as(name).hasSize(1);
		return elements.get(0).getTextContent();
	}

}
