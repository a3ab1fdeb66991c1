package org.newswire.site;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.RequestDispatcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.mockito.invocation.Invocation;
import org.newswire.TestStories;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Listings;
import org.newswire.article.Publishing;
import org.thymeleaf.ITemplateEngine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.willCallRealMethod;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The site module with the modules its pages read (articles, ticker, page cache, change
 * record): the chrome every page shares (static-file links, masthead, section navigation,
 * footer) is rendered once and then only copied into pages, which still carry all of it.
 * <p>
 * Each test starts from a portal that has rendered no chrome yet, as after a start: the
 * chrome the test before kept is forgotten, instead of starting the portal again.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "change")
@AutoConfigureMockMvc
class SiteModuleTests {

	private static final List<String> SECTION_LINKS = List.of("/sections/world", "/sections/business",
			"/sections/technology", "/sections/science", "/sections/sports", "/sections/culture");

	@Autowired
	Publishing publishing;

	@Autowired
	MockMvc mvc;

	@MockitoSpyBean
	ITemplateEngine templates;

	@MockitoSpyBean
	Listings listings;

	@Autowired
	SiteChrome chrome;

	@BeforeEach
	void forgetTheChromeRenderedSoFar() {
		((Map<?, ?>) ReflectionTestUtils.getField(this.chrome, "parts")).clear();
	}

	@Test
	void pagesRenderedInFullShareOneRenderingOfTheChrome() throws Exception {
		ArticleSummary comet = publish("science", "Observatory maps a new comet");
		ArticleSummary port = publish("business", "Port authority doubles its container berths");

		List<Document> pages = List.of(page("/"), page("/sections/science"), page(comet.path()), page(port.path()),
				page(comet.path() + "/versions"), errorPage(404));

		assertThat(chromeRenderings()).containsKeys("head-start", "masthead", "site-footer", "font-size")
			.allSatisfy((part, renderings) -> assertThat(renderings).as(part).isEqualTo(1));
		Document article = pages.get(2);
		Document section = pages.get(1);
		for (Document page : List.of(article, section)) {
			assertFullChrome(page);
		}
		assertThat(chrome(article)).isEqualTo(chrome(section));
		assertThat(article.select("[data-font-size-control] button.font-size-button"))
			.extracting((button) -> button.attr("data-announce"))
			.containsExactly("Text size: Small", "Text size: Medium", "Text size: Large");
		assertThat(article.select("h1").text()).isEqualTo("Observatory maps a new comet");
		assertThat(section.select("h1").text()).isEqualTo("Science");
	}

	@Test
	void aChromeRenderedWhileTheSectionsCannotBeReadServesThatPageOnly() throws Exception {
		willThrow(new DataAccessResourceFailureException("database down")).given(this.listings).sections();

		Document down = errorPage(500);
		assertThat(down.select("h1").text()).isEqualTo("Something went wrong");
		assertThat(down.select("nav.sections-nav a")).isEmpty();
		assertThat(down.select("footer.site-footer a")).hasSize(4);

		willCallRealMethod().given(this.listings).sections();
		Document up = errorPage(500);
		assertFullChrome(up);

		// Rendered from a good read, the chrome is kept: the section links stay.
		willThrow(new DataAccessResourceFailureException("database down again")).given(this.listings).sections();
		assertThat(chrome(errorPage(500))).isEqualTo(chrome(up));
	}

	private static void assertFullChrome(Document page) {
		assertThat(page.select("nav.sections-nav[aria-label=Sections] a")).extracting((a) -> a.attr("href"))
			.isEqualTo(SECTION_LINKS);
		assertThat(page.select("link[rel=stylesheet]")).hasSizeGreaterThanOrEqualTo(2)
			.allSatisfy((css) -> assertThat(css.attr("href")).matches("/css/[a-z]+-[0-9a-f]{32}\\.css"));
		assertThat(page.select("head script[src]")).hasSize(6)
			.allSatisfy((script) -> assertThat(script.attr("src")).matches("/js/[a-z-]+-[0-9a-f]{32}\\.js"));
		assertThat(page.select("link[rel=icon]")).extracting((icon) -> icon.attr("href"))
			.allMatch((href) -> href.matches("/favicon-[0-9a-f]{32}\\.(svg|ico)"))
			.hasSize(2);
		assertThat(page.select("a.skip-link[href=#main]").text()).isEqualTo("Skip to main content");
		assertThat(page.select("#ticker-title").text()).isEqualTo("Off the wire");
		assertThat(page.select("button.ticker-toggle").attr("data-play-label")).isEqualTo("Play ticker");
		assertThat(page.select("form.site-search[role=search] input#site-search-q")).hasSize(1);
		assertThat(page.select("section.wire-alerts[aria-label=Wire alerts]")).hasSize(1);
		assertThat(page.select("nav.breadcrumb .breadcrumb-lead").text()).isEqualTo("You are here:");
		assertThat(page.select("footer.site-footer a")).extracting((a) -> a.attr("href"))
			.containsExactly("/feeds/rss.xml", "/feeds/atom.xml", "/corrections", "/search");
	}

	/**
	 * The markup of the page's chrome: the page without what it sets itself and the
	 * ticker.
	 */
	private static String chrome(Document page) {
		Document copy = page.clone();
		copy.select(
				"title, meta[name=description], link[rel=canonical], meta[property], script[type=application/ld+json], "
						+ "link[rel=alternate]:not([href^=/feeds/]), #ticker-list, nav.breadcrumb ol, main")
			.remove();
		return copy.html().replaceAll("\\s+", " ");
	}

	/** How often each part of the chrome template was rendered. */
	private Map<String, Long> chromeRenderings() {
		return Mockito.mockingDetails(this.templates)
			.getInvocations()
			.stream()
			.map(Invocation::getArguments)
			.filter((arguments) -> arguments.length > 1 && SiteChrome.TEMPLATE.equals(arguments[0]))
			.flatMap((arguments) -> ((Set<?>) arguments[1]).stream())
			.collect(Collectors.groupingBy(String::valueOf, Collectors.counting()));
	}

	private Document page(String path) throws Exception {
		return Jsoup.parse(
				this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	private Document errorPage(int status) throws Exception {
		return Jsoup.parse(this.mvc
			.perform(get("/error").accept(MediaType.TEXT_HTML)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/somewhere"))
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private ArticleSummary publish(String section, String headline) {
		return TestStories.story().section(section).headline(headline).publish(this.publishing);
	}

}
