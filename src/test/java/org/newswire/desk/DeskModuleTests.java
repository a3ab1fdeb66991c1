package org.newswire.desk;

import org.junit.jupiter.api.Test;
import org.newswire.RenderedForm;
import org.newswire.article.Publishing;
import org.newswire.ticker.Headline;
import org.newswire.ticker.TickerService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.newswire.DeskFixtures.asEditor;
import static org.newswire.DeskFixtures.story;
import static org.newswire.DeskFixtures.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The desk with the modules it drives (accounts for its security chain, the articles, the
 * ticker) and those they write to: a headline an editor posts through the ticker desk's
 * form, linked to a story, stands on the ticker and is announced with the editor's name;
 * withdrawn through the same page it leaves the ticker and is announced again.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = { "change", "pagecache" })
@AutoConfigureMockMvc
class DeskModuleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Publishing publishing;

	@Autowired
	TickerService ticker;

	@Test
	void aHeadlinePostedAndWithdrawnAtTheTickerDeskIsAnnouncedWithItsEditor(AssertablePublishedEvents events)
			throws Exception {
		long article = story(this.publishing, "Ferry timetable changes").id();
		String text = unique("Ferries run hourly from Monday");
		RenderedForm form = RenderedForm.on(this.mvc, asEditor(get("/desk/ticker"), "ada"), "/desk/ticker")
			.type("text", text)
			.choose("urgency", "3")
			.type("articleId", Long.toString(article));
		this.mvc.perform(asEditor(form.request(), "ada")).andExpect(status().is3xxRedirection());

		HeadlinePosted posted = events.ofType(HeadlinePosted.class)
			.matching(HeadlinePosted::text, text)
			.iterator()
			.next();
		assertThat(posted).extracting(HeadlinePosted::articleId, HeadlinePosted::editor)
			.containsExactly(article, "ada");
		assertThat(this.ticker.latest()).filteredOn((headline) -> headline.getId() == posted.headlineId())
			.extracting(Headline::getText, Headline::getArticleId)
			.containsExactly(tuple(text, article));

		String withdraw = "/desk/ticker/" + posted.headlineId() + "/withdraw";
		this.mvc
			.perform(asEditor(RenderedForm.on(this.mvc, asEditor(get("/desk/ticker"), "bo"), withdraw).request(), "bo"))
			.andExpect(status().is3xxRedirection());

		assertThat(events.ofType(HeadlineWithdrawn.class).matching(HeadlineWithdrawn::headlineId, posted.headlineId()))
			.extracting(HeadlineWithdrawn::text, HeadlineWithdrawn::editor)
			.containsExactly(tuple(text, "bo"));
		assertThat(this.ticker.latest()).noneMatch((headline) -> headline.getId() == posted.headlineId());
	}

}
