package org.newswire.desk;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.newswire.NewswireProperties;
import org.newswire.SettableClock;
import org.newswire.Stories;
import org.newswire.article.ArticleEmbargoedException;
import org.newswire.article.ArticleService;
import org.newswire.article.ArticleSummary;
import org.newswire.article.EditorialListing;
import org.newswire.article.ReleaseJob;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newswire.desk.DeskFixtures.asEditor;
import static org.newswire.desk.DeskFixtures.unique;
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

	@Autowired
	MockMvc mvc;

	@Autowired
	ArticleService articles;

	@Autowired
	EditorialListing listing;

	@Autowired
	AuditTrail audit;

	@Autowired
	ReleaseJob job;

	@Autowired
	SettableClock clock;

	@Autowired
	NewswireProperties properties;

	@Test
	void aStoryFiledUnderEmbargoWaitsOnTheDeskWithItsCountdown() throws Exception {
		String slugline = unique("Budget-Embargo");
		Instant until = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
		String typed = input(until);

		Document preview = page(this.mvc.perform(asEditor(newStory(slugline, typed).apply("preview"), "tam"))
			.andExpect(status().isOk()));
		assertThat(preview.select(".embargo-note").text()).contains("Under embargo until");
		assertThat(preview.select("button[value=publish]").text()).isEqualTo("File under embargo");
		Element field = preview.selectFirst("input[name=embargoUntil]");
		assertThat(field.attr("type")).isEqualTo("datetime-local");
		assertThat(field.attr("step")).isEqualTo("1");
		assertThat(field.attr("value")).isEqualTo(typed);
		assertThat(preview.select("label[for=embargoUntil]").text()).isEqualTo("Embargo until");
		assertThat(field.attr("aria-describedby")).contains("embargoUntil-zone");
		assertThat(preview.select("#embargoUntil-zone").text()).contains(this.properties.timeZone().getId());

		String location = this.mvc.perform(asEditor(newStory(slugline, typed).apply("publish"), "tam"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/desk/articles/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		ArticleSummary filed = this.listing.story(id).orElseThrow();
		assertThat(filed.embargoed()).isTrue();
		assertThat(filed.embargoUntil()).as("read in the portal's time zone").isEqualTo(until);
		assertThat(this.mvc.perform(get(filed.path())).andReturn().getResponse().getStatus()).isEqualTo(404);

		Document home = page(this.mvc.perform(asEditor(get("/desk").param("q", slugline), "tam")));
		Element status = home.selectFirst(".status-embargoed");
		assertThat(status.text()).startsWith("Embargoed until");
		assertThat(status.selectFirst("time").attr("datetime")).isEqualTo(until.toString());
		assertThat(status.selectFirst(".countdown[role=timer]").attr("data-until")).isEqualTo(until.toString());
		assertThat(home.select("script[src*=desk-countdown]")).isNotEmpty();
		assertThat(home.select("a[href=" + filed.path() + "]")).as("no link to a page readers cannot open").isEmpty();
		assertThat(this.audit.page(null, 20)).anySatisfy((entry) -> {
			assertThat(entry.getAction()).isEqualTo(AuditAction.EMBARGOED);
			assertThat(entry.getArticleId()).isEqualTo(id);
			assertThat(entry.getEditor()).isEqualTo("tam");
		});
		assertThat(this.audit.page(null, 20)).noneMatch(
				(entry) -> entry.getAction() == AuditAction.PUBLISHED && Long.valueOf(id).equals(entry.getArticleId()));
	}

	@Test
	void anUnreadablePastOrOverlongEmbargoIsAFormErrorThatKeepsTheStory() throws Exception {
		String slugline = unique("Bad-Embargo");
		String past = input(Instant.now().minus(Duration.ofMinutes(5)));
		for (String typed : new String[] { "next tuesday", "2026-13-40T25:61", past, "2".repeat(40),
				input(Instant.now().plus(Duration.ofDays(400))) }) {
			Document form = page(this.mvc.perform(asEditor(newStory(slugline, typed).apply("publish"), "tam"))
				.andExpect(status().isOk()));
			assertThat(form.select("#embargoUntil-error").text()).as(typed).isNotBlank();
			assertThat(form.select(".error-summary a[href=#embargoUntil]")).as(typed).isNotEmpty();
			assertThat(form.selectFirst("textarea[name=body]").text()).as("nothing typed is lost")
				.contains("The minister will present");
		}
		assertThat(this.listing.page(null, slugline, null, 10)).as("nothing was filed").isEmpty();
	}

	@Test
	void anEmbargoIsMovedAndReleasedEarlyAndBothAreAudited() throws Exception {
		Instant until = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
		ArticleSummary filed = this.articles.publish(Stories.story().slugline(unique("Move-Embargo")).draft(), until,
				"ada");
		Instant later = until.plus(Duration.ofHours(1));

		Document story = page(this.mvc.perform(asEditor(get("/desk/articles/{id}", filed.id()), "tam")));
		assertThat(story.selectFirst("input[name=embargoUntil]").attr("value")).isEqualTo(input(until));
		assertThat(story.select("button").eachText()).contains("Move", "Release now");

		Document refused = page(this.mvc
			.perform(asEditor(post("/desk/articles/{id}/embargo", filed.id()).param("embargoUntil", "soon"), "tam"))
			.andExpect(status().isOk()));
		assertThat(refused.select("#embargoUntil-error").text()).isNotBlank();

		this.mvc
			.perform(asEditor(post("/desk/articles/{id}/embargo", filed.id()).param("embargoUntil", input(later)),
					"tam"))
			.andExpect(redirectedUrl("/desk/articles/" + filed.id()));
		assertThat(this.listing.story(filed.id()).orElseThrow().embargoUntil()).isEqualTo(later);
		this.clock.runAt(until, this.job::releaseDue);
		assertThat(this.articles.find(filed.id())).as("the old time no longer releases it").isEmpty();

		this.mvc.perform(asEditor(post("/desk/articles/{id}/embargo/release", filed.id()), "tam"))
			.andExpect(redirectedUrl("/desk"));
		ArticleSummary released = this.articles.readable(filed.id());
		assertThat(released.firstPublishedAt()).isBefore(later);
		assertThat(released.embargoUntil()).as("the moment it actually lifted").isEqualTo(released.firstPublishedAt());
		assertThat(this.audit.page(null, 20))
			.filteredOn((entry) -> Long.valueOf(filed.id()).equals(entry.getArticleId()))
			.extracting(AuditEntry::getAction)
			.containsSubsequence(AuditAction.PUBLISHED, AuditAction.EMBARGO_LIFTED, AuditAction.EMBARGO_MOVED,
					AuditAction.EMBARGOED);
		assertThat(this.audit.page(null, 20))
			.filteredOn((entry) -> Long.valueOf(filed.id()).equals(entry.getArticleId()))
			.filteredOn((entry) -> entry.getAction() == AuditAction.EMBARGO_LIFTED)
			.singleElement()
			.satisfies((entry) -> assertThat(entry.getEditor()).isEqualTo("tam"));

		Document late = page(this.mvc.perform(asEditor(post("/desk/articles/{id}/embargo/release", filed.id()), "tam"))
			.andExpect(status().isConflict()));
		assertThat(late.select("h1").text()).isEqualTo("This story is no longer under embargo");
	}

	@Test
	void aHoldAskedOfAStoryUnderEmbargoIsAConflictThatSaysWhenItLifts() {
		Instant until = Instant.now().plus(Duration.ofHours(1));
		ModelAndView page = new DeskAdvice().embargoed(new ArticleEmbargoedException(7, until));
		assertThat(page.getStatus()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(page.getViewName()).isEqualTo(DeskAdvice.ERROR_VIEW);
		assertThat(page.getModel()).containsEntry("embargoUntil", until)
			.containsEntry("messageKey", "desk.error.embargoed");
	}

	private Function<String, MockHttpServletRequestBuilder> newStory(String slugline, String embargoUntil) {
		return (action) -> post("/desk/articles/new").param("action", action)
			.param("section", "business")
			.param("slugline", slugline)
			.param("source", "NWS")
			.param("dateline", "PORT ELLIS, Nov. 26 (Newswire) --")
			.param("urgency", "4")
			.param("headline", "Budget to raise harbour dues " + slugline)
			.param("body", "The minister will present the budget at noon.\n\nHarbour dues rise by a tenth.")
			.param("ednote", "")
			.param("embargoUntil", embargoUntil);
	}

	private String input(Instant at) {
		ZoneId zone = this.properties.timeZone();
		return INPUT.format(at.atZone(zone));
	}

	private static Document page(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
	}

}
