package org.newswire.desk;

import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newswire.desk.DeskFixtures.asAdmin;
import static org.newswire.desk.DeskFixtures.story;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
	ArticleService articles;

	@Test
	void newStoryFormTakesItsLengthsFromFormLimits() throws Exception {
		assertMaxLengths(asAdmin(get("/desk/articles/new")),
				Map.of("slugline", FormLimits.SLUGLINE, "dateline", FormLimits.DATELINE, "byline", FormLimits.BYLINE,
						"headline", FormLimits.HEADLINE, "body", FormLimits.BODY, "ednote", FormLimits.NOTE));
	}

	@Test
	void writethruKillAndHoldFormsTakeTheirLengthsFromFormLimits() throws Exception {
		long id = story(this.articles, "Ferry timetable changes for winter").id();
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

	private void assertMaxLengths(MockHttpServletRequestBuilder request, Map<String, Integer> expected)
			throws Exception {
		Document page = Jsoup
			.parse(this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		expected.forEach((name, limit) -> assertThat(page.select("[name=" + name + "]").attr("maxlength")).as(name)
			.isEqualTo(String.valueOf(limit)));
	}

}
