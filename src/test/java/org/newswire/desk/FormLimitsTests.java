package org.newswire.desk;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.newswire.RenderedForm;
import org.newswire.article.Publishing;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newswire.DeskFixtures.asAdmin;
import static org.newswire.DeskFixtures.story;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every desk form lets the browser stop typing exactly where validation would refuse the
 * text: both read {@link FormLimits}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FormLimitsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Publishing publishing;

	@Test
	void newStoryFormTakesItsLengthsFromFormLimits() throws Exception {
		assertMaxLengths(asAdmin(get("/desk/articles/new")),
				Map.of("slugline", FormLimits.SLUGLINE, "dateline", FormLimits.DATELINE, "byline", FormLimits.BYLINE,
						"headline", FormLimits.HEADLINE, "body", FormLimits.BODY, "ednote", FormLimits.NOTE));
	}

	@Test
	void writethruKillAndHoldFormsTakeTheirLengthsFromFormLimits() throws Exception {
		long id = story(this.publishing, "Ferry timetable changes for winter").id();
		assertMaxLengths(asAdmin(get("/desk/articles/{id}/writethru", id)),
				Map.of("headline", FormLimits.HEADLINE, "byline", FormLimits.BYLINE, "body", FormLimits.BODY, "ednote",
						FormLimits.NOTE, "correctionNote", FormLimits.NOTE));
		assertMaxLengths(asAdmin(get("/desk/articles/{id}/kill", id)), Map.of("notice", FormLimits.KILL_NOTICE));
		assertMaxLengths(asAdmin(get("/desk/articles/{id}/hold", id)), Map.of("note", FormLimits.HOLD_NOTE));
	}

	@Test
	void tickerSearchAndAccountFormsTakeTheirLengthsFromFormLimits() throws Exception {
		assertMaxLengths(asAdmin(get("/desk/ticker")),
				Map.of("text", FormLimits.TICKER_TEXT, "articleId", FormLimits.ARTICLE_ID));
		assertMaxLengths(asAdmin(get("/desk")), Map.of("q", FormLimits.SEARCH));
		assertMaxLengths(asAdmin(get("/desk/editors/new")),
				Map.of("username", FormLimits.USERNAME, "password", FormLimits.PASSWORD));
		assertMaxLengths(get("/desk/login"), Map.of("username", FormLimits.USERNAME, "password", FormLimits.PASSWORD));
	}

	/**
	 * A browser counts a line break in a text area as one character against
	 * {@code maxlength} but sends it as two (CR LF): text typed up to the limit, line
	 * breaks and all, is taken.
	 */
	@Test
	void aTextAreaFilledToItsMaxlengthWithLineBreaksIsTaken() throws Exception {
		String paragraphs = "The tide turns at noon.\n\n".repeat(FormLimits.BODY / 30);
		String body = paragraphs + "x".repeat(FormLimits.BODY - paragraphs.length());
		RenderedForm form = RenderedForm.of(page(asAdmin(get("/desk/articles/new"))).outerHtml(), "/desk/articles/new")
			.choose("section", "world")
			.type("slugline", "Tide-Tables")
			.choose("source", "NWS")
			.type("dateline", "PORT ELLIS, Nov. 26 (Newswire) --")
			.type("headline", "Tide tables for the week")
			.type("body", body)
			.press("preview");

		Document preview = page(asAdmin(form.request()));

		assertThat(preview.select("#error-summary").text()).isEmpty();
		assertThat(preview.getElementById("body").val()).isEqualTo(body);
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return RenderedForm.page(this.mvc, request);
	}

	private void assertMaxLengths(MockHttpServletRequestBuilder request, Map<String, Integer> expected)
			throws Exception {
		Document page = page(request);
		expected.forEach((name, limit) -> assertThat(page.select("[name=" + name + "]").attr("maxlength")).as(name)
			.isEqualTo(String.valueOf(limit)));
	}

}
