package org.newswire.search;

import java.net.URI;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newswire.RenderedForm;
import org.newswire.TestStories;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.Urgency;
import org.newswire.article.WritethruKind;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Search as readers use it, against stories published through the article service. The
 * words searched for are invented, so stories other tests publish never match.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SearchTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Publishing publishing;

	/**
	 * A word in the headline outranks the same word in the body, however often the body
	 * repeats it.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					zanthorpe | Council reviews the harbour budget | Members discussed the Zanthorpe dredging contract at length on Monday evening. | Zanthorpe dredging contract signed | Members approved the harbour contract at length on Monday evening.
					brimholt ferry | Harbour board meets on Tuesday | The Brimholt ferry was late. The Brimholt ferry was full. The Brimholt ferry will be replaced. | Brimholt ferry fares to rise | Passengers will pay more from Monday, the operator said.
					""")
	void aHeadlineMatchRanksAboveABodyMatch(String query, String bodyHeadline, String body, String headline,
			String text) throws Exception {
		ArticleSummary inBody = publish(bodyHeadline, body);
		ArticleSummary inHeadline = publish(headline, text);

		String page = search(query);

		assertThat(count(page)).isEqualTo("2 stories match “" + query + "”.");
		assertThat(page).containsSubsequence("href=\"" + inHeadline.path() + "\"", "href=\"" + inBody.path() + "\"");
	}

	@Test
	void matchesAreHighlightedInTheHeadlineAndTheExcerpt() throws Exception {
		ArticleSummary story = publish("Quillmere ferry returns to service",
				"The Quillmere ferry sailed again on Friday. Passengers cheered on the quay.");

		String page = this.mvc.perform(searchBox("quillmere").request())
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, startsWith("public")))
			.andExpect(content().string(allOf(
					containsString("href=\"" + story.path() + "\"><mark>Quillmere</mark> ferry returns to service"),
					containsString("The <mark>Quillmere</mark> ferry sailed again on Friday."))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(count(page)).isEqualTo("One story matches “quillmere”.");
		assertThat(Jsoup.parse(page).getElementById("search-q").val()).isEqualTo("quillmere");
	}

	@Test
	void aWritethrusNewTextIsFoundAndItsOldTextIsGone() throws Exception {
		ArticleSummary story = publish("Storm nears the Brackenholt coast", "Winds rose over the Brackenholt cliffs.");
		assertThat(search("brackenholt")).contains("href=\"" + story.path() + "\"");

		ArticleSummary updated = TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Storm reaches the Vellinmoor coast")
			.paragraphs("Winds battered the Vellinmoor cliffs overnight.")
			.ednote("Eds: UPDATES")
			.byline(null)
			.editor("desk")
			.post(this.publishing, story);

		assertThat(search("vellinmoor")).contains("href=\"" + updated.path() + "\"")
			.contains("LD Writethru: Storm reaches the <mark>Vellinmoor</mark> coast");
		String gone = search("brackenholt");
		assertThat(count(gone)).isEqualTo("No stories match “brackenholt”.");
		assertThat(gone).doesNotContain(updated.path());
	}

	@Test
	void aKilledStoryIsGone() throws Exception {
		ArticleSummary story = publish("Rumour of Ostwindle gold strike", "Prospectors flocked to Ostwindle.");
		assertThat(count(search("ostwindle"))).isEqualTo("One story matches “ostwindle”.");

		this.publishing.kill(story.id(), "Withdrawn: the report was unfounded.", "desk");

		String gone = search("ostwindle");
		assertThat(count(gone)).isEqualTo("No stories match “ostwindle”.");
		assertThat(gone).doesNotContain(story.path());
	}

	@Test
	void resultsArePaged() throws Exception {
		for (int i = 1; i <= ArticleIndex.PAGE_SIZE + 2; i++) {
			publish("Tarrowby regatta heat " + i, "Boats raced in heat " + i + " at Tarrowby.");
		}

		String first = search("tarrowby");
		assertThat(count(first)).isEqualTo("12 stories match “tarrowby”.");
		assertThat(first).contains("Page 1 of 2", "page=2");
		String next = Jsoup.parse(first).select("a[rel=next]").attr("href");
		this.mvc.perform(get(URI.create(next)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Page 2 of 2"), containsString("page=1"))));
		// Hand-built: no page links past the last page of results.
		this.mvc.perform(get("/search").param("q", "tarrowby").param("page", "3"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There are no more results on this page.")));
	}

	@Test
	void anEmptyQueryShowsTheSearchForm() throws Exception {
		for (String empty : new String[] { "", "   " }) {
			this.mvc.perform(searchBox(empty).request())
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("role=\"search\""),
						containsString("<label for=\"search-q\""), containsString("Type one or more words"))));
		}
		this.mvc.perform(get("/search")).andExpect(status().isOk());
	}

	@Test
	void aHugeQueryOrABadPageIsABadRequest() throws Exception {
		// Hand-built: a query past the box's maxlength and pages no link points to.
		this.mvc.perform(get("/search").param("q", "word ".repeat(50)))
			.andExpect(status().isBadRequest())
			.andExpect(content()
				.string(allOf(containsString("at most 200 characters"), containsString("role=\"search\""))));
		this.mvc.perform(get("/search").param("q", "harbour").param("page", "x")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/search").param("q", "harbour").param("page", "0")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/search").param("q", "harbour").param("page", "51")).andExpect(status().isBadRequest());
	}

	/**
	 * The search page's box reads the limit; the layout's box on every page repeats it,
	 * as the layout belongs to the site module, which does not depend on search.
	 */
	@Test
	void searchBoxesStopTypingWhereTheQueryWouldBeRefused() throws Exception {
		Document page = Jsoup.parse(this.mvc.perform(searchBox("harbour").request())
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select("input[name=q]")).hasSize(2)
			.allSatisfy((box) -> assertThat(box.attr("maxlength"))
				.isEqualTo(String.valueOf(SearchController.MAX_QUERY_LENGTH)));
	}

	@Test
	void oddQueriesGetOrdinaryAnswers() throws Exception {
		publish("Glimmerdale choir sings \"Anthem\" at 50% volume", "The Glimmerdale choir sang in Zürich and 東京.");
		for (String odd : List.of("\"", "\"glimmerdale", "*", "AND", "OR NOT", "glimmerdale AND", "(((", ")", "-", "+",
				"~", "a~9", "\\", "/regex/", "[1 TO 5]", "{}", ":", "title:glimmerdale", "glimmer*", "50%", "東京",
				"zürich", "<script>alert(1)</script>", "&amp;", "'; drop table article; --")) {
			this.mvc.perform(searchBox(odd).request())
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("<script>alert"))));
		}
		// Hand-built: no one types a NUL into the search box.
		this.mvc.perform(get("/search").param("q", "\u0000"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<script>alert"))));
		assertThat(search("glimmer*")).contains("<mark>Glimmerdale</mark>");
		assertThat(search("東京")).contains("<mark>東京</mark>");
		assertThat(count(search("\"glimmerdale choir\""))).isEqualTo("One story matches “\"glimmerdale choir\"”.");
		assertThat(search("<script>alert(1)</script>")).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
	}

	/**
	 * The results page's main content, searched for as a reader types the query into the
	 * search page's box: the ticker around it links stories too.
	 */
	private String search(String query) throws Exception {
		String page = this.mvc.perform(searchBox(query).request())
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
	}

	/**
	 * The search page's own box with the query typed in.
	 */
	private RenderedForm searchBox(String query) throws Exception {
		String page = this.mvc.perform(get("/search"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return RenderedForm.select(page, "form.search-form").type("q", query);
	}

	/**
	 * How many stories match, and the query as the page repeats it.
	 */
	private static String count(String page) {
		return Jsoup.parse(page).select(".search-count").text();
	}

	private ArticleSummary publish(String headline, String paragraph) {
		return TestStories.story()
			.slugline("Search-Test")
			.byline(null)
			.urgency(Urgency.ROUTINE)
			.headline(headline)
			.paragraphs(paragraph)
			.editor("desk")
			.publish(this.publishing);
	}

}
