package org.newswire.desk;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.newswire.RenderedForm;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Listings;
import org.newswire.article.Publishing;
import org.newswire.article.Stories;
import org.newswire.article.VersionView;
import org.newswire.ticker.Headline;
import org.newswire.ticker.TickerService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newswire.DeskFixtures.asAdmin;
import static org.newswire.DeskFixtures.asEditor;
import static org.newswire.DeskFixtures.story;
import static org.newswire.DeskFixtures.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The desk forms filled in as they are rendered: what the editor types is what is stored
 * and shown, to the character. Every value here goes through the page's own controls, so
 * a template that renders a control twice (as one once did for every text field) or drops
 * one fails here. A field that arrives twice all the same is refused with the form again.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeskFormsTests {

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

	@Test
	void aNewStoryIsStoredAndShownExactlyAsTyped() throws Exception {
		String slugline = unique("Canal-Locks");
		String headline = "Canal locks reopen, “at last” — boats & barges queue at Écluse 3";
		RenderedForm form = form(asEditor(get("/desk/articles/new"), "tam"), "/desk/articles/new")
			.choose("section", "science")
			.type("slugline", slugline)
			.choose("source", "HBR")
			.type("dateline", "MILLBRIDGE, Nov. 26 (Harbour Press) --")
			.type("byline", "By Tam Reed, with Zoë Marsh")
			.choose("urgency", "3")
			.type("headline", headline)
			.type("body",
					"The lock keepers, who had waited since spring, opened the gates at dawn.\n\n"
							+ "A queue of 14 barges — grain, timber & gravel — formed by noon.")
			.type("ednote", "Eds: moves on the science wire, \"Canal\" pages")
			.press("preview");
		Document preview = send(asEditor(form.request(), "tam"));
		assertThat(preview.selectFirst(".preview-headline").text()).isEqualTo(headline);

		this.mvc
			.perform(asEditor(RenderedForm.of(preview.outerHtml(), "/desk/articles/new").press("publish").request(),
					"tam"))
			.andExpect(status().is3xxRedirection());

		ArticleSummary stored = this.listings.latestWithText("science", null, 50)
			.stream()
			.filter((story) -> story.slugline().equals(slugline))
			.findFirst()
			.orElseThrow();
		assertThat(stored.dateline()).isEqualTo("MILLBRIDGE, Nov. 26 (Harbour Press) --");
		assertThat(stored.byline()).isEqualTo("By Tam Reed, with Zoë Marsh");
		assertThat(stored.urgency().level()).isEqualTo(3);
		assertThat(stored.source().code()).isEqualTo("HBR");
		assertThat(stored.current().headline()).isEqualTo(headline);
		assertThat(stored.current().paragraphs())
			.isEqualTo(List.of("The lock keepers, who had waited since spring, opened the gates at dawn.",
					"A queue of 14 barges — grain, timber & gravel — formed by noon."));
		assertThat(stored.current().ednote()).isEqualTo("Eds: moves on the science wire, \"Canal\" pages");
		Document page = RenderedForm.page(this.mvc, get(stored.path()));
		assertThat(page.selectFirst("main h1").text()).isEqualTo(headline);
	}

	@Test
	void aCorrectionIsStoredAndShownExactlyAsTyped() throws Exception {
		long id = story(this.publishing, "Bridge toll rises to four crowns").id();
		String headline = "Bridge toll rises to 4.50 crowns, not four";
		String note = "Corrects the new toll: 4.50 crowns, not 4 — as the council said on Tuesday.";
		RenderedForm form = form(asEditor(get("/desk/articles/{id}/writethru", id), "ada"),
				"/desk/articles/" + id + "/writethru")
			.choose("kind", "CORRECTS")
			.type("headline", headline)
			.type("ednote", "Eds: CORRECTS toll in headline, 1st graf")
			.type("correctionNote", note)
			.press("preview");
		Document preview = send(asEditor(form.request(), "ada"));
		this.mvc.perform(asEditor(
				RenderedForm.of(preview.outerHtml(), "/desk/articles/" + id + "/writethru").press("publish").request(),
				"ada"))
			.andExpect(status().is3xxRedirection());

		VersionView current = this.stories.find(id).orElseThrow().current();
		assertThat(current.sequence()).isEqualTo(2);
		assertThat(current.headline()).isEqualTo(headline);
		assertThat(current.ednote()).isEqualTo("Eds: CORRECTS toll in headline, 1st graf");
		assertThat(current.correctionNote()).isEqualTo(note);
		assertThat(current.editor()).isEqualTo("ada");
	}

	@Test
	void aTickerHeadlineIsStoredExactlyAsTyped() throws Exception {
		String text = "Storm warning lifted for the coast, “calm” by evening — " + unique("met office");
		RenderedForm form = form(asEditor(get("/desk/ticker"), "ada"), "/desk/ticker").type("text", text)
			.choose("urgency", "2");
		this.mvc.perform(asEditor(form.request(), "ada")).andExpect(status().is3xxRedirection());

		Headline posted = this.ticker.latest()
			.stream()
			.filter((headline) -> headline.getText().startsWith("Storm warning lifted"))
			.findFirst()
			.orElseThrow();
		assertThat(posted.getText()).isEqualTo(text);
		assertThat(posted.getUrgency().level()).isEqualTo(2);
	}

	@Test
	void aNewEditorIsCreatedWithTheNameAndPasswordTyped() throws Exception {
		String username = unique("reporter7").replace('-', '.');
		RenderedForm form = form(asAdmin(get("/desk/editors/new")), "/desk/editors/new").type("username", username)
			.type("password", "lantern, harbour & tide 7");
		this.mvc.perform(asAdmin(form.request())).andExpect(status().is3xxRedirection());

		Document editors = send(asAdmin(get("/desk/editors")));
		assertThat(editors.select("td:containsOwn(" + username + ")").size()).isEqualTo(1);
	}

	/**
	 * A second copy of a field, as a broken page or a crafted request sends it: the
	 * editor gets the form back with the first copy in the field and the other quoted,
	 * and the story does not move.
	 */
	@Test
	void aFieldSentTwiceIsRefusedWithTheFormAndItsTextKept() throws Exception {
		long id = story(this.publishing, "Night buses run until two").id();
		RenderedForm form = form(asEditor(get("/desk/articles/{id}/writethru", id), "ada"),
				"/desk/articles/" + id + "/writethru")
			.type("headline", "Night buses run until three")
			.type("ednote", "Eds: UPDATES with later buses")
			.press("preview");
		Document preview = send(asEditor(form.request(), "ada"));
		MockHttpServletRequestBuilder publish = RenderedForm
			.of(preview.outerHtml(), "/desk/articles/" + id + "/writethru")
			.press("publish")
			.request()
			.param("headline", "Night buses run until four");

		Document refused = send(asEditor(publish, "ada"));

		assertThat(refused.getElementById("headline").val()).isEqualTo("Night buses run until three");
		assertThat(refused.getElementById("headline-error").text())
			.isEqualTo("This field arrived 2 times instead of once, so nothing was saved. It shows the first copy; "
					+ "the other said “Night buses run until four”. Check the text and send the form again.");
		assertThat(refused.getElementById("ednote").val()).isEqualTo("Eds: UPDATES with later buses");
		assertThat(this.stories.find(id).orElseThrow().current().sequence()).isEqualTo(1);
	}

	@Test
	void anEmptySecondCopyIsRefusedToo() throws Exception {
		RenderedForm form = form(asEditor(get("/desk/ticker"), "ada"), "/desk/ticker").type("text",
				"Harbour fog delays the morning ferries");
		int before = this.ticker.latest().size();

		Document refused = send(asEditor(form.request().param("text", ""), "ada"));

		assertThat(refused.getElementById("text").val()).isEqualTo("Harbour fog delays the morning ferries");
		assertThat(refused.getElementById("text-error").text())
			.isEqualTo("This field arrived 2 times instead of once, so nothing was saved. "
					+ "Check the text and send the form again.");
		assertThat(this.ticker.latest().size()).isEqualTo(before);
	}

	private RenderedForm form(MockHttpServletRequestBuilder request, String action) throws Exception {
		return RenderedForm.of(send(request).outerHtml(), action);
	}

	private Document send(MockHttpServletRequestBuilder request) throws Exception {
		return RenderedForm.page(this.mvc, request);
	}

}
