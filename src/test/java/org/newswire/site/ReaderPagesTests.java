package org.newswire.site;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.RequestDispatcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.newswire.TestStories;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.Stories;
import org.newswire.article.Urgency;
import org.newswire.article.WritethruKind;
import org.newswire.ticker.TickerService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class ReaderPagesTests {

	@Autowired
	Publishing publishing;

	@Autowired
	MockMvc mvc;

	@Autowired
	Stories stories;

	@Autowired
	TickerService ticker;

	@Test
	void homeListsTheLatestStoriesWithLabelSectionAndTime() throws Exception {
		ArticleSummary first = publish("business", "Grain exchange extends its trading hours");
		ArticleSummary current = TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Grain exchange extends hours after record week")
			.paragraphs("A record week led to longer hours.")
			.ednote("Eds: UPDATES")
			.urgency(Urgency.ROUTINE)
			.post(this.publishing, first.id(), 1);

		Document home = page("/");

		var item = home.select(".story-item")
			.stream()
			.filter((li) -> li.select("a[href=" + current.path() + "]").size() > 0)
			.findFirst()
			.orElseThrow();
		assertThat(item.select("h2").text()).isEqualTo("LD Writethru: Grain exchange extends hours after record week");
		assertThat(item.select(".story-label").text()).isEqualTo("LD Writethru:");
		assertThat(item.select(".story-item-section").attr("href")).isEqualTo("/sections/business");
		assertThat(item.select("time").attr("datetime"))
			.isEqualTo(current.updatedAt().truncatedTo(ChronoUnit.SECONDS).toString());
		assertThat(home.select(".section-index a")).extracting((a) -> a.attr("href"))
			.containsExactly("/sections/world", "/sections/business", "/sections/technology", "/sections/science",
					"/sections/sports", "/sections/culture");
		assertThat(home.select("nav.breadcrumb").text()).isEqualTo("You are here: Home");
		assertThat(home.select("nav.breadcrumb [aria-current=page]").text()).isEqualTo("Home");
		assertThat(home.select("html").attr("lang")).isEqualTo("en");
		assertThat(home.select("a.skip-link").attr("href")).isEqualTo("#main");
		assertThat(home.select("main#main h1")).hasSize(1);
	}

	@Test
	void onlyLinksToStaticFilesAreContentVersioned() throws Exception {
		ArticleSummary story = publish("science", "Observatory maps a new comet");

		Document home = page("/");

		assertThat(home.select("link[rel=stylesheet]")).isNotEmpty()
			.allSatisfy((css) -> assertThat(css.attr("href")).matches("/css/[a-z]+-[0-9a-f]{32}\\.css"));
		assertThat(home.select("script[src]")).isNotEmpty()
			.allSatisfy((script) -> assertThat(script.attr("src")).matches("/js/[a-z-]+-[0-9a-f]{32}\\.js"));
		assertThat(home.select("a[href=" + story.path() + "]")).isNotEmpty();
		assertThat(home.select(".section-index a[href=/sections/science]")).hasSize(1);
	}

	@Test
	void sectionPagesWalkBackwardsThroughOlderStories() throws Exception {
		List<String> headlines = new ArrayList<>();
		for (int i = 1; i <= ListingController.PAGE_SIZE + 2; i++) {
			String headline = "Gallery note number " + i + " " + UUID.randomUUID().toString().substring(0, 6);
			publish("culture", headline);
			headlines.add(headline);
		}
		publish("sports", "Sports story that must stay in its own section");

		Document newest = page("/sections/culture");
		assertThat(newest.select("h1").text()).isEqualTo("Culture");
		assertThat(newest.select("nav.breadcrumb li")).extracting((li) -> li.text()).containsExactly("Home", "Culture");
		assertThat(newest.select("nav.breadcrumb [aria-current=page]").text()).isEqualTo("Culture");
		List<String> shown = newest.select(".story-item h2").eachText();
		assertThat(shown).hasSize(ListingController.PAGE_SIZE)
			.startsWith(headlines.get(headlines.size() - 1))
			.doesNotContain("Sports story that must stay in its own section");

		String older = newest.select("a[rel=next]").attr("href");
		assertThat(older).startsWith("/sections/culture?before=");
		List<String> next = page(older).select(".story-item h2").eachText();
		assertThat(next).contains(headlines.get(0), headlines.get(1)).doesNotContainAnyElementsOf(shown);
	}

	@Test
	void unknownSectionIsNotFoundAndMalformedPositionIsBadRequest() throws Exception {
		this.mvc.perform(get("/sections/no-such-section")).andExpect(status().isNotFound());
		// Hand-built: positions no link points to.
		this.mvc.perform(get("/sections/world").param("before", "yesterday")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/sections/world").param("before", "2026-13-45T00:00:00Z~1"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void tickerShowsOneHeadlinePerArticleLinkedToItAndMarksFlashes() throws Exception {
		ArticleSummary first = publish("science", "Comet passes closer than expected");
		TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Comet visible to the naked eye tonight")
			.paragraphs("Skies will be clear.")
			.ednote("Eds: UPDATES")
			.byline(null)
			.urgency(Urgency.FLASH)
			.post(this.publishing, first.id(), 1);
		this.ticker.post("Harbour closed to shipping in storm", Urgency.BULLETIN, null, "ada");

		var ticker = page("/").select("#ticker-list");

		assertThat(ticker.select("li").eachText()).filteredOn((text) -> text.contains("Comet"))
			.containsExactly("Flash: LD Writethru: Comet visible to the naked eye tonight");
		var comet = ticker.select("li:contains(Comet) a");
		assertThat(comet.attr("href")).isEqualTo(this.stories.find(first.id()).orElseThrow().path());
		assertThat(comet.select("strong.ticker-urgency").text()).isEqualTo("Flash:");
		var harbour = ticker.select("li:contains(Harbour closed to shipping)");
		assertThat(harbour.select("a")).isEmpty();
		assertThat(harbour.text()).isEqualTo("Bulletin: Harbour closed to shipping in storm");
	}

	@Test
	void everyPageHasTheTickerAndThePauseButton() throws Exception {
		publish("world", "Ticker check story");
		for (String path : List.of("/", "/sections/world")) {
			Document page = page(path);
			assertThat(page.select(".ticker[role=region] #ticker-list li")).isNotEmpty();
			assertThat(page.select("#ticker-title").text()).isEqualTo("Off the wire");
			assertThat(page.select("button.ticker-toggle[type=button]").text()).isEqualTo("Pause ticker");
			// Static files are linked under content-hashed URLs.
			assertThat(page.select(
					"script[src~=^/js/ticker-[0-9a-f]{32}\\.js$] ~ script[src~=^/js/ticker-live-[0-9a-f]{32}\\.js$]"))
				.hasSize(1);
		}
	}

	@Test
	void errorPageIsTheSiteLayoutWithoutTechnicalDetail() throws Exception {
		Document notFound = Jsoup.parse(this.mvc
			.perform(get("/error").accept(MediaType.TEXT_HTML)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/nowhere"))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(notFound.select("h1").text()).isEqualTo("Page not found");
		assertThat(notFound.select("#ticker-list")).hasSize(1);
		assertThat(notFound.select("nav.breadcrumb [aria-current=page]").text()).isEqualTo("Page not found");

		String failure = this.mvc
			.perform(get("/error").accept(MediaType.TEXT_HTML)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
				.requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret detail"))
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/boom"))
			.andExpect(status().isInternalServerError())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(failure).select("h1").text()).isEqualTo("Something went wrong");
		assertThat(failure).doesNotContain("secret detail", "IllegalStateException", "at org.");

		for (int status : new int[] { 400, 405, 410, 429 }) {
			Document page = errorPage(status);
			assertThat(page.select("h1").text()).isNotBlank().isNotEqualTo("Something went wrong");
			assertThat(page.select(".error-code").text()).startsWith(String.valueOf(status));
		}
		assertThat(errorPage(418).select("h1").text()).isEqualTo("The request could not be answered");
		assertThat(errorPage(503).select("h1").text()).isEqualTo("Something went wrong");
	}

	private Document errorPage(int status) throws Exception {
		return Jsoup.parse(this.mvc
			.perform(get("/error").accept(MediaType.TEXT_HTML).requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status))
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	@Test
	void everyReaderPageHasOneFlatBreadcrumbFromHome() throws Exception {
		ArticleSummary story = publish("science", "Lighthouse keepers log a rare green flash");
		String path = TestStories.writethru(WritethruKind.ADDS)
			.headline("Lighthouse keepers log a rare green flash")
			.paragraphs("The first paragraph.", "An added paragraph.")
			.ednote("Eds: ADDS")
			.byline(null)
			.urgency(Urgency.ROUTINE)
			.post(this.publishing, story.id(), 1)
			.path();
		for (String page : List.of("/", "/sections/science", path, path + "/versions", path + "/versions/1",
				path + "/compare?from=1&to=2", "/corrections", "/search?q=lighthouse")) {
			Document document = page(page);
			assertThat(document.select("nav.breadcrumb ol ol")).as(page).isEmpty();
			assertThat(document.select("nav.breadcrumb > ol > li").first().text()).as(page).isEqualTo("Home");
			assertThat(document.select("nav.breadcrumb [aria-current=page]")).as(page).hasSize(1);
		}
	}

	private Document page(String path) throws Exception {
		return Jsoup.parse(
				this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	private ArticleSummary publish(String section, String headline) {
		return TestStories.story()
			.section(section)
			.slugline("Test")
			.urgency(Urgency.ROUTINE)
			.headline(headline)
			.paragraphs("The first paragraph.", "The second paragraph.")
			.publish(this.publishing);
	}

}
