package org.newswire.desk;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.newswire.NewswireProperties;
import org.newswire.SettableClock;
import org.newswire.Stories;
import org.newswire.article.ArticleService;
import org.newswire.article.ArticleSummary;
import org.newswire.article.ReleaseJob;
import org.newswire.article.ScheduledState;
import org.newswire.article.ScheduledVersion;
import org.newswire.article.ScheduledWritethrus;
import org.newswire.article.VersionView;
import org.newswire.article.WritethruKind;
import org.newswire.ticker.Headline;
import org.newswire.ticker.TickerService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newswire.desk.DeskFixtures.asEditor;
import static org.newswire.desk.DeskFixtures.story;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Writethrus scheduled from the desk: they wait on the story's desk page, go out at their
 * time through the usual rules, can be cancelled, and one whose base was superseded
 * meanwhile is not published but shown as a conflict with its text kept.
 * <p>
 * The embargo tests share a context of their own: what they release carries the pinned
 * clock's times, hours ahead, and would lead every list other tests read. Its scheduler
 * is left out (a poll of an hour): the tests run the job themselves at pinned times;
 * {@code TwoNodeTests} checks the scheduler.
 */
@SpringBootTest(properties = "newswire.release.poll=1h")
@AutoConfigureMockMvc
class DeskScheduledWritethruTests {

	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

	@Autowired
	MockMvc mvc;

	@Autowired
	ArticleService articles;

	@Autowired
	ScheduledWritethrus scheduled;

	@Autowired
	TickerService ticker;

	@Autowired
	AuditTrail audit;

	@Autowired
	ReleaseJob job;

	@Autowired
	SettableClock clock;

	@Autowired
	NewswireProperties properties;

	@Test
	void aScheduledWritethruWaitsOnTheDeskAndGoesOutAtItsTime() throws Exception {
		ArticleSummary story = story(this.articles, "Night ferry timetable changes");
		Instant at = soon(2);

		Document preview = page(this.mvc.perform(asEditor(writethru(story.id(), 1, at, "preview"), "tam")));
		assertThat(preview.select(".embargo-note").text()).contains("Goes out by itself at", "if version 1");
		assertThat(preview.select("button[value=publish]").text()).isEqualTo("Schedule");

		this.mvc.perform(asEditor(writethru(story.id(), 1, at, "publish"), "tam"))
			.andExpect(redirectedUrl("/desk/articles/" + story.id()));
		assertThat(this.articles.versions(story.id())).as("nothing published yet").hasSize(1);
		Document desk = page(this.mvc.perform(asEditor(get("/desk/articles/{id}", story.id()), "tam")));
		Element waiting = desk.selectFirst("li.scheduled-waiting");
		assertThat(waiting.text()).contains("Night ferry sails an hour later", "filed on version 1 by tam");
		assertThat(waiting.selectFirst("time").attr("datetime")).isEqualTo(at.toString());
		assertThat(waiting.select("form button").text()).isEqualTo("Cancel");

		this.clock.runAt(at.minusSeconds(1), this.job::releaseDue);
		assertThat(this.articles.versions(story.id())).hasSize(1);
		this.clock.runAt(at, this.job::releaseDue);
		this.clock.runAt(at.plusSeconds(1), this.job::releaseDue);
		assertThat(this.articles.versions(story.id())).extracting(VersionView::headline)
			.containsExactly("Night ferry timetable changes", "Night ferry sails an hour later");
		VersionView second = this.articles.version(story.id(), 2).orElseThrow();
		assertThat(second.publishedAt()).isEqualTo(at);
		assertThat(second.editor()).isEqualTo("tam");
		assertThat(this.ticker.latest()).filteredOn((h) -> Long.valueOf(story.id()).equals(h.getArticleId()))
			.extracting(Headline::getText)
			.containsExactly("LD Writethru: Night ferry sails an hour later");
		assertThat(actions(story.id())).containsSubsequence(AuditAction.WRITETHRU, AuditAction.WRITETHRU_SCHEDULED);
		assertThat(this.scheduled.open(story.id())).isEmpty();
	}

	@Test
	void oneWhoseBaseWasSupersededIsNotPublishedAndTheDeskKeepsItsText() throws Exception {
		ArticleSummary story = story(this.articles, "Lighthouse lamp to be replaced");
		Instant at = soon(3);
		this.mvc.perform(asEditor(writethru(story.id(), 1, at, "publish"), "tam"))
			.andExpect(status().is3xxRedirection());
		Stories.writethru(WritethruKind.WRITETHRU)
			.headline("Lighthouse lamp replaced overnight")
			.post(this.articles, story);

		this.clock.runAt(at, this.job::releaseDue);
		assertThat(this.articles.versions(story.id())).extracting(VersionView::headline)
			.containsExactly("Lighthouse lamp to be replaced", "Lighthouse lamp replaced overnight");
		assertThat(this.scheduled.open(story.id())).singleElement()
			.satisfies((kept) -> assertThat(kept.state()).isEqualTo(ScheduledState.CONFLICT));
		assertThat(actions(story.id())).contains(AuditAction.SCHEDULE_CONFLICT);

		Document desk = page(this.mvc.perform(asEditor(get("/desk/articles/{id}", story.id()), "tam")));
		Element conflict = desk.selectFirst("li.scheduled-conflict");
		assertThat(conflict.select("[role=alert]").text()).startsWith("Not published");
		assertThat(conflict.text()).contains("Night ferry sails an hour later", "The timetable moves by an hour.",
				"filed on version 1", "version 2 was current");
		String refile = conflict.selectFirst("a").attr("href");

		Document form = page(this.mvc.perform(asEditor(get(refile), "tam")).andExpect(status().isOk()));
		assertThat(form.selectFirst("input[name=headline]").val()).isEqualTo("Night ferry sails an hour later");
		assertThat(form.selectFirst("textarea[name=body]").text()).contains("The timetable moves by an hour.");
		assertThat(form.selectFirst("input[name=baseSequence]").val()).as("filed again on the current version")
			.isEqualTo("2");
		assertThat(form.select("[role=status]").text()).contains("could not go out");

		long keptId = this.scheduled.open(story.id()).get(0).id();
		this.mvc.perform(asEditor(post("/desk/articles/{id}/scheduled/{s}/cancel", story.id(), keptId), "tam"))
			.andExpect(redirectedUrl("/desk/articles/" + story.id()));
		assertThat(this.scheduled.open(story.id())).isEmpty();
	}

	@Test
	void aCancelledWritethruNeverGoesOut() throws Exception {
		ArticleSummary story = story(this.articles, "Harbour fireworks planned");
		Instant at = soon(4);
		this.mvc.perform(asEditor(writethru(story.id(), 1, at, "publish"), "tam"))
			.andExpect(status().is3xxRedirection());
		ScheduledVersion waiting = this.scheduled.open(story.id()).get(0);

		this.mvc.perform(asEditor(post("/desk/articles/{id}/scheduled/{s}/cancel", story.id(), waiting.id()), "ada"))
			.andExpect(redirectedUrl("/desk/articles/" + story.id()));
		this.clock.runAt(at, this.job::releaseDue);
		assertThat(this.articles.versions(story.id())).hasSize(1);
		assertThat(this.scheduled.find(story.id(), waiting.id())).hasValueSatisfying((cancelled) -> {
			assertThat(cancelled.state()).isEqualTo(ScheduledState.CANCELLED);
			assertThat(cancelled.settledBy()).isEqualTo("ada");
		});
		assertThat(actions(story.id())).contains(AuditAction.SCHEDULE_CANCELLED);
		this.mvc.perform(asEditor(post("/desk/articles/{id}/scheduled/{s}/cancel", story.id(), waiting.id()), "ada"))
			.andExpect(redirectedUrl("/desk/articles/" + story.id()));
	}

	@Test
	void aReleaseTimeInThePastOrUnreadableIsAFormError() throws Exception {
		ArticleSummary story = story(this.articles, "Market hall reopens");
		for (String typed : new String[] { INPUT.format(Instant.now().minusSeconds(60).atZone(zone())), "noon" }) {
			Document form = page(this.mvc
				.perform(asEditor(writethru(story.id(), 1, null, "publish").param("releaseAt", typed), "tam"))
				.andExpect(status().isOk()));
			assertThat(form.select("#releaseAt-error").text()).as(typed).isNotBlank();
			assertThat(form.selectFirst("input[name=headline]").val()).isEqualTo("Night ferry sails an hour later");
		}
		assertThat(this.scheduled.open(story.id())).isEmpty();
		assertThat(this.articles.versions(story.id())).hasSize(1);
	}

	private MockHttpServletRequestBuilder writethru(long id, int base, Instant at, String action) {
		MockHttpServletRequestBuilder request = post("/desk/articles/{id}/writethru", id).param("action", action)
			.param("baseSequence", String.valueOf(base))
			.param("kind", "LD_WRITETHRU")
			.param("headline", "Night ferry sails an hour later")
			.param("body", "The timetable moves by an hour.\n\nTickets stay valid.")
			.param("ednote", "Eds: UPDATES with new timetable")
			.param("urgency", "4");
		return (at != null) ? request.param("releaseAt", INPUT.format(at.atZone(zone()))) : request;
	}

	private java.util.List<AuditAction> actions(long articleId) {
		return this.audit.page(null, 50)
			.stream()
			.filter((entry) -> Long.valueOf(articleId).equals(entry.getArticleId()))
			.map(AuditEntry::getAction)
			.toList();
	}

	private java.time.ZoneId zone() {
		return this.properties.timeZone();
	}

	private static Instant soon(int hours) {
		return Instant.now().plus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.SECONDS);
	}

	private static Document page(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
	}

}
