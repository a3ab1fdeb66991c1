package org.newswire.desk;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.newswire.PortalDates;
import org.newswire.RenderedForm;
import org.newswire.SettableClock;
import org.newswire.TestStories;
import org.newswire.article.ArticleSummary;
import org.newswire.article.PubStatus;
import org.newswire.article.Publishing;
import org.newswire.article.Stories;
import org.newswire.article.Urgency;
import org.newswire.article.WritethruKind;
import org.newswire.audit.AuditLog;
import org.newswire.pagecache.PageCache;
import org.newswire.ticker.TickerLine;
import org.newswire.ticker.TickerService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.newswire.DeskFixtures.asAdmin;
import static org.newswire.DeskFixtures.asEditor;
import static org.newswire.DeskFixtures.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Holding a story from the desk while facts are checked: its page keeps the URL and
 * headline but shows the note instead of the text, on the article page, its history,
 * lists, ticker and search alike, until it is released or killed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeskHoldTests {

	private static final String NOTICE = "This story is on hold while facts are checked:";

	private static final String NOTE = "The casualty figures are being checked with the harbour police.";

	@Autowired
	MockMvc mvc;

	@Autowired
	Publishing publishing;

	@Autowired
	Stories stories;

	@Autowired
	TickerService ticker;

	@Autowired
	ApplicationContext context;

	@Autowired
	SettableClock clock;

	@Autowired
	PortalDates dates;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PageCache cache;

	@Test
	void aHeldStoryShowsTheNoticeInsteadOfItsTextEverywhereUntilItIsReleased() throws Exception {
		String word = unique("quellmarsh").replace("-", "");
		String first = "Eleven people were hurt when the " + word + " ferry struck the wall.";
		ArticleSummary story = TestStories.writethru(WritethruKind.ADDS)
			.headline("Ferry collides with the harbour wall")
			.paragraphs(first, "Two were taken to hospital.")
			.post(this.publishing, story("Ferry collides with the harbour wall", first));
		String path = story.path();
		String text = "ferry struck the wall";
		this.mvc.perform(get(path)).andExpect(content().string(containsString(text)));
		this.mvc.perform(get(path + "/versions/1")).andExpect(content().string(containsString(text)));
		assertThat(tickerHas(story)).isTrue();
		assertThat(search(word)).contains(text);

		RenderedForm hold = holdForm(story);
		assertThat(hold.page().select("form[action=/desk/articles/" + story.id() + "/hold] button").text())
			.isEqualTo("Put this story on hold");
		// The next whole second: after the publication, so the story leads the lists.
		Instant heldAt = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
		at(heldAt, asEditor(hold.type("note", NOTE).request(), "ada")).andExpect(redirectedUrl("/desk"));

		Document page = page(path);
		assertThat(page.select("h1").text()).isEqualTo("Adds: Ferry collides with the harbour wall");
		assertThat(page.select(".hold-notice p").eachText())
			.isEqualTo(List.of(NOTICE + " " + NOTE, "On hold since " + this.dates.dateTime(heldAt)));
		assertThat(page.select(".hold-notice time").attr("datetime")).isEqualTo(this.dates.iso(heldAt));
		assertThat(page.html()).doesNotContain(text, "Eds: UPDATES");
		for (String history : new String[] { path + "/versions", path + "/versions/1",
				path + "/compare?from=1&to=2" }) {
			Document notice = page(history);
			assertThat(notice.select(".hold-notice p").first().text()).as(history).isEqualTo(NOTICE + " " + NOTE);
			assertThat(notice.html()).as(history).doesNotContain(text);
		}
		assertThat(tickerHas(story)).isFalse();
		assertThat(page("/").select("#ticker-list").text()).doesNotContain("Ferry collides with the harbour wall");
		Document home = page("/");
		assertThat(home.select(".story-list").text()).contains("Ferry collides with the harbour wall",
				"On hold while facts are checked.");
		assertThat(home.html()).doesNotContain(text);
		assertThat(search(word)).contains("No stories match");
		assertThat(search("ferry collides harbour wall")).contains(path).doesNotContain(text);

		Document desk = desk(story);
		Element row = desk.selectFirst("table.stories tbody tr");
		assertThat(row.select(".status-held").text()).isEqualTo("withheld");
		assertThat(row.select(".hold-since").text())
			.isEqualTo("On hold since " + this.dates.stamp(heldAt) + " \u2014 " + NOTE);
		assertThat(row.select("form[action=/desk/articles/" + story.id() + "/release] button").text())
			.isEqualTo("Release");
		assertThat(row.select("a[href=/desk/articles/" + story.id() + "/kill]")).hasSize(1);

		this.mvc.perform(asEditor(releaseButton(desk, story).request(), "bo")).andExpect(redirectedUrl("/desk"));

		assertThat(page(path).select(".story-body").text()).contains(text);
		assertThat(page(path).select(".hold-notice")).isEmpty();
		this.mvc.perform(get(path + "/versions/1")).andExpect(content().string(containsString(text)));
		assertThat(tickerHas(story)).isTrue();
		assertThat(search(word)).contains(text);
		assertThat(AuditLog.newest(this.context, 100)).filteredOn((e) -> Long.valueOf(story.id()).equals(e.articleId()))
			.anySatisfy((e) -> {
				assertThat(e.action()).isEqualTo("HELD");
				assertThat(e.editor()).isEqualTo("ada");
				assertThat(e.details()).isEqualTo(NOTE);
			})
			.anySatisfy((e) -> {
				assertThat(e.action()).isEqualTo("RELEASED");
				assertThat(e.editor()).isEqualTo("bo");
			});
		this.mvc.perform(asAdmin(get("/desk/audit")))
			.andExpect(content().string(containsString("Put a story on hold")))
			.andExpect(content().string(containsString("Released a story from hold")));
	}

	@Test
	void theStoredPageIsDroppedOnHoldAndOnRelease() throws Exception {
		ArticleSummary story = story("Tide gauge shows record surge", "The gauge read 4.2 metres at dawn.");
		page(story.path());
		long renders = this.cache.renders();
		assertThat(page(story.path()).select(".story-body").text()).contains("4.2 metres");
		assertThat(this.cache.renders()).as("served from the page cache").isEqualTo(renders);

		this.publishing.hold(story.id(), NOTE, "ada");
		assertThat(page(story.path()).select(".hold-notice").text()).contains(NOTE);
		assertThat(page(story.path()).html()).doesNotContain("4.2 metres");
		assertThat(this.cache.renders()).as("rendered once after the hold").isEqualTo(renders + 1);

		this.publishing.releaseHold(story.id(), "ada");
		assertThat(page(story.path()).select(".story-body").text()).contains("4.2 metres");
		assertThat(this.cache.renders()).as("rendered once after the release").isEqualTo(renders + 2);
	}

	@Test
	void aWritethruToAHeldStoryIsPublishedAndTheStoryStaysOnHold() throws Exception {
		ArticleSummary story = story("Council delays the tram vote", "The vote was moved to Friday.");
		this.publishing.hold(story.id(), NOTE, "ada");

		this.mvc.perform(asEditor(get("/desk/articles/{id}/writethru", story.id()), "ada"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This story is on hold")));
		ArticleSummary updated = TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Council delays the tram vote again")
			.paragraphs("The vote was moved to Monday.")
			.post(this.publishing, story);

		assertThat(updated.pubstatus()).isEqualTo(PubStatus.WITHHELD);
		Document page = page(updated.path());
		assertThat(page.select("h1").text()).isEqualTo("LD Writethru: Council delays the tram vote again");
		assertThat(page.select(".hold-notice").text()).contains(NOTE);
		assertThat(page.html()).doesNotContain("moved to Monday", "moved to Friday");
		assertThat(tickerHas(updated)).isFalse();

		this.publishing.releaseHold(story.id(), "ada");
		assertThat(page(updated.path()).select(".story-body").text()).contains("The vote was moved to Monday.");
		assertThat(tickerHas(updated)).isTrue();
	}

	@Test
	void aHeldStoryCanBeKilledAndThenAnswers410WithTheKillNotice() throws Exception {
		ArticleSummary story = story("Dockers strike at the north quay", "Work stopped at dawn.");
		RenderedForm hold = holdForm(story).type("note", NOTE);
		this.mvc.perform(asEditor(hold.request(), "ada")).andExpect(redirectedUrl("/desk"));
		Document held = page(asEditor(get("/desk/articles/{id}/hold", story.id()), "ada"));
		Element since = held.selectFirst(".hold-since").clone();
		since.select("time").remove();
		assertThat(since.text()).isEqualTo("On hold since \u2014 " + NOTE);
		assertThat(held.select("a[href=/desk/articles/" + story.id() + "/kill]")).hasSize(1);

		String kill = "/desk/articles/" + story.id() + "/kill";
		String notice = "Kill: there was no strike at the north quay. Do not use.";
		this.mvc.perform(asEditor(
				RenderedForm.of(page(asEditor(get(kill), "ada")).outerHtml(), kill).type("notice", notice).request(),
				"ada"))
			.andExpect(redirectedUrl("/desk"));

		Document gone = RenderedForm.page(this.mvc.perform(get(story.path())).andExpect(status().isGone()));
		assertThat(gone.select(".kill-notice").text()).isEqualTo(notice);
		assertThat(gone.html()).doesNotContain(NOTE);
		// Release on the hold page, and the hold form, both still open from before the
		// kill.
		this.mvc.perform(asEditor(releaseButton(held, story).request(), "ada")).andExpect(status().isGone());
		Document refused = RenderedForm
			.page(this.mvc.perform(asEditor(hold.request(), "ada")).andExpect(status().isGone()));
		assertThat(refused.select(".kill-notice").text()).isEqualTo(notice);
		assertThat(tickerHas(story)).isFalse();
	}

	@Test
	void badHoldRequestsGetClearAnswersAndHoldNothing() throws Exception {
		ArticleSummary story = story("Lighthouse lamp fails in the storm", "The lamp went dark at midnight.");
		long id = story.id();
		RenderedForm hold = holdForm(story);
		Document blank = page(asEditor(hold.type("note", "  ").request(), "ada"));
		assertThat(blank.getElementById("note-error").text()).isEqualTo("Fill in this field.");
		// Hand-built: no browser sends a note past the field's maxlength.
		this.mvc
			.perform(asEditor(post("/desk/articles/{id}/hold", id).param("note", "x".repeat(FormLimits.HOLD_NOTE + 1)),
					"ada"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Use at most 1000 characters.")));
		Document pasted = page(asEditor(hold.type("note", "Check\u0007ing").request(), "ada"));
		assertThat(pasted.getElementById("note-error").text()).contains("Remove the invisible character");
		assertThat(pasted.getElementById("note").val()).isEqualTo("Check\u0007ing");
		assertThat(this.stories.readable(id).held()).isFalse();

		// Hand-built: story numbers no page links to.
		this.mvc.perform(asEditor(get("/desk/articles/987654/hold"), "ada")).andExpect(status().isNotFound());
		this.mvc.perform(asEditor(post("/desk/articles/987654/hold").param("note", NOTE), "ada"))
			.andExpect(status().isNotFound());
		this.mvc.perform(asEditor(post("/desk/articles/987654/release"), "ada")).andExpect(status().isNotFound());
		this.mvc.perform(asEditor(post("/desk/articles/abc/release"), "ada")).andExpect(status().isBadRequest());

		// A story waiting for its embargo has no readers yet; the embargo's own forms are
		// elsewhere, so the flag is set directly, under the hold form already open.
		this.jdbc.update("update article set embargoed = true where id = ?", id);
		Document embargoed = RenderedForm.page(
				this.mvc.perform(asEditor(hold.type("note", NOTE).request(), "ada")).andExpect(status().isConflict()));
		assertThat(embargoed.select("main").text()).contains("under embargo");
		this.jdbc.update("update article set embargoed = false where id = ?", id);
		assertThat(this.stories.readable(id).held()).isFalse();
		assertThat(AuditLog.newest(this.context, 100))
			.noneMatch((e) -> e.is("HELD") && Long.valueOf(id).equals(e.articleId()));

		// Releasing a story that is not on hold changes nothing and is not audited.
		// Hand-built: no page offers Release for a story that is not on hold.
		this.mvc.perform(asEditor(post("/desk/articles/{id}/release", id), "ada")).andExpect(redirectedUrl("/desk"));
		assertThat(AuditLog.newest(this.context, 100))
			.noneMatch((e) -> e.is("RELEASED") && Long.valueOf(id).equals(e.articleId()));
	}

	private ArticleSummary story(String headline, String paragraph) {
		return TestStories.story()
			.slugline(unique("Hold-Test"))
			.urgency(Urgency.ROUTINE)
			.headline(headline)
			.paragraphs(paragraph)
			.ednote("Eds: first publication")
			.publish(this.publishing);
	}

	private boolean tickerHas(ArticleSummary story) {
		return this.ticker.lines().stream().map(TickerLine::url).anyMatch(story.path()::equals);
	}

	private Document page(String path) throws Exception {
		return page(get(path));
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return RenderedForm.page(this.mvc, request);
	}

	/**
	 * The results page's main content, searched for as a reader types it into the search
	 * box on the home page: the ticker around it links stories too.
	 */
	private String search(String query) throws Exception {
		RenderedForm box = RenderedForm.select(page("/").outerHtml(), "form.site-search").type("q", query);
		return page(box.request()).select("main").html();
	}

	/**
	 * The hold form as the desk shows it for the story.
	 */
	private RenderedForm holdForm(ArticleSummary story) throws Exception {
		String action = "/desk/articles/" + story.id() + "/hold";
		return RenderedForm.of(page(asEditor(get(action), "ada")).outerHtml(), action);
	}

	private static RenderedForm releaseButton(Document page, ArticleSummary story) {
		return RenderedForm.of(page.outerHtml(), "/desk/articles/" + story.id() + "/release");
	}

	/**
	 * The desk's story list filtered to the story by its slugline, as an editor types it.
	 */
	private Document desk(ArticleSummary story) throws Exception {
		RenderedForm filter = RenderedForm.of(page(asEditor(get("/desk"), "ada")).outerHtml(), "/desk")
			.type("q", story.slugline());
		return page(asEditor(filter.request(), "ada"));
	}

	/**
	 * Performs the request with the portal's clock standing at {@code instant}.
	 */
	private ResultActions at(Instant instant, MockHttpServletRequestBuilder request) {
		return this.clock.callAt(instant, () -> {
			try {
				return this.mvc.perform(request);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

}
