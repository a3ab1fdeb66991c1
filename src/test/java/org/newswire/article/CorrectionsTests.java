package org.newswire.article;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class CorrectionsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ArticleService articles;

	@Test
	void listsCorrectionsNewestFirstWithTheirStories() throws Exception {
		ArticleSummary ferry = publish("Ferry timetable changes for winter");
		ArticleSummary orchard = publish("Orchard harvest beats forecasts");
		correct(ferry, "Corrects first sailing to 6:40 a.m., not 6:15 a.m.");
		ArticleSummary orchardCorrected = correct(orchard, "Corrects tonnage to 1,200, not 12,000.");

		String page = this.mvc.perform(get("/corrections"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"" + orchardCorrected.path() + "\"")))
			.andExpect(content().string(containsString("Correction: Orchard harvest beats forecasts")))
			.andExpect(content().string(containsString("href=\"" + orchardCorrected.path() + "/versions/2\"")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).containsSubsequence("Corrects tonnage to 1,200, not 12,000.",
				"Corrects first sailing to 6:40 a.m., not 6:15 a.m.");
	}

	@Test
	void aKilledStoryLeavesTheCorrections() throws Exception {
		ArticleSummary story = publish("Lighthouse keeper retires");
		correct(story, "Corrects the years of service of the keeper to 41.");
		this.mvc.perform(get("/corrections")).andExpect(content().string(containsString("service of the keeper")));

		this.articles.kill(story.article().getId(), "Withdrawn: the keeper has not retired.", "desk");

		this.mvc.perform(get("/corrections"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("service of the keeper"))));
	}

	@Test
	void badPagesGetABadRequestPage() throws Exception {
		this.mvc.perform(get("/corrections").param("page", "zero"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Pages of corrections are numbered 1 to 40.")));
		this.mvc.perform(get("/corrections").param("page", "0")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/corrections").param("page", "41")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/corrections").param("page", "40")).andExpect(status().isOk());
	}

	private ArticleSummary publish(String headline) {
		return this.articles.publish(new NewArticle("business", "Slug", "NWS", "PORT ELLIS, Nov. 26 (Newswire) --",
				null, "en", 5, headline, List.of("First paragraph of the story."), null), "desk");
	}

	private ArticleSummary correct(ArticleSummary story, String note) {
		return this.articles
			.postWritethru(story.article().getId(), story.current().getSequence(),
					new WritethruDraft(WritethruKind.CORRECTS, story.current().getHeadline(),
							List.of("Corrected first paragraph of the story."), "Eds: CORRECTS", note, null, 5),
					"desk");
	}

}
