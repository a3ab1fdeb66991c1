package org.newswire.article;

import org.junit.jupiter.api.Test;
import org.newswire.TestStories;

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
	Publishing publishing;

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

		this.publishing.kill(story.id(), "Withdrawn: the keeper has not retired.", "desk");

		this.mvc.perform(get("/corrections"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("service of the keeper"))));
	}

	@Test
	void badPagesGetABadRequestPage() throws Exception {
		// Hand-built: page numbers typed into the address, not followed from a link.
		this.mvc.perform(get("/corrections").param("page", "zero"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Pages of corrections are numbered 1 to 40.")));
		this.mvc.perform(get("/corrections").param("page", "0")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/corrections").param("page", "41")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/corrections").param("page", "40")).andExpect(status().isOk());
	}

	private ArticleSummary publish(String headline) {
		return TestStories.story()
			.section("business")
			.slugline("Slug")
			.byline(null)
			.urgency(Urgency.DAILY)
			.headline(headline)
			.paragraphs("First paragraph of the story.")
			.editor("desk")
			.publish(this.publishing);
	}

	private ArticleSummary correct(ArticleSummary story, String note) {
		return TestStories.writethru(WritethruKind.CORRECTS)
			.headline(story.current().headline())
			.paragraphs("Corrected first paragraph of the story.")
			.ednote("Eds: CORRECTS")
			.correctionNote(note)
			.byline(null)
			.urgency(Urgency.DAILY)
			.editor("desk")
			.post(this.publishing, story);
	}

}
