package org.newswire.site;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.newswire.TestStories;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.Publishing.NewArticle;
import org.newswire.article.Publishing.WritethruDraft;
import org.newswire.article.Urgency;
import org.newswire.article.WritethruKind;
import org.newswire.pagecache.PageCache;
import org.newswire.ticker.TickerService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What readers and caches in front notice of the page cache: which requests get the
 * stored page, what a change drops, and validators that move with what a page shows.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PageCacheTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Publishing publishing;

	@Autowired
	TickerService ticker;

	@Autowired
	PageCache cache;

	@Autowired
	MeterRegistry meters;

	@Test
	void anEdgeThatAssemblesPagesGetsTheTickerAsAnIncludeAndEachPartItsOwnTag() throws Exception {
		ArticleSummary story = publish("Tram depot opens a night line");
		String page = this.mvc.perform(get(story.path())).andReturn().getResponse().getContentAsString();

		MockHttpServletResponse forEdge = this.mvc
			.perform(get(story.path()).header("Surrogate-Capability", "edge=\"ESI/1.0\""))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		MockHttpServletResponse fragment = this.mvc.perform(get("/fragments/ticker"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();

		assertThat(forEdge.getHeader("Surrogate-Control")).isEqualTo("content=\"ESI/1.0\"");
		assertThat(forEdge.getHeader("xkey")).isEqualTo("article:" + story.id());
		assertThat(fragment.getHeader("xkey")).isEqualTo("ticker");
		assertThat(fragment.getHeader("Surrogate-Key")).isEqualTo("ticker");
		assertThat(fragment.getHeader("Cache-Control"))
			.isEqualTo("public, max-age=30, s-maxage=86400, stale-while-revalidate=60, stale-if-error=86400");
		// What the edge assembles is the page a node serves.
		assertThat(forEdge.getContentAsString()
			.replace("<esi:include src=\"/fragments/ticker\"/>", fragment.getContentAsString())).isEqualTo(page);
	}

	@Test
	void theTickerSnapshotCarriesTheTickersTagSoATickerChangePurgesItAtTheEdge() throws Exception {
		MockHttpServletResponse snapshot = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.mvc.perform(get("/ticker/snapshot")).andReturn().getResponse(),
					(response) -> response.getStatus() == 200);

		assertThat(snapshot.getHeader("xkey")).isEqualTo("ticker");
		assertThat(snapshot.getHeader("Surrogate-Key")).isEqualTo("ticker");
		assertThat(snapshot.getHeader("Cache-Control"))
			.isEqualTo("public, max-age=10, s-maxage=86400, stale-while-revalidate=60, stale-if-error=86400");
		assertThat(snapshot.getHeader("Set-Cookie")).isNull();
	}

	@Test
	void readerPagesArePubliclyCacheableWithValidatorsAndNoCookies() throws Exception {
		ArticleSummary story = publish("Valley railway adds a winter timetable");
		for (String path : List.of("/", "/sections/world", story.path())) {
			for (int i = 0; i < 2; i++) {
				MockHttpServletResponse response = this.mvc.perform(get(path))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse();
				assertThat(response.getHeader("Cache-Control"))
					.isEqualTo("public, max-age=30, s-maxage=86400, stale-while-revalidate=60, stale-if-error=86400");
				assertThat(response.getHeader("ETag")).matches("W/\"[0-9a-f]+\\.\\d+\"");
				assertThat(response.getHeader("Last-Modified")).isNotBlank();
				assertThat(response.getHeader("Set-Cookie")).isNull();
				assertThat(response.getHeaders("Vary")).contains("Accept-Encoding")
					.noneMatch((vary) -> vary.contains("Cookie"));
				assertThat(response.getHeader("Content-Security-Policy")).contains("script-src 'self'");
				assertThat(response.getContentAsString()).contains("Valley railway adds a winter timetable")
					.doesNotContain(PageCache.MARKER);
			}
		}
	}

	@Test
	void unknownParametersAreServedTheCachedPage() throws Exception {
		ArticleSummary story = publish("Harbour ferry adds a late sailing");
		MockHttpServletResponse plain = this.mvc.perform(get(story.path())).andReturn().getResponse();
		long renders = this.cache.renders();

		for (String query : List.of("?utm_source=newsletter&utm_medium=mail", "?x=1", "?x=2&x=3&fbclid=abc")) {
			MockHttpServletResponse tracked = this.mvc.perform(get(story.path() + query))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse();
			assertThat(tracked.getContentAsString()).isEqualTo(plain.getContentAsString());
			assertThat(tracked.getHeader("ETag")).isEqualTo(plain.getHeader("ETag"));
		}
		// Hand-built: tracking parameters come on links from elsewhere, never from a
		// form.
		this.mvc.perform(get("/").param("utm_source", "x")).andExpect(status().isOk());
		this.mvc.perform(get("/").param("utm_source", "y")).andExpect(status().isOk());
		assertThat(this.cache.renders()).as("one render of the home page, none of the article").isEqualTo(renders + 1);
	}

	@Test
	void anOldSlugIsRedirectedFromTheCacheUntilTheStoryChangesAgain() throws Exception {
		ArticleSummary first = publish("Canal lock reopens after repairs");
		ArticleSummary second = TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Canal lock reopens two days early")
			.post(this.publishing, first);
		this.mvc.perform(get(first.path()))
			.andExpect(status().isMovedPermanently())
			.andExpect(header().string("Location", second.path()));
		double hits = this.meters.counter("newswire.page.cache", "result", "hit").count();

		this.mvc.perform(get(first.path() + "?utm_source=share"))
			.andExpect(status().isMovedPermanently())
			.andExpect(header().string("Location", second.path()))
			.andExpect(header().string("Cache-Control",
					"public, max-age=30, s-maxage=86400, stale-while-revalidate=60, stale-if-error=86400"));
		assertThat(this.meters.counter("newswire.page.cache", "result", "hit").count()).as("answered from the cache")
			.isEqualTo(hits + 1);

		ArticleSummary third = TestStories.writethru(WritethruKind.WRITETHRU)
			.headline("Canal lock reopens; first barges pass")
			.post(this.publishing, second);
		this.mvc.perform(get(first.path()))
			.andExpect(status().isMovedPermanently())
			.andExpect(header().string("Location", third.path()));
	}

	@Test
	void aRepeatedParameterThePageReadsIsRefused() throws Exception {
		// Hand-built: no link or form of the site sends a parameter twice.
		this.mvc.perform(get("/sections/world").param("before", "2026-11-26T10:00:00Z~1", "2026-11-26T10:00:00Z~2"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/search").param("q", "ferry", "bridge")).andExpect(status().isBadRequest());
	}

	@Test
	void aWritethruIsOnItsPageAtOnceWhileOtherArticlesAreServedWithTheNewTicker() throws Exception {
		ArticleSummary changed = publish("Bridge inspection begins on Monday");
		ArticleSummary other = publish("Library extends its opening hours");
		this.mvc.perform(get(changed.path())).andExpect(status().isOk());
		String otherBefore = this.mvc.perform(get(other.path())).andReturn().getResponse().getContentAsString();
		long renders = this.cache.renders();

		ArticleSummary updated = this.publishing.postWritethru(changed.id(), 1,
				new WritethruDraft(WritethruKind.LD_WRITETHRU, "Bridge inspection finds cracked bearings",
						List.of("Inspectors found two cracked bearings."), "Eds: UPDATES with findings", null, null,
						Urgency.ROUTINE),
				"ada");

		this.mvc.perform(get(updated.path()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Inspectors found two cracked bearings.")));
		String otherAfter = this.mvc.perform(get(other.path())).andReturn().getResponse().getContentAsString();
		assertThat(this.cache.renders()).as("only the changed article is rendered again").isEqualTo(renders + 1);
		assertThat(otherAfter).contains("LD Writethru: Bridge inspection finds cracked bearings")
			.isNotEqualTo(otherBefore);
		assertThat(withoutTicker(otherAfter)).isEqualTo(withoutTicker(otherBefore));
	}

	@Test
	void aTickerChangeShowsOnTheNextRequestOfEveryPageAndMovesEveryETag() throws Exception {
		ArticleSummary story = publish("Dock workers agree a new rota");
		List<String> paths = List.of("/", "/sections/world", story.path(), story.path() + "/versions", "/corrections",
				"/search?q=rota");
		Map<String, String> etags = new HashMap<>();
		for (String path : paths) {
			etags.put(path, this.mvc.perform(get(path)).andReturn().getResponse().getHeader("ETag"));
		}
		long renders = this.cache.renders();

		this.ticker.post("Fog delays the morning ferries", Urgency.ROUTINE, null, "ada");

		for (String path : paths) {
			this.mvc.perform(get(path).header("If-None-Match", etags.get(path)))
				.andExpect(status().isOk())
				.andExpect(header().string("ETag", not(etags.get(path))))
				.andExpect(content().string(containsString("Fog delays the morning ferries")));
		}
		assertThat(this.cache.renders()).as("no page body rendered again for a ticker change").isEqualTo(renders);
	}

	@Test
	void conditionalRequestsAreAnsweredNotModifiedUntilThePageChanges() throws Exception {
		ArticleSummary story = publish("Tram line reopens after repairs");
		MockHttpServletResponse first = this.mvc.perform(get(story.path())).andReturn().getResponse();
		String etag = first.getHeader("ETag");

		this.mvc.perform(get(story.path()).header("If-None-Match", etag))
			.andExpect(status().isNotModified())
			.andExpect(header().string("ETag", etag))
			.andExpect(content().string(""));
		this.mvc.perform(get(story.path()).header("If-Modified-Since", first.getHeader("Last-Modified")))
			.andExpect(status().isNotModified());

		this.publishing
			.postWritethru(story.id(), 1,
					new WritethruDraft(WritethruKind.LD_WRITETHRU, "Tram line reopens after repairs",
							List.of("The first trams ran at six."), "Eds: UPDATES", null, null, Urgency.ROUTINE),
					"ada");
		this.mvc.perform(get(story.path()).header("If-None-Match", etag))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", not(etag)))
			.andExpect(content().string(containsString("The first trams ran at six.")));
	}

	@Test
	void clientsThatAcceptGzipGetTheCompressedPage() throws Exception {
		publish("Orchard harvest starts early");
		String plain = this.mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
		MockHttpServletResponse zipped = this.mvc.perform(get("/").header("Accept-Encoding", "gzip, deflate, br"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Encoding", "gzip"))
			.andReturn()
			.getResponse();
		byte[] compressed = zipped.getContentAsByteArray();
		assertThat(compressed.length).isLessThan(plain.length() / 2);
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
		}
		this.mvc.perform(get("/").header("Accept-Encoding", "gzip;q=0, identity"))
			.andExpect(header().doesNotExist("Content-Encoding"));
	}

	@Test
	void headAnswersTheHeadersOfTheCachedPage() throws Exception {
		publish("Night market returns to the quay");
		this.mvc.perform(get("/")).andExpect(status().isOk());
		this.mvc.perform(head("/"))
			.andExpect(status().isOk())
			.andExpect(header().exists("ETag"))
			.andExpect(content().string(""));
	}

	@Test
	void errorsAreNeitherCachedNorCacheableAndStillCarryTheTicker() throws Exception {
		this.ticker.post("Power restored across the east side", Urgency.ROUTINE, null, "ada");
		this.mvc.perform(get("/sections/atlantis"))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(header().doesNotExist("ETag"));
		ArticleSummary story = publish("Pier closes for the winter");
		this.publishing.kill(story.id(), "This story has been withdrawn.", "ada");
		this.mvc.perform(get(story.path()))
			.andExpect(status().isGone())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(content().string(containsString("Power restored across the east side")))
			.andExpect(content().string(not(containsString(PageCache.MARKER))));
	}

	private static String withoutTicker(String page) {
		return page.replaceAll("(?s)<ul class=\"ticker-list\".*?</ul>", "");
	}

	@Test
	void aFlashStoryLeadsTheTickerOfPagesServedFromTheCacheWithItsLevel() throws Exception {
		ArticleSummary story = publish("Ferry crews agree new rosters");
		this.mvc.perform(get(story.path())).andExpect(status().isOk());
		ArticleSummary flash = this.publishing.publish(new NewArticle("science", "Test", "NWS",
				"CAPE TARROW, Nov. 26 (Newswire) --", null, "en", Urgency.FLASH, "Quake strikes off Cape Tarrow",
				List.of("A strong earthquake struck off Cape Tarrow."), null), "ada");
		this.ticker.post("Harbour notice after the quake", Urgency.ROUTINE, null, "ada");
		try {
			long renders = this.cache.renders();
			Document cached = Jsoup
				.parse(this.mvc.perform(get(story.path())).andReturn().getResponse().getContentAsString());
			assertThat(this.cache.renders()).as("the story's page came from the cache").isEqualTo(renders);
			for (Document page : List.of(cached,
					Jsoup.parse(this.mvc.perform(get("/")).andReturn().getResponse().getContentAsString()))) {
				Element lead = page.selectFirst("#ticker-list li");
				assertThat(lead.classNames()).contains("is-alert", "is-marked");
				assertThat(lead.text()).isEqualTo("Flash: Quake strikes off Cape Tarrow");
				assertThat(lead.select("strong.ticker-urgency").text()).isEqualTo("Flash:");
				assertThat(lead.select("a").attr("href")).isEqualTo(flash.path());
				List<Boolean> alertFlags = page.select("#ticker-list li")
					.stream()
					.map((li) -> li.hasClass("is-alert"))
					.toList();
				assertThat(alertFlags).as("alerts first").isSortedAccordingTo(Comparator.reverseOrder());
				// Where alerts.js puts the banner: hidden, so without scripts nothing
				// shows.
				Element alerts = page.selectFirst("section.wire-alerts[data-alerts]");
				assertThat(alerts.hasAttr("hidden")).isTrue();
				assertThat(alerts.attr("aria-label")).isEqualTo("Wire alerts");
				assertThat(alerts.attr("data-dismiss-label")).isEqualTo("Dismiss alert");
				assertThat(alerts.children()).isEmpty();
			}
		}
		finally {
			this.publishing.kill(flash.id(), "Withdrawn.", "ada");
		}
		assertThat(Jsoup.parse(this.mvc.perform(get(story.path())).andReturn().getResponse().getContentAsString())
			.select("#ticker-list li.is-alert a[href='" + flash.path() + "']")).isEmpty();
	}

	private ArticleSummary publish(String headline) {
		return this.publishing.publish(new NewArticle("world", "Test", "NWS", "PORT ELLIS, Nov. 26 (Newswire) --",
				"By Ada Quill", "en", Urgency.ROUTINE, headline, List.of("The first paragraph."), null), "ada");
	}

}
