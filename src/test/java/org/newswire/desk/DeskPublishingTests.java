package org.newswire.desk;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.newswire.RenderedForm;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Listings;
import org.newswire.article.Publishing;
import org.newswire.article.Publishing.WritethruDraft;
import org.newswire.article.Stories;
import org.newswire.article.Urgency;
import org.newswire.article.VersionView;
import org.newswire.article.WritethruKind;
import org.newswire.audit.AuditLog;
import org.newswire.ticker.Headline;
import org.newswire.ticker.TickerService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.newswire.DeskFixtures.asAdmin;
import static org.newswire.DeskFixtures.asEditor;
import static org.newswire.DeskFixtures.story;
import static org.newswire.DeskFixtures.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Publishing through the desk forms: new stories, writethrus, corrections, ticker
 * headlines and kills, each previewed first and each audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeskPublishingTests {

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

	@Autowired
	ApplicationContext context;

	@Test
	void newStoryIsPreviewedThenPublishedAsWritethruOneWithItsTickerHeadline() throws Exception {
		String slugline = unique("Lighthouse-Keeper");
		String headline = "Lighthouse keeper retires after forty winters " + slugline;
		RenderedForm form = form(asEditor(get("/desk/articles/new"), "tam"), "/desk/articles/new")
			.choose("section", "science")
			.type("slugline", slugline)
			.choose("source", "HBR")
			.type("dateline", "GULL POINT, Nov. 26 (Harbour Press) --")
			.type("byline", "By Tam Reed")
			.choose("urgency", "3")
			.type("headline", headline)
			.type("body", "The keeper climbed the stairs one last time.\n\nHe plans to keep bees.")
			.press("preview");

		Document preview = send(asEditor(form.request(), "tam"));
		assertThat(preview.select("#preview-title").text()).isEqualTo("Preview");
		assertThat(preview.select(".preview-headline").text()).isEqualTo(headline);
		assertThat(preview.select(".preview-article > p:not([class])").eachText())
			.isEqualTo(List.of("The keeper climbed the stairs one last time.", "He plans to keep bees."));
		assertThat(this.listings.latestWithText(null, null, 100)).noneMatch((s) -> s.slugline().equals(slugline));

		this.mvc
			.perform(asEditor(RenderedForm.of(preview.outerHtml(), "/desk/articles/new").press("publish").request(),
					"tam"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/desk"));

		ArticleSummary published = this.listings.latestWithText("science", null, 100)
			.stream()
			.filter((s) -> s.slugline().equals(slugline))
			.findFirst()
			.orElseThrow();
		assertThat(published.current().sequence()).isEqualTo(1);
		assertThat(published.current().label()).isNull();
		assertThat(published.current().headline()).isEqualTo(headline);
		assertThat(published.current().paragraphs()).containsExactly("The keeper climbed the stairs one last time.",
				"He plans to keep bees.");
		assertThat(published.current().editor()).isEqualTo("tam");
		assertThat(published.source().code()).isEqualTo("HBR");
		assertThat(this.ticker.latest()).filteredOn((h) -> Long.valueOf(published.id()).equals(h.getArticleId()))
			.extracting(Headline::getText)
			.containsExactly(headline);
		assertThat(AuditLog.newest(this.context, 50)).anySatisfy((entry) -> {
			assertThat(entry.action()).isEqualTo("PUBLISHED");
			assertThat(entry.editor()).isEqualTo("tam");
			assertThat(entry.articleId()).isEqualTo(published.id());
		});
		assertThat(headlines(deskFilter("tam", (filter) -> filter.type("q", slugline)))).isEqualTo(List.of(headline));
	}

	@Test
	void everyKindOfWritethruOffersTheLabelItsVersionWouldGet() throws Exception {
		long id = story(this.publishing, "Tram line extension opens to the airport").id();
		this.publishing.postWritethru(id, 1,
				new WritethruDraft(WritethruKind.LD_WRITETHRU, "Tram line extension opens early",
						List.of("It opened a day early."), "Eds: UPDATES", null, null, Urgency.of(4)),
				"ada");

		Document form = RenderedForm.page(this.mvc, asEditor(get("/desk/articles/{id}/writethru", id), "ada"));

		assertThat(form.select("select[name=kind] option")).extracting((option) -> option.text())
			.containsExactly("LD Writethru → 2nd LD Writethru", "Writethru → Writethru", "Correction → Correction",
					"Adds → Adds");
		assertThat(form.select("select[name=kind] option")).extracting((option) -> option.attr("value"))
			.containsExactly("LD_WRITETHRU", "WRITETHRU", "CORRECTS", "ADDS");
	}

	@Test
	void writethruFormIsPrefilledShowsTheNextLabelAndPublishesIt() throws Exception {
		ArticleSummary story = story(this.publishing, "Ferry service resumes across the sound");
		long id = story.id();
		String action = "/desk/articles/" + id + "/writethru";

		RenderedForm form = form(asEditor(get(action), "ada"), action);
		assertThat(form.page().getElementById("headline").val()).isEqualTo("Ferry service resumes across the sound");
		assertThat(form.page().selectFirst("input[name=baseSequence]").val()).isEqualTo("1");
		assertThat(form.page().getElementById("body").val())
			.isEqualTo("The bridge over the harbour reopened on Thursday.\n\nTraffic was light in the morning.");

		form.choose("kind", "LD_WRITETHRU")
			.type("headline", "Ferry service resumes with extra sailings")
			.type("body", "Extra sailings were added.\n\nQueues formed early.")
			.type("ednote", "Eds: UPDATES with extra sailings")
			.type("byline", "By Ada Quill")
			.choose("urgency", "4")
			.press("preview");
		Document preview = send(asEditor(form.request(), "ada"));
		assertThat(preview.getElementById("next-label").text()).isEqualTo("LD Writethru");
		this.mvc.perform(asEditor(RenderedForm.of(preview.outerHtml(), action).press("publish").request(), "ada"))
			.andExpect(status().is3xxRedirection());

		VersionView current = this.stories.find(id).orElseThrow().current();
		assertThat(current.sequence()).isEqualTo(2);
		assertThat(current.labelledHeadline()).isEqualTo("LD Writethru: Ferry service resumes with extra sailings");
		assertThat(current.ednote()).isEqualTo("Eds: UPDATES with extra sailings");
		assertThat(this.stories.find(id).orElseThrow().byline()).isEqualTo("By Ada Quill");
		assertThat(this.ticker.latest()).filteredOn((h) -> Long.valueOf(id).equals(h.getArticleId()))
			.extracting(Headline::getText)
			.containsExactly("LD Writethru: Ferry service resumes with extra sailings");
		assertThat(AuditLog.newest(this.context, 50))
			.anyMatch((e) -> e.is("WRITETHRU") && Long.valueOf(id).equals(e.articleId()));
		Document page = readerPage(story.id());
		assertThat(page.select("h1").text()).isEqualTo("LD Writethru: Ferry service resumes with extra sailings");
		assertThat(paragraphs(page)).isEqualTo(List.of("Extra sailings were added.", "Queues formed early."));
	}

	@Test
	void correctionNeedsANoteAndKeepsItForReaders() throws Exception {
		long id = story(this.publishing, "Orchard harvest beats forecasts").id();
		String action = "/desk/articles/" + id + "/writethru";
		RenderedForm correction = form(asEditor(get(action), "ada"), action).choose("kind", "CORRECTS")
			.type("body", "The harvest was the largest in nine years.")
			.type("ednote", "Corrects number of years")
			.press("preview");

		Document refused = send(asEditor(correction.request(), "ada"));
		assertThat(refused.getElementById("correctionNote-error").text())
			.isEqualTo("A correction needs a note that tells readers what was wrong.");
		assertThat(refused.getElementById("correctionNote").attr("aria-describedby"))
			.isEqualTo("correctionNote-hint correctionNote-error");
		assertThat(refused.select(".error-summary a[href=#correctionNote]")).hasSize(1);
		assertThat(this.stories.versions(id)).hasSize(1);

		Document preview = send(asEditor(RenderedForm.of(refused.outerHtml(), action)
			.type("correctionNote", "An earlier version said seven years.")
			.press("preview")
			.request(), "ada"));
		this.mvc.perform(asEditor(RenderedForm.of(preview.outerHtml(), action).press("publish").request(), "ada"))
			.andExpect(status().is3xxRedirection());
		VersionView current = this.stories.find(id).orElseThrow().current();
		assertThat(current.kind()).isEqualTo(WritethruKind.CORRECTS);
		assertThat(current.label()).isEqualTo("Correction");
		assertThat(current.correctionNote()).isEqualTo("An earlier version said seven years.");
		assertThat(current.paragraphs()).containsExactly("The harvest was the largest in nine years.");
		assertThat(AuditLog.newest(this.context, 50))
			.anyMatch((e) -> e.is("CORRECTED") && Long.valueOf(id).equals(e.articleId()));
		Document page = readerPage(id);
		assertThat(page.select("h1").text()).isEqualTo("Correction: Orchard harvest beats forecasts");
		assertThat(page.select(".correction p").text()).isEqualTo("Correction: An earlier version said seven years.");
	}

	/**
	 * The reader article page, parsed.
	 */
	private Document readerPage(long id) throws Exception {
		String html = this.mvc.perform(get(this.stories.find(id).orElseThrow().path()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

	@Test
	void everyFieldHasALengthLimitAndAClearMessage() throws Exception {
		long id = story(this.publishing, "Library extends its opening hours").id();
		// Hand-built: no browser sends a headline past its maxlength, a line break in a
		// one-line field or an urgency the list does not offer.
		this.mvc
			.perform(asEditor(post("/desk/articles/{id}/writethru", id).param("baseSequence", "1")
				.param("kind", "ADDS")
				.param("headline", "x".repeat(FormLimits.HEADLINE + 1))
				.param("body", "")
				.param("ednote", "")
				.param("byline", "By\nTwo Lines")
				.param("urgency", "9")
				.param("action", "publish"), "ada"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Use at most 160 characters.")))
			.andExpect(content().string(containsString("Use one line of text")))
			.andExpect(content().string(containsString("Choose an urgency from 1 (Flash) to 8")))
			.andExpect(content().string(containsString("Say what changed in an editor")))
			.andExpect(content().string(containsString("id=\"body-error\"")));
		assertThat(this.stories.versions(id)).hasSize(1);

		// Hand-built: a section and an urgency the form does not offer.
		this.mvc
			.perform(asEditor(post("/desk/articles/new").param("section", "nowhere").param("urgency", "abc"), "ada"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose one of the sections.")))
			.andExpect(content().string(containsString("Choose an urgency from the list.")));
	}

	@Test
	void tickerHeadlinesArePostedAndWithdrawnWithAnAuditTrail() throws Exception {
		long id = story(this.publishing, "Tram line opens to the old docks").id();
		String text = "Flash: " + unique("Storm warning lifted for the coast");

		RenderedForm flash = form(asEditor(get("/desk/ticker"), "ada"), "/desk/ticker").type("text", text)
			.choose("urgency", "1");
		this.mvc.perform(asEditor(flash.request(), "ada")).andExpect(status().is3xxRedirection());
		Headline posted = this.ticker.latest()
			.stream()
			.filter((h) -> h.getText().equals(text))
			.findFirst()
			.orElseThrow();
		assertThat(posted.getUrgency()).isEqualTo(Urgency.FLASH);
		String withdraw = "/desk/ticker/" + posted.getId() + "/withdraw";
		Document standing = send(asEditor(get("/desk/ticker"), "ada"));
		assertThat(standing.selectFirst("form[action=" + withdraw + "]").closest("tr").child(0).text()).isEqualTo(text);
		assertThat(standing.select("select[name=urgency] option[value=8]").text()).isEqualTo("Weekend advance (8)");

		RenderedForm button = RenderedForm.of(standing.outerHtml(), withdraw);
		this.mvc.perform(asEditor(button.request(), "bo")).andExpect(status().is3xxRedirection());
		assertThat(this.ticker.latest()).noneMatch((h) -> h.getId().equals(posted.getId()));
		assertThat(AuditLog.newest(this.context, 100))
			.anyMatch(
					(e) -> e.is("HEADLINE_POSTED") && e.editor().equals("ada") && posted.getId().equals(e.headlineId()))
			.anyMatch((e) -> e.is("HEADLINE_WITHDRAWN") && e.editor().equals("bo")
					&& posted.getId().equals(e.headlineId()));

		// The same button again, from the page still open.
		this.mvc.perform(asEditor(button.request(), "bo")).andExpect(status().isNotFound());
		// Hand-built: text past the field's maxlength and an urgency the list does not
		// offer.
		this.mvc.perform(asEditor(
				post("/desk/ticker").param("text", "x".repeat(201)).param("urgency", "0").param("articleId", "999999"),
				"ada"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Use at most 200 characters.")))
			.andExpect(content().string(containsString("Choose an urgency")))
			.andExpect(content().string(containsString("There is no published story with this number.")));
		RenderedForm linked = form(asEditor(get("/desk/ticker"), "ada"), "/desk/ticker").type("text", "Tram line opens")
			.choose("urgency", "4")
			.type("articleId", String.valueOf(id));
		this.mvc.perform(asEditor(linked.request(), "ada")).andExpect(status().is3xxRedirection());
		assertThat(this.ticker.latest()).filteredOn((h) -> Long.valueOf(id).equals(h.getArticleId()))
			.extracting(Headline::getText)
			.containsExactly("Tram line opens");
	}

	@Test
	void killedStoryLeavesListingsAndTickerAndIsAudited() throws Exception {
		ArticleSummary story = story(this.publishing, "Museum closes east wing for repairs");
		long id = story.id();
		String writethru = "/desk/articles/" + id + "/writethru";
		String kill = "/desk/articles/" + id + "/kill";
		// Bo previews a writethru while Ada kills the story.
		Document unpublished = send(asEditor(form(asEditor(get(writethru), "bo"), writethru).choose("kind", "ADDS")
			.type("headline", "Museum east wing stays open")
			.type("body", "Text typed before the kill.")
			.type("ednote", "Eds: ADDS")
			.press("preview")
			.request(), "bo"));

		Document refused = send(asEditor(form(asEditor(get(kill), "ada"), kill).request(), "ada"));
		assertThat(refused.getElementById("notice-error").text()).isEqualTo("Fill in this field.");
		assertThat(this.stories.find(id)).isPresent();

		String notice = "Kill: the museum did not close its east wing. Do not use.";
		this.mvc.perform(asEditor(RenderedForm.of(refused.outerHtml(), kill).type("notice", notice).request(), "ada"))
			.andExpect(status().is3xxRedirection());

		assertThat(this.listings.latestWithText(null, null, 500)).noneMatch((s) -> s.id() == id);
		assertThat(this.ticker.latest()).noneMatch((h) -> Long.valueOf(id).equals(h.getArticleId()));
		assertThat(AuditLog.newest(this.context, 100))
			.anyMatch((e) -> e.is("KILLED") && Long.valueOf(id).equals(e.articleId()));
		assertThat(deskFilter("ada", (filter) -> filter.type("q", "Museum closes east wing")).select(".status-killed")
			.eachText()).isEqualTo(List.of("canceled"));
		Document gone = RenderedForm
			.page(this.mvc.perform(asEditor(get(writethru), "ada")).andExpect(status().isGone()));
		assertThat(gone.select(".kill-notice").text()).isEqualTo(notice);

		Document kept = RenderedForm.page(this.mvc
			.perform(asEditor(RenderedForm.of(unpublished.outerHtml(), writethru).press("publish").request(), "bo"))
			.andExpect(status().isConflict()));
		assertThat(kept.select("h1").text()).isEqualTo("This story was killed while you were editing");
		assertThat(kept.select(".kill-notice").text()).isEqualTo(notice);
		assertThat(kept.getElementById("kept-headline").val()).isEqualTo("Museum east wing stays open");
		assertThat(kept.getElementById("kept-body").val()).isEqualTo("Text typed before the kill.");
		assertThat(this.stories.versions(id)).hasSize(1);
		Document readers = RenderedForm.page(this.mvc.perform(get(story.path())).andExpect(status().isGone()));
		assertThat(readers.select(".kill-notice").text()).isEqualTo(notice);
	}

	@Test
	void unknownIdsAndBadParametersGetClearPagesNeverErrors() throws Exception {
		// Hand-built throughout: addresses and parameters no page links to or sends.
		this.mvc.perform(asEditor(get("/desk/articles/987654/writethru"), "ada"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Not found")));
		this.mvc.perform(asEditor(get("/desk/articles/abc/kill"), "ada")).andExpect(status().isBadRequest());
		this.mvc.perform(asEditor(get("/desk").param("before", "yesterday"), "ada")).andExpect(status().isBadRequest());
		this.mvc.perform(asEditor(get("/desk").param("section", "moon"), "ada")).andExpect(status().isBadRequest());
		this.mvc.perform(asEditor(get("/desk").param("q", "q".repeat(101)), "ada")).andExpect(status().isBadRequest());
		this.mvc.perform(asAdmin(get("/desk/audit").param("before", "-3"))).andExpect(status().isBadRequest());
		this.mvc.perform(asAdmin(get("/desk/editors/424242/password"))).andExpect(status().isNotFound());
		this.mvc
			.perform(asEditor(
					post("/desk/articles/{id}/writethru", 1).param("baseSequence", "two").param("action", "publish"),
					"ada"))
			.andExpect(status().is(not(500)));
	}

	@Test
	void deskListsNewestFirstWithKeysetPagesAndFilters() throws Exception {
		String tag = unique("Pager");
		for (int i = 1; i <= DeskHomeController.PAGE_SIZE + 2; i++) {
			story(this.publishing, tag + " story number " + i);
		}
		Document first = deskFilter("ada", (filter) -> filter.type("q", tag.toUpperCase()));
		List<String> newest = new ArrayList<>();
		for (int i = DeskHomeController.PAGE_SIZE + 2; i > 2; i--) {
			newest.add(tag + " story number " + i);
		}
		assertThat(headlines(first)).isEqualTo(newest);

		String older = first.select("a:contains(Older stories)").attr("href");
		Document next = RenderedForm
			.page(this.mvc.perform(asEditor(get(URI.create(older)), "ada")).andExpect(status().isOk()));
		assertThat(headlines(next)).isEqualTo(List.of(tag + " story number 2", tag + " story number 1"));

		Document sports = deskFilter("ada", (filter) -> filter.type("q", tag).choose("section", "sports"));
		assertThat(sports.select("main p").eachText()).contains("No stories match.");
		assertThat(headlines(sports)).isEmpty();
	}

	@Test
	void everyDeskResponseIsNeverStored() throws Exception {
		for (String path : List.of("/desk", "/desk/login", "/desk/ticker", "/desk/articles/987654/writethru")) {
			this.mvc.perform(asEditor(get(path), "ada"))
				.andExpect(header().string("Cache-Control", containsString("no-store")));
		}
		this.mvc.perform(get("/desk")).andExpect(header().string("Cache-Control", containsString("no-store")));
	}

	/**
	 * The desk's story list filtered as an editor fills in its filter form.
	 */
	private Document deskFilter(String editor, UnaryOperator<RenderedForm> fill) throws Exception {
		return send(asEditor(fill.apply(form(asEditor(get("/desk"), editor), "/desk")).request(), editor));
	}

	/**
	 * The headlines in the desk's story list, top to bottom.
	 */
	private static List<String> headlines(Document desk) {
		return desk.select("table.stories tbody tr > td:first-child").eachText();
	}

	/**
	 * The story's paragraphs as the reader page shows them, without dateline and end
	 * marker.
	 */
	private static List<String> paragraphs(Document page) {
		return page.select(".story-body > p").stream().map((paragraph) -> {
			Element text = paragraph.clone();
			text.select(".dateline, .end-marker").remove();
			return text.text();
		}).toList();
	}

	private RenderedForm form(MockHttpServletRequestBuilder request, String action) throws Exception {
		return RenderedForm.of(send(request).outerHtml(), action);
	}

	private Document send(MockHttpServletRequestBuilder request) throws Exception {
		return RenderedForm.page(this.mvc, request);
	}

}
