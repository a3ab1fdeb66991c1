package org.newswire.desk;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.newswire.NewswireProperties;
import org.newswire.PortalDates;
import org.newswire.RenderedForm;
import org.newswire.SettableClock;
import org.newswire.TestStories;
import org.newswire.article.ArticleException;
import org.newswire.article.ArticleSummary;
import org.newswire.article.EditorialListing;
import org.newswire.article.Publishing;
import org.newswire.article.Stories;
import org.newswire.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newswire.DeskFixtures.asEditor;
import static org.newswire.DeskFixtures.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Embargoes on the desk: filed from the new-story form in the portal's time zone, listed
 * with a countdown, moved or released early, each step audited; bad times are form errors
 * that keep what was typed.
 * <p>
 * The embargo tests share a context of their own: what they release carries the pinned
 * clock's times, hours ahead, and would lead every list other tests read. Its scheduler
 * is left out (a poll of an hour): the tests run the job themselves at pinned times;
 * {@code TwoNodeTests} checks the scheduler.
 */
@SpringBootTest(properties = "newswire.release.poll=1h")
@AutoConfigureMockMvc
class DeskEmbargoTests {

	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

	private static final String BODY = "The minister will present the budget at noon.\n\nHarbour dues rise by a tenth.";

	@Autowired
	MockMvc mvc;

	@Autowired
	Publishing publishing;

	@Autowired
	Stories stories;

	@Autowired
	EditorialListing listing;

	@Autowired
	ApplicationContext context;

	@Autowired
	SettableClock clock;

	@Autowired
	NewswireProperties properties;

	@Autowired
	PortalDates dates;

	@Test
	void aStoryFiledUnderEmbargoWaitsOnTheDeskWithItsCountdown() throws Exception {
		String slugline = unique("Budget-Embargo");
		Instant until = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
		String typed = input(until);

		Document preview = send(asEditor(newStory(slugline, typed).press("preview").request(), "tam"));
		assertThat(preview.select(".embargo-note").text())
			.isEqualTo("Under embargo until " + this.dates.stampSeconds(until)
					+ ": only the desk sees it until then, and it goes out by itself at that moment.");
		assertThat(preview.select("button[value=publish]").text()).isEqualTo("File under embargo");
		Element field = preview.selectFirst("input[name=embargoUntil]");
		assertThat(field.attr("type")).isEqualTo("datetime-local");
		assertThat(field.attr("step")).isEqualTo("1");
		assertThat(field.attr("value")).isEqualTo(typed);
		assertThat(preview.select("label[for=embargoUntil]").text()).isEqualTo("Embargo until");
		assertThat(field.attr("aria-describedby")).contains("embargoUntil-zone");
		assertThat(preview.select("#embargoUntil-zone").text()).contains(this.properties.timeZone().getId());

		String location = this.mvc
			.perform(asEditor(RenderedForm.of(preview.outerHtml(), "/desk/articles/new").press("publish").request(),
					"tam"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/desk/articles/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		ArticleSummary filed = this.listing.story(id).orElseThrow();
		assertThat(filed.embargoed()).isTrue();
		assertThat(filed.embargoUntil()).as("read in the portal's time zone").isEqualTo(until);
		assertThat(filed.current().headline()).isEqualTo("Budget to raise harbour dues " + slugline);
		assertThat(this.mvc.perform(get(filed.path())).andReturn().getResponse().getStatus()).isEqualTo(404);

		Document home = send(
				asEditor(form(asEditor(get("/desk"), "tam"), "/desk").type("q", slugline).request(), "tam"));
		Element status = home.selectFirst(".status-embargoed");
		assertThat(status.text()).startsWith("Embargoed until");
		assertThat(status.selectFirst("time").attr("datetime")).isEqualTo(until.toString());
		assertThat(status.selectFirst(".countdown[role=timer]").attr("data-until")).isEqualTo(until.toString());
		assertThat(home.select("script[src*=desk-countdown]")).isNotEmpty();
		assertThat(home.select("a[href=" + filed.path() + "]")).as("no link to a page readers cannot open").isEmpty();
		assertThat(AuditLog.newest(this.context, 20)).anySatisfy((entry) -> {
			assertThat(entry.action()).isEqualTo("EMBARGOED");
			assertThat(entry.articleId()).isEqualTo(id);
			assertThat(entry.editor()).isEqualTo("tam");
		});
		assertThat(AuditLog.newest(this.context, 20))
			.noneMatch((entry) -> entry.is("PUBLISHED") && Long.valueOf(id).equals(entry.articleId()));

		// A writethru before the embargo lifts goes back to the story on the desk, not
		// to a reader page that does not exist yet, and keeps the story under embargo.
		String writethru = "/desk/articles/" + id + "/writethru";
		Document writethruPreview = send(
				asEditor(form(asEditor(get(writethru), "tam"), writethru).choose("kind", "LD_WRITETHRU")
					.type("headline", "Budget raises harbour dues by a tenth " + slugline)
					.type("ednote", "Eds: UPDATES with the rise")
					.press("preview")
					.request(), "tam"));
		MvcResult rewritten = this.mvc
			.perform(asEditor(RenderedForm.of(writethruPreview.outerHtml(), writethru).press("publish").request(),
					"tam"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(rewritten.getResponse().getRedirectedUrl()).isEqualTo(location);
		assertThat(rewritten.getFlashMap().get("embargoed"))
			.isEqualTo("LD Writethru: Budget raises harbour dues by a tenth " + slugline);
		ArticleSummary rewrittenStory = this.listing.story(id).orElseThrow();
		assertThat(rewrittenStory.embargoed()).isTrue();
		assertThat(rewrittenStory.embargoUntil()).isEqualTo(until);
		assertThat(this.mvc.perform(get(filed.path())).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void anUnreadablePastOrOverlongEmbargoIsAFormErrorThatKeepsTheStory() throws Exception {
		String slugline = unique("Bad-Embargo");
		String past = input(Instant.now().minus(Duration.ofMinutes(5)));
		for (String typed : new String[] { past, input(Instant.now().plus(Duration.ofDays(400))) }) {
			keepsTheStory(typed, send(asEditor(newStory(slugline, typed).press("preview").request(), "tam")));
		}
		// Hand-built: a datetime-local field sends a date and time or nothing, never
		// these.
		for (String typed : new String[] { "next tuesday", "2026-13-40T25:61", "2".repeat(40) }) {
			keepsTheStory(typed, send(asEditor(craftedNewStory(slugline, typed), "tam")));
		}
		assertThat(this.listing.page(null, slugline, null, 10)).as("nothing was filed").isEmpty();
	}

	@Test
	void anEmbargoIsMovedAndReleasedEarlyAndBothAreAudited() throws Exception {
		Instant until = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
		ArticleSummary filed = this.publishing.publish(TestStories.story().slugline(unique("Move-Embargo")).draft(),
				until, "ada");
		Instant later = until.plus(Duration.ofHours(1));
		String embargo = "/desk/articles/" + filed.id() + "/embargo";

		Document story = send(asEditor(get("/desk/articles/{id}", filed.id()), "tam"));
		assertThat(story.selectFirst("input[name=embargoUntil]").attr("value")).isEqualTo(input(until));
		assertThat(story.select("button").eachText()).contains("Move", "Release now");

		// Hand-built: a datetime-local field sends a date and time or nothing, never
		// this.
		Document refused = send(asEditor(post(embargo).param("embargoUntil", "soon"), "tam"));
		assertThat(refused.select("#embargoUntil-error").text()).isNotBlank();

		this.mvc
			.perform(asEditor(RenderedForm.of(story.outerHtml(), embargo).type("embargoUntil", input(later)).request(),
					"tam"))
			.andExpect(redirectedUrl("/desk/articles/" + filed.id()));
		assertThat(this.listing.story(filed.id()).orElseThrow().embargoUntil()).isEqualTo(later);
		this.clock.runAt(until, this.publishing::releaseDue);
		assertThat(this.stories.find(filed.id())).as("the old time no longer releases it").isEmpty();

		RenderedForm releaseNow = RenderedForm.of(story.outerHtml(), embargo + "/release");
		this.mvc.perform(asEditor(releaseNow.request(), "tam")).andExpect(redirectedUrl("/desk"));
		ArticleSummary released = this.stories.readable(filed.id());
		assertThat(released.firstPublishedAt()).isBefore(later);
		assertThat(released.embargoUntil()).as("the moment it actually lifted").isEqualTo(released.firstPublishedAt());
		assertThat(AuditLog.newest(this.context, 20))
			.filteredOn((entry) -> Long.valueOf(filed.id()).equals(entry.articleId()))
			.extracting(AuditLog.Entry::action)
			.containsSubsequence("PUBLISHED", "EMBARGO_LIFTED", "EMBARGO_MOVED", "EMBARGOED");
		assertThat(AuditLog.newest(this.context, 20))
			.filteredOn((entry) -> Long.valueOf(filed.id()).equals(entry.articleId()))
			.filteredOn((entry) -> entry.is("EMBARGO_LIFTED"))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.editor()).isEqualTo("tam"));

		// The same button again, from the page still open.
		Document late = RenderedForm
			.page(this.mvc.perform(asEditor(releaseNow.request(), "tam")).andExpect(status().isConflict()));
		assertThat(late.select("h1").text()).isEqualTo("This story is no longer under embargo");
	}

	@Test
	void aHoldAskedOfAStoryUnderEmbargoIsAConflictThatSaysWhenItLifts() {
		Instant until = Instant.now().plus(Duration.ofHours(1));
		ModelAndView page = new DeskAdvice().embargoed(new ArticleException.Embargoed(7, until));
		assertThat(page.getStatus()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(page.getViewName()).isEqualTo(DeskAdvice.ERROR_VIEW);
		assertThat(page.getModel()).containsEntry("embargoUntil", until)
			.containsEntry("messageKey", "desk.error.embargoed");
	}

	/**
	 * The new-story form as rendered, filled in with a story to file under embargo.
	 */
	private RenderedForm newStory(String slugline, String embargoUntil) throws Exception {
		return form(asEditor(get("/desk/articles/new"), "tam"), "/desk/articles/new").choose("section", "business")
			.type("slugline", slugline)
			.choose("source", "NWS")
			.type("dateline", "PORT ELLIS, Nov. 26 (Newswire) --")
			.choose("urgency", "4")
			.type("headline", "Budget to raise harbour dues " + slugline)
			.type("body", BODY)
			.type("embargoUntil", embargoUntil);
	}

	private MockHttpServletRequestBuilder craftedNewStory(String slugline, String embargoUntil) {
		return post("/desk/articles/new").param("action", "publish")
			.param("section", "business")
			.param("slugline", slugline)
			.param("source", "NWS")
			.param("dateline", "PORT ELLIS, Nov. 26 (Newswire) --")
			.param("urgency", "4")
			.param("headline", "Budget to raise harbour dues " + slugline)
			.param("body", BODY)
			.param("ednote", "")
			.param("embargoUntil", embargoUntil);
	}

	private static void keepsTheStory(String typed, Document form) {
		assertThat(form.select("#embargoUntil-error").text()).as(typed).isNotBlank();
		assertThat(form.select(".error-summary a[href=#embargoUntil]")).as(typed).isNotEmpty();
		assertThat(form.selectFirst("textarea[name=body]").val()).as("nothing typed is lost").isEqualTo(BODY);
		assertThat(form.selectFirst("input[name=embargoUntil]").val()).as(typed).isEqualTo(typed);
	}

	private RenderedForm form(MockHttpServletRequestBuilder request, String action) throws Exception {
		return RenderedForm.of(send(request).outerHtml(), action);
	}

	private Document send(MockHttpServletRequestBuilder request) throws Exception {
		return RenderedForm.page(this.mvc, request);
	}

	private String input(Instant at) {
		ZoneId zone = this.properties.timeZone();
		return INPUT.format(at.atZone(zone));
	}

}
