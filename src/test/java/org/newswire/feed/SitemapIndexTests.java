package org.newswire.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.newswire.TestStories;
import org.newswire.article.Publishing;
import org.newswire.article.WritethruKind;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sitemap index split at a limit of three URLs per sitemap, as it splits at 50,000 in
 * production.
 */
@SpringBootTest(properties = "newswire.sitemap.max-urls=3")
@AutoConfigureMockMvc
class SitemapIndexTests {

	private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";

	@Autowired
	MockMvc mvc;

	@Autowired
	Publishing publishing;

	@Test
	void splitsArticlesIntoSitemapsOfAtMostTheLimitEachWithItsOwnValidators() throws Exception {
		List<Long> ids = new ArrayList<>();
		for (int i = 1; i <= 8; i++) {
			ids.add(TestStories.story()
				.section("world")
				.headline("Harbour story number " + i)
				.publish(this.publishing)
				.id());
		}
		long killed = ids.get(7);
		this.publishing.kill(killed, "Withdrawn.", "ada");

		Map<String, List<String>> sitemaps = sitemaps();

		assertThat(sitemaps).containsKeys("/sitemaps/sections.xml", "/sitemaps/articles-1.xml",
				"/sitemaps/articles-2.xml", "/sitemaps/articles-3.xml");
		List<String> articleUrls = new ArrayList<>();
		sitemaps.forEach((path, urls) -> {
			if (path.startsWith("/sitemaps/articles-")) {
				assertThat(urls).hasSizeBetween(1, 3);
				articleUrls.addAll(urls);
			}
		});
		assertThat(articleUrls).hasSize(7)
			.doesNotHaveDuplicates()
			.noneMatch((url) -> url.startsWith("http://localhost/articles/" + killed + "/"));
		for (long id : ids.subList(0, 7)) {
			assertThat(articleUrls).anyMatch((url) -> url.startsWith("http://localhost/articles/" + id + "/"));
		}

		Map<String, String> before = etags(sitemaps.keySet());
		String first = "/sitemaps/articles-1.xml";
		this.mvc.perform(get(first).header("If-None-Match", before.get(first))).andExpect(status().isNotModified());
		// Rewriting the second story changes the first sitemap only.
		TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Harbour story two, rewritten")
			.post(this.publishing, ids.get(1), 1);
		Map<String, String> after = etags(sitemaps.keySet());
		assertThat(after.get(first)).isNotEqualTo(before.get(first));
		assertThat(after.get("/sitemaps/articles-2.xml")).isEqualTo(before.get("/sitemaps/articles-2.xml"));
		assertThat(after.get("/sitemaps/articles-3.xml")).isEqualTo(before.get("/sitemaps/articles-3.xml"));
		this.mvc.perform(get(first).header("If-None-Match", before.get(first))).andExpect(status().isOk());
		assertThat(sitemaps().get(first))
			.contains("http://localhost/articles/" + ids.get(1) + "/harbour-story-two-rewritten");
	}

	@Test
	void unknownSitemapsAreNotFound() throws Exception {
		for (String path : List.of("/sitemaps/articles-0.xml", "/sitemaps/articles-999999.xml",
				"/sitemaps/articles-99999999999999999999999.xml", "/sitemaps/articles-x.xml")) {
			this.mvc.perform(get(path)).andExpect(status().isNotFound());
		}
	}

	/**
	 * Every sitemap the index names, by path, with the URLs it lists.
	 */
	private Map<String, List<String>> sitemaps() throws Exception {
		Map<String, List<String>> sitemaps = new TreeMap<>();
		Document index = SitemapXml.fetch(this.mvc, "/sitemap.xml");
		assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
		for (Element sitemap : SitemapXml.children(index.getDocumentElement(), SITEMAP, "sitemap")) {
			String path = SitemapXml.children(sitemap, SITEMAP, "loc")
				.get(0)
				.getTextContent()
				.replace("http://localhost", "");
			assertThat(SitemapXml.children(sitemap, SITEMAP, "lastmod")).hasSize(1);
			sitemaps.put(path,
					SitemapXml.children(SitemapXml.fetch(this.mvc, path).getDocumentElement(), SITEMAP, "url")
						.stream()
						.map((url) -> SitemapXml.children(url, SITEMAP, "loc").get(0).getTextContent())
						.toList());
		}
		return sitemaps;
	}

	private Map<String, String> etags(Iterable<String> paths) throws Exception {
		Map<String, String> etags = new TreeMap<>();
		for (String path : paths) {
			MockHttpServletResponse response = this.mvc.perform(get(path))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse();
			assertThat(response.getHeader("Last-Modified")).isNotNull();
			etags.put(path, response.getHeader("ETag"));
		}
		return etags;
	}

}
