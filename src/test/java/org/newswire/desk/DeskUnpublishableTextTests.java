package org.newswire.desk;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.newswire.RenderedForm;
import org.newswire.article.Listings;
import org.newswire.article.Publishing;
import org.newswire.article.Stories;
import org.newswire.ticker.TickerService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newswire.DeskFixtures.asEditor;
import static org.newswire.DeskFixtures.story;
import static org.newswire.DeskFixtures.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Text that XML 1.0 cannot carry, and invisible or direction-changing text in one-line
 * fields, is refused at every desk form with a message at the field, nothing is
 * published, and the feeds and sitemaps keep answering well-formed XML.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeskUnpublishableTextTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Listings listings;

	@Autowired
	Publishing publishing;

	@Autowired
	Stories stories;

	@Autowired
	TickerService ticker;

	/**
	 * Text pasted from elsewhere: a browser sends it as it is.
	 */
	static Stream<Arguments> pastedIntoNewStory() {
		return Stream.of(Arguments.of("body", "Power returned\u0001 overnight.", "U+0001 (character 15)"),
				Arguments.of("headline", "Grid restored \uFFFF", "U+FFFF"),
				Arguments.of("headline", "\uFEFF", "only invisible characters"),
				Arguments.of("headline", "Grid \u202Edetsoper", "U+202E"),
				Arguments.of("headline", "Grid\trestored", "U+0009"), Arguments.of("byline", "By \uFFFEAda", "U+FFFE"),
				Arguments.of("byline", "\u200B\u200B", "only invisible characters"),
				Arguments.of("dateline", "PORT ELLIS \u2066--", "U+2066"),
				Arguments.of("slugline", "Grid\u001FRestored", "U+001F"),
				Arguments.of("ednote", "Eds: \u2069", "U+2069"));
	}

	/**
	 * Text no browser sends: a NUL, half a surrogate pair (sent as U+FFFD), a line break
	 * in a one-line field (dropped).
	 */
	static Stream<Arguments> craftedForNewStory() {
		return Stream.of(Arguments.of("body", "Nul\u0000 byte", "U+0000"),
				Arguments.of("body", "Half \uD800 pair", "broken"), Arguments.of("headline", "Two\nlines", "one line"));
	}

	@ParameterizedTest
	@MethodSource("pastedIntoNewStory")
	void aNewStoryWithUnpublishableTextIsRefusedAtTheField(String field, String value, String message)
			throws Exception {
		String slugline = unique("Grid-Restored");
		RenderedForm form = form(get("/desk/articles/new"), "/desk/articles/new").choose("section", "world")
			.type("slugline", slugline)
			.choose("source", "NWS")
			.type("dateline", "PORT ELLIS, Nov. 29 (Newswire) --")
			.type("byline", "By Ada Quill")
			.choose("urgency", "4")
			.type("headline", "Power restored across the harbour district")
			.type("body", "Power returned overnight.")
			.type(field, value)
			.press("preview");

		Document page = send(form.request());

		assertThat(page.select("#" + field + "-error").text()).contains(message);
		assertThat(this.listings.latestWithText(null, null, 100)).noneMatch((s) -> s.slugline().equals(slugline));
	}

	@ParameterizedTest
	@MethodSource("craftedForNewStory")
	void aCraftedNewStoryWithUnpublishableTextIsRefusedAtTheField(String field, String value, String message)
			throws Exception {
		String slugline = unique("Grid-Restored");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("section", "world");
		form.put("slugline", slugline);
		form.put("source", "NWS");
		form.put("dateline", "PORT ELLIS, Nov. 29 (Newswire) --");
		form.put("byline", "By Ada Quill");
		form.put("urgency", "4");
		form.put("headline", "Power restored across the harbour district");
		form.put("body", "Power returned overnight.");
		form.put("ednote", "");
		form.put(field, value);
		// Hand-built: the values are ones no browser sends.
		MockHttpServletRequestBuilder request = post("/desk/articles/new").param("action", "publish");
		form.forEach(request::param);

		Document page = send(request);

		assertThat(page.select("#" + field + "-error").text()).contains(message);
		assertThat(this.listings.latestWithText(null, null, 100)).noneMatch((s) -> s.slugline().equals(slugline));
	}

	@Test
	void aWritethruWithUnpublishableTextIsRefusedAtTheField() throws Exception {
		long id = story(this.publishing, "Ferry timetable changes for winter").id();
		String action = "/desk/articles/" + id + "/writethru";
		RenderedForm form = form(get(action), action).choose("kind", "CORRECTS")
			.type("body", "The first sailing\u0008 leaves at 6.")
			.type("ednote", "Eds: CORRECTS time")
			.type("correctionNote", "Corrects the time\u001B of the first sailing")
			.press("preview");

		Document page = send(form.request());

		assertThat(page.select("#body-error").text()).contains("U+0008");
		assertThat(page.select("#correctionNote-error").text()).contains("U+001B");
		assertThat(this.stories.find(id).orElseThrow().current().sequence()).isEqualTo(1);
		assertFeedsAreWellFormed();
	}

	@Test
	void aKillNoticeWithUnpublishableTextIsRefusedAtTheField() throws Exception {
		long id = story(this.publishing, "Museum reopens its north wing").id();
		String action = "/desk/articles/" + id + "/kill";

		Document page = send(form(get(action), action).type("notice", "Withdrawn \uFFFE.").request());

		assertThat(page.select("#notice-error").text()).contains("U+FFFE");
		assertThat(this.stories.find(id).orElseThrow().killed()).isFalse();
	}

	@Test
	void aTickerHeadlineWithUnpublishableTextIsRefusedAtTheField() throws Exception {
		String text = "Storm warning lifted \u202D" + unique("for the coast");

		Document page = send(
				form(get("/desk/ticker"), "/desk/ticker").type("text", text).choose("urgency", "3").request());

		assertThat(page.select("#text-error").text()).contains("U+202D");
		assertThat(this.ticker.latest()).noneMatch((headline) -> headline.getText().contains(text));
		assertFeedsAreWellFormed();
	}

	private RenderedForm form(MockHttpServletRequestBuilder request, String action) throws Exception {
		return RenderedForm.of(send(request).outerHtml(), action);
	}

	/**
	 * The page the request answers with, sent by ada.
	 */
	private Document send(MockHttpServletRequestBuilder request) throws Exception {
		return RenderedForm.page(this.mvc, asEditor(request, "ada"));
	}

	private void assertFeedsAreWellFormed() throws Exception {
		story(this.publishing, "Lighthouse keeps its light on");
		for (String path : new String[] { "/feeds/rss.xml", "/feeds/atom.xml", "/feeds/sections/world/rss.xml",
				"/sitemap.xml", "/sitemap-news.xml" }) {
			byte[] body = this.mvc.perform(get(path))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			assertThat(DocumentBuilderFactory.newInstance()
				.newDocumentBuilder()
				.parse(new ByteArrayInputStream(body))
				.getDocumentElement()).as(path).isNotNull();
		}
	}

}
