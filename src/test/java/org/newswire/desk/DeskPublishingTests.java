package org.newswire.desk;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleService;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Urgency;
import org.newswire.article.VersionView;
import org.newswire.article.WritethruDraft;
import org.newswire.article.WritethruKind;
import org.newswire.ticker.Headline;
import org.newswire.ticker.TickerService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.newswire.desk.DeskFixtures.asAdmin;
import static org.newswire.desk.DeskFixtures.asEditor;
import static org.newswire.desk.DeskFixtures.story;
import static org.newswire.desk.DeskFixtures.unique;
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
	ArticleService articles;

	@Autowired
	TickerService ticker;

	@Autowired
	AuditTrail audit;

	@Test
	void newStoryIsPreviewedThenPublishedAsWritethruOneWithItsTickerHeadline() throws Exception {
		String slugline = unique("Lighthouse-Keeper");
		String headline = "Lighthouse keeper retires after forty winters " + slugline;
		Function<String, MockHttpServletRequestBuilder> form = (action) -> post("/desk/articles/new")
			.param("action", action)
			.param("section", "science")
			.param("slugline", slugline)
			.param("source", "HBR")
			.param("dateline", "GULL POINT, Nov. 26 (Harbour Press) --")
			.param("byline", "By Tam Reed")
			.param("urgency", "3")
			.param("headline", headline)
			.param("body", "The keeper climbed the stairs one last time.\n\nHe plans to keep bees.")
			.param("ednote", "");

		this.mvc.perform(asEditor(form.apply("preview"), "tam"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Preview")))
			.andExpect(content().string(containsString("He plans to keep bees.")))
			.andExpect(content().string(containsString("value=\"publish\"")));
		assertThat(this.articles.latest(null, null, 100)).noneMatch((s) -> s.slugline().equals(slugline));

		this.mvc.perform(asEditor(form.apply("publish"), "tam"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/desk"));

		ArticleSummary published = this.articles.latest("science", null, 100)
			.stream()
			.filter((s) -> s.slugline().equals(slugline))
			.findFirst()
			.orElseThrow();
		assertThat(published.current().sequence()).isEqualTo(1);
		assertThat(published.current().label()).isNull();
		assertThat(published.current().paragraphs()).containsExactly("The keeper climbed the stairs one last time.",
				"He plans to keep bees.");
		assertThat(published.current().editor()).isEqualTo("tam");
		assertThat(published.source().code()).isEqualTo("HBR");
		assertThat(this.ticker.latest()).filteredOn((h) -> Long.valueOf(published.id()).equals(h.getArticleId()))
			.extracting(Headline::getText)
			.containsExactly(headline);
		assertThat(this.audit.page(null, 50)).anySatisfy((entry) -> {
			assertThat(entry.getAction()).isEqualTo(AuditAction.PUBLISHED);
			assertThat(entry.getEditor()).isEqualTo("tam");
			assertThat(entry.getArticleId()).isEqualTo(published.id());
		});
		this.mvc.perform(asEditor(get("/desk").param("q", slugline), "tam"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(headline)));
	}

	@Test
	void everyKindOfWritethruOffersTheLabelItsVersionWouldGet() throws Exception {
		long id = story(this.articles, "Tram line extension opens to the airport").id();
		this.articles.postWritethru(id, 1,
				new WritethruDraft(WritethruKind.LD_WRITETHRU, "Tram line extension opens early",
						List.of("It opened a day early."), "Eds: UPDATES", null, null, Urgency.of(4)),
				"ada");

		Document form = Jsoup.parse(this.mvc.perform(asEditor(get("/desk/articles/{id}/writethru", id), "ada"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());

		assertThat(form.select("select[name=kind] option")).extracting((option) -> option.text())
			.containsExactly("LD Writethru → 2nd LD Writethru", "Writethru → Writethru", "Correction → Correction",
					"Adds → Adds");
		assertThat(form.select("select[name=kind] option")).extracting((option) -> option.attr("value"))
			.containsExactly("LD_WRITETHRU", "WRITETHRU", "CORRECTS", "ADDS");
	}

	@Test
	void writethruFormIsPrefilledShowsTheNextLabelAndPublishesIt() throws Exception {
		ArticleSummary story = story(this.articles, "Ferry service resumes across the sound");
		long id = story.id();

		this.mvc.perform(asEditor(get("/desk/articles/{id}/writethru", id), "ada"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"Ferry service resumes across the sound\"")))
			.andExpect(content().string(containsString("name=\"baseSequence\" value=\"1\"")))
			.andExpect(content().string(containsString("The bridge over the harbour reopened on Thursday.")));

		Function<String, MockHttpServletRequestBuilder> writethru = (
				action) -> post("/desk/articles/{id}/writethru", id).param("action", action)
					.param("baseSequence", "1")
					.param("kind", "LD_WRITETHRU")
					.param("headline", "Ferry service resumes with extra sailings")
					.param("body", "Extra sailings were added.\n\nQueues formed early.")
					.param("ednote", "Eds: UPDATES with extra sailings")
					.param("byline", "By Ada Quill")
					.param("urgency", "4");
		this.mvc.perform(asEditor(writethru.apply("preview"), "ada"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"next-label\">LD Writethru</strong>")));
		this.mvc.perform(asEditor(writethru.apply("publish"), "ada")).andExpect(status().is3xxRedirection());

		VersionView current = this.articles.find(id).orElseThrow().current();
		assertThat(current.sequence()).isEqualTo(2);
		assertThat(current.labelledHeadline()).isEqualTo("LD Writethru: Ferry service resumes with extra sailings");
		assertThat(current.ednote()).isEqualTo("Eds: UPDATES with extra sailings");
		assertThat(this.ticker.latest()).filteredOn((h) -> Long.valueOf(id).equals(h.getArticleId()))
			.extracting(Headline::getText)
			.containsExactly("LD Writethru: Ferry service resumes with extra sailings");
		assertThat(this.audit.page(null, 50))
			.anyMatch((e) -> e.getAction() == AuditAction.WRITETHRU && Long.valueOf(id).equals(e.getArticleId()));
		Document page = readerPage(story.id());
		assertThat(page.select("h1").text()).contains("LD Writethru: Ferry service resumes with extra sailings");
		assertThat(page.text()).contains("Queues formed early.");
	}

	@Test
	void correctionNeedsANoteAndKeepsItForReaders() throws Exception {
		long id = story(this.articles, "Orchard harvest beats forecasts").id();
		var correction = post("/desk/articles/{id}/writethru", id).param("baseSequence", "1")
			.param("kind", "CORRECTS")
			.param("headline", "Orchard harvest beats forecasts")
			.param("body", "The harvest was the largest in nine years.")
			.param("ednote", "Corrects number of years")
			.param("urgency", "4")
			.param("action", "publish");

		this.mvc.perform(asEditor(correction, "ada"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A correction needs a note")))
			.andExpect(
					content().string(containsString("aria-describedby=\"correctionNote-hint correctionNote-error\"")))
			.andExpect(content().string(containsString("href=\"#correctionNote\"")));
		assertThat(this.articles.versions(id)).hasSize(1);

		this.mvc.perform(asEditor(correction.param("correctionNote", "An earlier version said seven years."), "ada"))
			.andExpect(status().is3xxRedirection());
		VersionView current = this.articles.find(id).orElseThrow().current();
		assertThat(current.kind()).isEqualTo(WritethruKind.CORRECTS);
		assertThat(current.label()).isEqualTo("Correction");
		assertThat(current.correctionNote()).isEqualTo("An earlier version said seven years.");
		assertThat(this.audit.page(null, 50))
			.anyMatch((e) -> e.getAction() == AuditAction.CORRECTED && Long.valueOf(id).equals(e.getArticleId()));
		Document page = readerPage(id);
		assertThat(page.select("h1").text()).contains("Correction: Orchard harvest beats forecasts");
		assertThat(page.text()).contains("An earlier version said seven years.");
	}

	/**
	 * The reader article page, parsed.
	 */
	private Document readerPage(long id) throws Exception {
		String html = this.mvc.perform(get(this.articles.find(id).orElseThrow().path()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

	@Test
	void everyFieldHasALengthLimitAndAClearMessage() throws Exception {
		long id = story(this.articles, "Library extends its opening hours").id();
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
		assertThat(this.articles.versions(id)).hasSize(1);

		this.mvc
			.perform(asEditor(post("/desk/articles/new").param("section", "nowhere").param("urgency", "abc"), "ada"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose one of the sections.")))
			.andExpect(content().string(containsString("Choose an urgency from the list.")));
	}

	@Test
	void tickerHeadlinesArePostedAndWithdrawnWithAnAuditTrail() throws Exception {
		long id = story(this.articles, "Tram line opens to the old docks").id();
		String text = "Flash: " + unique("Storm warning lifted for the coast");

		this.mvc.perform(asEditor(post("/desk/ticker").param("text", text).param("urgency", "1"), "ada"))
			.andExpect(status().is3xxRedirection());
		Headline posted = this.ticker.latest()
			.stream()
			.filter((h) -> h.getText().equals(text))
			.findFirst()
			.orElseThrow();
		assertThat(posted.getUrgency()).isEqualTo(Urgency.FLASH);
		this.mvc.perform(asEditor(get("/desk/ticker"), "ada"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(text)))
			.andExpect(content().string(containsString("Weekend advance")));

		this.mvc.perform(asEditor(post("/desk/ticker/{id}/withdraw", posted.getId()), "bo"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.ticker.latest()).noneMatch((h) -> h.getId().equals(posted.getId()));
		assertThat(this.audit.page(null, 100))
			.anyMatch((e) -> e.getAction() == AuditAction.HEADLINE_POSTED && e.getEditor().equals("ada")
					&& posted.getId().equals(e.getHeadlineId()))
			.anyMatch((e) -> e.getAction() == AuditAction.HEADLINE_WITHDRAWN && e.getEditor().equals("bo")
					&& posted.getId().equals(e.getHeadlineId()));

		this.mvc.perform(asEditor(post("/desk/ticker/{id}/withdraw", posted.getId()), "bo"))
			.andExpect(status().isNotFound());
		this.mvc.perform(asEditor(
				post("/desk/ticker").param("text", "x".repeat(201)).param("urgency", "0").param("articleId", "999999"),
				"ada"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Use at most 200 characters.")))
			.andExpect(content().string(containsString("Choose an urgency")))
			.andExpect(content().string(containsString("There is no published story with this number.")));
		this.mvc
			.perform(asEditor(post("/desk/ticker").param("text", "Tram line opens")
				.param("urgency", "4")
				.param("articleId", String.valueOf(id)), "ada"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.ticker.latest()).filteredOn((h) -> Long.valueOf(id).equals(h.getArticleId()))
			.extracting(Headline::getText)
			.containsExactly("Tram line opens");
	}

	@Test
	void killedStoryLeavesListingsAndTickerAndIsAudited() throws Exception {
		ArticleSummary story = story(this.articles, "Museum closes east wing for repairs");
		long id = story.id();
		this.mvc.perform(asEditor(get("/desk/articles/{id}/kill", id), "ada")).andExpect(status().isOk());
		this.mvc.perform(asEditor(post("/desk/articles/{id}/kill", id).param("notice", ""), "ada"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Fill in this field.")));

		this.mvc
			.perform(asEditor(post("/desk/articles/{id}/kill", id).param("notice",
					"Kill: the museum did not close its east wing. Do not use."), "ada"))
			.andExpect(status().is3xxRedirection());

		assertThat(this.articles.latest(null, null, 500)).noneMatch((s) -> s.id() == id);
		assertThat(this.ticker.latest()).noneMatch((h) -> Long.valueOf(id).equals(h.getArticleId()));
		assertThat(this.audit.page(null, 100))
			.anyMatch((e) -> e.getAction() == AuditAction.KILLED && Long.valueOf(id).equals(e.getArticleId()));
		this.mvc.perform(asEditor(get("/desk").param("q", "Museum closes east wing"), "ada"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("canceled")));
		this.mvc.perform(asEditor(get("/desk/articles/{id}/writethru", id), "ada"))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("did not close its east wing")));
		this.mvc
			.perform(asEditor(post("/desk/articles/{id}/writethru", id).param("action", "publish")
				.param("baseSequence", "1")
				.param("kind", "ADDS")
				.param("headline", "Museum east wing stays open")
				.param("body", "Text typed before the kill.")
				.param("ednote", "Eds: ADDS")
				.param("urgency", "4"), "bo"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("killed while you were editing")))
			.andExpect(content().string(containsString("Text typed before the kill.")));
		this.mvc.perform(get(story.path()))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("did not close its east wing")));
	}

	@Test
	void unknownIdsAndBadParametersGetClearPagesNeverErrors() throws Exception {
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
			story(this.articles, tag + " story number " + i);
		}
		String first = this.mvc.perform(asEditor(get("/desk").param("q", tag.toUpperCase()), "ada"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("story number 27")))
			.andExpect(content().string(not(containsString("story number 2<"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String older = Jsoup.parse(first).select("a:contains(Older stories)").attr("href");
		String next = UriComponentsBuilder.fromUriString(older).build().getQueryParams().getFirst("before");
		next = URLDecoder.decode(next, StandardCharsets.UTF_8);
		this.mvc.perform(asEditor(get("/desk").param("q", tag).param("before", next), "ada"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("story number 2<")))
			.andExpect(content().string(containsString("story number 1<")))
			.andExpect(content().string(not(containsString("story number 3<"))));
		this.mvc.perform(asEditor(get("/desk").param("q", tag).param("section", "sports"), "ada"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No stories match.")));
	}

	@Test
	void everyDeskResponseIsNeverStored() throws Exception {
		for (String path : List.of("/desk", "/desk/login", "/desk/ticker", "/desk/articles/987654/writethru")) {
			this.mvc.perform(asEditor(get(path), "ada"))
				.andExpect(header().string("Cache-Control", containsString("no-store")));
		}
		this.mvc.perform(get("/desk")).andExpect(header().string("Cache-Control", containsString("no-store")));
	}

}
