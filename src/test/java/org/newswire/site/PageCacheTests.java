package org.newswire.site;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newswire.Stories;
import org.newswire.article.ArticleService;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Urgency;
import org.newswire.article.WritethruKind;
import org.newswire.ticker.TickerService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class PageCacheTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ArticleService articles;

	@Autowired
	TickerService ticker;

	@Test
	void readerPagesArePubliclyCacheableWithValidatorsAndNoCookies() throws Exception {
		ArticleSummary story = publish("Valley railway adds a winter timetable");
		for (String path : List.of("/", "/sections/world", story.path())) {
			MockHttpServletResponse response = this.mvc.perform(get(path))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse();
			assertThat(response.getHeader("Cache-Control")).isEqualTo("public, max-age=30, stale-while-revalidate=60");
			assertThat(response.getHeader("ETag")).matches("\"[0-9a-z]+-\\d+\"");
			assertThat(response.getHeader("Last-Modified")).isNotBlank();
			assertThat(response.getHeader("Set-Cookie")).isNull();
			assertThat(response.getHeaders("Vary")).noneMatch((vary) -> vary.contains("Cookie"));
			assertThat(response.getHeader("Content-Security-Policy")).contains("script-src 'self'");
		}
	}

	@Test
	void conditionalRequestsAreAnsweredNotModifiedUntilTheContentChanges() throws Exception {
		ArticleSummary story = publish("Bridge inspection finds no faults");
		MockHttpServletResponse first = this.mvc.perform(get(story.path())).andReturn().getResponse();
		String etag = first.getHeader("ETag");

		this.mvc.perform(get(story.path()).header("If-None-Match", etag))
			.andExpect(status().isNotModified())
			.andExpect(header().string("ETag", etag))
			.andExpect(content().string(""));
		this.mvc.perform(get(story.path()).header("If-Modified-Since", first.getHeader("Last-Modified")))
			.andExpect(status().isNotModified());

		Stories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Bridge inspection finds no faults")
			.paragraphs("Inspectors finished on Friday.")
			.ednote("Eds: UPDATES")
			.byline(null)
			.urgency(Urgency.ROUTINE)
			.post(this.articles, story.id(), 1);
		this.mvc.perform(get(story.path()).header("If-None-Match", etag))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", not(etag)))
			.andExpect(content().string(containsString("Inspectors finished on Friday.")));
	}

	@Test
	void cachedPagesAreServedUntilTheTickerChanges() throws Exception {
		publish("Dock workers agree a new rota");
		String before = this.mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
		assertThat(this.mvc.perform(get("/")).andReturn().getResponse().getContentAsString()).isEqualTo(before);
		this.mvc.perform(head("/")).andExpect(status().isOk()).andExpect(content().string(""));

		this.ticker.post("Fog delays the morning ferries", Urgency.ROUTINE, null, "ada");

		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Fog delays the morning ferries")));
	}

	@Test
	@Transactional
	void aChangeIsSeenByPagesRenderedLaterInItsOwnTransaction() throws Exception {
		this.mvc.perform(get("/")).andExpect(status().isOk());
		publish("Night market returns to the quay");
		this.mvc.perform(get("/")).andExpect(content().string(containsString("Night market returns to the quay")));
	}

	@Test
	void unknownParametersAndErrorsAreNeitherCachedNorCacheable() throws Exception {
		this.mvc.perform(get("/").param("utm_source", "x"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("ETag"));
		this.mvc.perform(get("/sections/atlantis"))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(header().doesNotExist("ETag"));
	}

	private ArticleSummary publish(String headline) {
		return Stories.story()
			.slugline("Test")
			.urgency(Urgency.ROUTINE)
			.headline(headline)
			.paragraphs("The first paragraph.")
			.publish(this.articles);
	}

}
