package org.newswire.desk;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.newswire.NewswireProperties;
import org.newswire.PortalDates;
import org.newswire.RenderedForm;
import org.newswire.SettableClock;
import org.newswire.TestStories;
import org.newswire.article.ArticleSummary;
import org.newswire.article.EditorialListing;
import org.newswire.article.EditorialListing.ScheduledVersion;
import org.newswire.article.Publishing;
import org.newswire.article.Stories;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.newswire.DeskFixtures.asEditor;
import static org.newswire.DeskFixtures.story;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

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

	private static final String HEADLINE = "Night ferry sails an hour later";

	private static final String BODY = "The timetable moves by an hour.\n\nTickets stay valid.";

	private static final String EDNOTE = "Eds: UPDATES with new timetable";

	@Autowired
	MockMvc mvc;

	@Autowired
	EditorialListing listing;

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
	NewswireProperties properties;

	@Autowired
	PortalDates dates;

	@Test
	void aScheduledWritethruWaitsOnTheDeskAndGoesOutAtItsTime() throws Exception {
		ArticleSummary story = story(this.publishing, "Night ferry timetable changes");
		Instant at = soon(2);

		Document preview = send(asEditor(writethru(story.id(), at).press("preview").request(), "tam"));
		assertThat(preview.select(".embargo-note").text()).isEqualTo(
				"Goes out by itself at " + this.dates.stampSeconds(at) + ", if version 1 is still current then.");
		assertThat(preview.select("button[value=publish]").text()).isEqualTo("Schedule");

		this.mvc.perform(asEditor(publish(story.id(), preview), "tam"))
			.andExpect(redirectedUrl("/desk/articles/" + story.id()));
		assertThat(this.stories.versions(story.id())).as("nothing published yet").hasSize(1);
		Document desk = send(asEditor(get("/desk/articles/{id}", story.id()), "tam"));
		Element waiting = desk.selectFirst("li.scheduled-waiting");
		assertThat(waiting.select(".preview-headline").text()).isEqualTo(HEADLINE);
		assertThat(waiting.text()).contains("filed on version 1 by tam");
		assertThat(waiting.selectFirst("time").attr("datetime")).isEqualTo(at.toString());
		assertThat(waiting.select("form button").text()).isEqualTo("Cancel");

		this.clock.runAt(at.minusSeconds(1), this.publishing::releaseDue);
		assertThat(this.stories.versions(story.id())).hasSize(1);
		this.clock.runAt(at, this.publishing::releaseDue);
		this.clock.runAt(at.plusSeconds(1), this.publishing::releaseDue);
		assertThat(this.stories.versions(story.id())).extracting(VersionView::headline)
			.containsExactly("Night ferry timetable changes", HEADLINE);
		VersionView second = this.stories.version(story.id(), 2).orElseThrow();
		assertThat(second.publishedAt()).isEqualTo(at);
		assertThat(second.editor()).isEqualTo("tam");
		assertThat(second.paragraphs()).containsExactly("The timetable moves by an hour.", "Tickets stay valid.");
		assertThat(second.ednote()).isEqualTo(EDNOTE);
		assertThat(this.ticker.latest()).filteredOn((h) -> Long.valueOf(story.id()).equals(h.getArticleId()))
			.extracting(Headline::getText)
			.containsExactly("LD Writethru: " + HEADLINE);
		assertThat(actions(story.id())).containsSubsequence("WRITETHRU", "WRITETHRU_SCHEDULED");
		assertThat(this.listing.openScheduled(story.id())).isEmpty();
	}

	@Test
	void oneWhoseBaseWasSupersededIsNotPublishedAndTheDeskKeepsItsText() throws Exception {
		ArticleSummary story = story(this.publishing, "Lighthouse lamp to be replaced");
		Instant at = soon(3);
		schedule(story.id(), at);
		TestStories.writethru(WritethruKind.WRITETHRU)
			.headline("Lighthouse lamp replaced overnight")
			.post(this.publishing, story);

		this.clock.runAt(at, this.publishing::releaseDue);
		assertThat(this.stories.versions(story.id())).extracting(VersionView::headline)
			.containsExactly("Lighthouse lamp to be replaced", "Lighthouse lamp replaced overnight");
		assertThat(this.listing.openScheduled(story.id())).singleElement()
			.satisfies((kept) -> assertThat(kept.state()).isEqualTo(ScheduledVersion.State.CONFLICT));
		assertThat(actions(story.id())).contains("SCHEDULE_CONFLICT");

		Document desk = send(asEditor(get("/desk/articles/{id}", story.id()), "tam"));
		Element conflict = desk.selectFirst("li.scheduled-conflict");
		assertThat(conflict.select("[role=alert]").text()).startsWith("Not published");
		assertThat(conflict.select(".preview-headline").text()).isEqualTo(HEADLINE);
		assertThat(conflict.select(".other-version .ednote").text()).isEqualTo(EDNOTE);
		assertThat(conflict.select(".other-version > p:not(.ednote)").eachText())
			.isEqualTo(List.of("The timetable moves by an hour.", "Tickets stay valid."));
		assertThat(conflict.text()).contains("filed on version 1", "version 2 was current");
		String refile = conflict.selectFirst("a").attr("href");

		Document form = send(asEditor(get(URI.create(refile)), "tam"));
		assertThat(form.selectFirst("input[name=headline]").val()).isEqualTo(HEADLINE);
		assertThat(form.selectFirst("textarea[name=body]").val()).isEqualTo(BODY);
		assertThat(form.selectFirst("input[name=ednote]").val()).isEqualTo(EDNOTE);
		assertThat(form.selectFirst("input[name=baseSequence]").val()).as("filed again on the current version")
			.isEqualTo("2");
		assertThat(form.select("[role=status]").text()).contains("could not go out");

		long keptId = this.listing.openScheduled(story.id()).get(0).id();
		this.mvc.perform(asEditor(cancel(desk, story.id(), keptId).request(), "tam"))
			.andExpect(redirectedUrl("/desk/articles/" + story.id()));
		assertThat(this.listing.openScheduled(story.id())).isEmpty();
	}

	@Test
	void aCancelledWritethruNeverGoesOut() throws Exception {
		ArticleSummary story = story(this.publishing, "Harbour fireworks planned");
		Instant at = soon(4);
		schedule(story.id(), at);
		ScheduledVersion waiting = this.listing.openScheduled(story.id()).get(0);

		RenderedForm cancel = cancel(send(asEditor(get("/desk/articles/{id}", story.id()), "ada")), story.id(),
				waiting.id());
		this.mvc.perform(asEditor(cancel.request(), "ada")).andExpect(redirectedUrl("/desk/articles/" + story.id()));
		this.clock.runAt(at, this.publishing::releaseDue);
		assertThat(this.stories.versions(story.id())).hasSize(1);
		assertThat(this.listing.scheduled(story.id(), waiting.id())).hasValueSatisfying((cancelled) -> {
			assertThat(cancelled.state()).isEqualTo(ScheduledVersion.State.CANCELLED);
			assertThat(cancelled.settledBy()).isEqualTo("ada");
		});
		assertThat(actions(story.id())).contains("SCHEDULE_CANCELLED");
		// The same button again, from the page still open.
		this.mvc.perform(asEditor(cancel.request(), "ada")).andExpect(redirectedUrl("/desk/articles/" + story.id()));
	}

	@Test
	void aReleaseTimeInThePastOrUnreadableIsAFormError() throws Exception {
		ArticleSummary story = story(this.publishing, "Market hall reopens");
		String past = INPUT.format(Instant.now().minusSeconds(60).atZone(zone()));
		refusedKeepingTheText(
				send(asEditor(writethru(story.id(), null).type("releaseAt", past).press("preview").request(), "tam")),
				past);
		// Hand-built: a datetime-local field sends a date and time or nothing, never
		// this.
		refusedKeepingTheText(send(asEditor(post("/desk/articles/{id}/writethru", story.id()).param("action", "publish")
			.param("baseSequence", "1")
			.param("kind", "LD_WRITETHRU")
			.param("headline", HEADLINE)
			.param("body", BODY)
			.param("ednote", EDNOTE)
			.param("urgency", "4")
			.param("releaseAt", "noon"), "tam")), "noon");
		assertThat(this.listing.openScheduled(story.id())).isEmpty();
		assertThat(this.stories.versions(story.id())).hasSize(1);
	}

	/**
	 * The desk checks the time when the editor presses Schedule, but a minute can pass
	 * before the service is called: the service itself refuses a release time that has
	 * come, so nothing waits that would go out at once without the usual checks.
	 */
	@Test
	void theServiceRefusesAReleaseTimeThatHasCome() {
		ArticleSummary story = story(this.publishing, "Quay lights repaired");
		Instant now = this.clock.instant();
		assertThatThrownBy(() -> this.publishing.schedule(story.id(), 1,
				TestStories.writethru(WritethruKind.LD_WRITETHRU).headline(HEADLINE).draft(), now, "tam"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("A scheduled writethru goes out in the future, not at " + now);
		assertThat(this.listing.openScheduled(story.id())).isEmpty();
		assertThat(this.stories.versions(story.id())).hasSize(1);
	}

	private static void refusedKeepingTheText(Document form, String typed) {
		assertThat(form.select("#releaseAt-error").text()).as(typed).isNotBlank();
		assertThat(form.selectFirst("input[name=headline]").val()).isEqualTo(HEADLINE);
		assertThat(form.selectFirst("textarea[name=body]").val()).isEqualTo(BODY);
	}

	/**
	 * The story's writethru form as rendered, filled in as tam types a new lead to go out
	 * at {@code at} (or at once, without it).
	 */
	private RenderedForm writethru(long id, Instant at) throws Exception {
		String action = "/desk/articles/" + id + "/writethru";
		RenderedForm form = RenderedForm.of(send(asEditor(get(action), "tam")).outerHtml(), action)
			.choose("kind", "LD_WRITETHRU")
			.type("headline", HEADLINE)
			.type("body", BODY)
			.type("ednote", EDNOTE)
			.choose("urgency", "4");
		return (at != null) ? form.type("releaseAt", INPUT.format(at.atZone(zone()))) : form;
	}

	/** Publish pressed on the preview, which schedules a writethru with a time. */
	private MockHttpServletRequestBuilder publish(long id, Document preview) {
		return RenderedForm.of(preview.outerHtml(), "/desk/articles/" + id + "/writethru").press("publish").request();
	}

	/** Filled in, previewed and scheduled, as tam does it. */
	private void schedule(long id, Instant at) throws Exception {
		Document preview = send(asEditor(writethru(id, at).press("preview").request(), "tam"));
		this.mvc.perform(asEditor(publish(id, preview), "tam")).andExpect(redirectedUrl("/desk/articles/" + id));
	}

	/**
	 * The Cancel (or Discard) button of one scheduled writethru on the story's desk page.
	 */
	private static RenderedForm cancel(Document desk, long id, long scheduledId) {
		return RenderedForm.of(desk.outerHtml(), "/desk/articles/" + id + "/scheduled/" + scheduledId + "/cancel");
	}

	private Document send(MockHttpServletRequestBuilder request) throws Exception {
		return RenderedForm.page(this.mvc, request);
	}

	private List<String> actions(long articleId) {
		return AuditLog.newest(this.context, 50)
			.stream()
			.filter((entry) -> Long.valueOf(articleId).equals(entry.articleId()))
			.map(AuditLog.Entry::action)
			.toList();
	}

	private java.time.ZoneId zone() {
		return this.properties.timeZone();
	}

	private static Instant soon(int hours) {
		return Instant.now().plus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.SECONDS);
	}

}
