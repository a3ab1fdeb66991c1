package org.newswire.wire;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newswire.SettableClock;
import org.newswire.TestStories;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.Stories;
import org.newswire.article.Urgency;
import org.newswire.article.WritethruKind;
import org.newswire.clients.ClientAccounts;
import org.newswire.ticker.TickerService;
import org.newswire.wire.WireClientsFixture.Client;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.request.async.WebAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newswire.wire.WireClientsFixture.JSON;
import static org.newswire.wire.WireClientsFixture.changes;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The client feed as a client newsroom follows it: every change in order with the story
 * as it stood, what each client may receive, the long poll, and where a cursor leads.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FeedTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClientAccounts accounts;

	@Autowired
	Publishing publishing;

	@Autowired
	Stories stories;

	@Autowired
	TickerService ticker;

	@Autowired
	SettableClock clock;

	WireClientsFixture clients;

	@BeforeEach
	void clients() {
		this.clients = new WireClientsFixture(this.mvc, this.accounts);
	}

	@Test
	void everyChangeComesInOrderWithTheStoryAsItStoodThen() throws Exception {
		Client client = this.clients.client(false, "world", "science");
		String cursor = this.clients.end(client);

		ArticleSummary story = TestStories.story().headline("Ferry strike called off").publish(this.publishing);
		TestStories.story().section("business").headline("Not this client's section").publish(this.publishing);
		this.ticker.post("Ferry talks resume", Urgency.URGENT, story.id(), "ada");
		story = TestStories.writethru(WritethruKind.LD_WRITETHRU).post(this.publishing, story);
		story = TestStories.writethru(WritethruKind.CORRECTS).post(this.publishing, story);
		this.publishing.hold(story.id(), "Checking the union's statement", "ada");
		TestStories.writethru(WritethruKind.ADDS).post(this.publishing, story);
		this.publishing.releaseHold(story.id(), "ada");
		this.publishing.kill(story.id(), "Withdrawn: the strike was never called.", "ada");

		JsonNode page = this.clients.page(client, "cursor=" + cursor);

		assertThat(changes(page)).containsExactly("published 1 usable", "writethru 2 usable", "correction 3 usable",
				"withheld 3 withheld", "writethru 4 withheld", "released 4 usable", "canceled 4 canceled");
		JsonNode entries = page.get("entries");
		assertThat(entries.get(0).get("item").get("headlines").get(0).get("value").asText())
			.isEqualTo("Ferry strike called off");
		assertThat(entries.get(3).get("item").has("bodies")).as("no text while on hold").isFalse();
		assertThat(entries.get(4).get("item").has("bodies")).as("a version filed on hold has no text either").isFalse();
		assertThat(entries.get(5).get("item").get("bodies").get(0).get("value").asText())
			.contains("The pier reopened after inspectors approved the repairs.");
		assertThat(entries.get(6).get("item").get("ednote").asText())
			.isEqualTo("Withdrawn: the strike was never called.");
		assertThat(entries.get(6).get("position").asText()).isEqualTo(page.get("next_page").asText());
		// Resuming from any entry's position gives the rest, and the end gives nothing
		// new.
		assertThat(changes(this.clients.page(client, "cursor=" + entries.get(4).get("position").asText())))
			.containsExactly("released 4 usable", "canceled 4 canceled");
		assertThat(changes(this.clients.page(client, "cursor=" + page.get("next_page").asText()))).isEmpty();
	}

	@Test
	void anEntitledClientGetsTheEmbargoedStoryAtFilingAndAgainAtTheLiftOthersOnlyAtTheLift() throws Exception {
		Client ahead = this.clients.client(true, "world");
		Client other = this.clients.client(false, "world");
		String aheadCursor = this.clients.end(ahead);
		String otherCursor = this.clients.end(other);
		Instant lift = this.clock.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
		Instant moved = lift.plus(Duration.ofHours(1));

		ArticleSummary story = this.publishing.publish(
				TestStories.story().headline("Central bank to cut rates").slugline("Rates-Embargo").draft(), lift,
				"ada");
		TestStories.writethru(WritethruKind.WRITETHRU).post(this.publishing, story);
		this.publishing.moveEmbargo(story.id(), moved, "ada");

		JsonNode early = this.clients.page(ahead, "cursor=" + aheadCursor);
		assertThat(changes(early)).containsExactly("embargoed 1 usable", "embargoed 2 usable", "embargoed 2 usable");
		assertThat(early.get("entries").findValuesAsText("embargoed")).containsExactly(lift.toString(), lift.toString(),
				moved.toString());
		JsonNode nothing = this.clients.page(other, "cursor=" + otherCursor);
		assertThat(changes(nothing)).isEmpty();
		// Nothing public knows of it before the lift.
		assertThat(this.mvc.perform(get("/api/ninjs/articles/" + story.id())).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(this.mvc.perform(get("/feeds/atom.xml")).andReturn().getResponse().getContentAsString())
			.doesNotContain("Central bank to cut rates");
		assertThat(this.mvc.perform(get("/search?q=central+bank")).andReturn().getResponse().getContentAsString())
			.doesNotContain("Central bank to cut rates");
		// Its item: the entitled client's, a 404 for the other.
		assertThat(item(ahead, story.id()).getStatus()).isEqualTo(200);
		assertThat(item(other, story.id()).getStatus()).isEqualTo(404);

		this.publishing.liftEmbargo(story.id(), "ada");
		Instant liftedAt = this.stories.find(story.id()).orElseThrow().embargoUntil();

		JsonNode atLift = this.clients.page(ahead, "cursor=" + early.get("next_page").asText());
		assertThat(changes(atLift)).containsExactly("embargo-lifted 2 usable");
		assertThat(atLift.get("entries").get(0).get("item").get("embargoed").asText()).isEqualTo(liftedAt.toString());
		JsonNode otherAtLift = this.clients.page(other, "cursor=" + nothing.get("next_page").asText());
		assertThat(changes(otherAtLift)).as("its first sight of the story").containsExactly("published 2 usable");
		assertThat(item(other, story.id()).getStatus()).isEqualTo(200);
	}

	@Test
	void aLongPollWaitsWithoutAThreadAndAnswersWithinASecondOfAPublication() throws Exception {
		Client client = this.clients.client(false, "science");
		String cursor = this.clients.end(client);
		MvcResult waiting = this.mvc.perform(this.clients.feedRequest(client, "cursor=" + cursor)).andReturn();
		assertThat(waiting.getRequest().isAsyncStarted()).isTrue();
		Thread.sleep(200);
		assertThat(WebAsyncUtils.getAsyncManager(waiting.getRequest()).hasConcurrentResult()).isFalse();

		// Another section's story does not wake it.
		TestStories.story().section("sports").headline("Regatta postponed").publish(this.publishing);
		long published = System.nanoTime();
		TestStories.story().section("science").headline("Comet returns early").publish(this.publishing);
		waiting.getAsyncResult(1000);
		Duration answered = Duration.ofNanos(System.nanoTime() - published);

		assertThat(answered).isLessThan(Duration.ofSeconds(1));
		JsonNode page = JSON.readTree(this.mvc.perform(asyncDispatch(waiting))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(changes(page)).containsExactly("published 1 usable");
		assertThat(page.get("entries").get(0).get("item").get("headlines").get(0).get("value").asText())
			.isEqualTo("Comet returns early");
	}

	/**
	 * Long polls woken by one change share what they read when they asked the same
	 * (LongPolls.Round): each still gets its own client's page in its own format.
	 */
	@Test
	void longPollsWokenByTheSameChangeEachGetTheirClientsPageInTheirFormat() throws Exception {
		Client ahead = this.clients.client(true, "world");
		Client other = this.clients.client(false, "world");
		ArticleSummary story = this.publishing.publish(
				TestStories.story().headline("Budget leaks ahead of the vote").slugline("Budget-Embargo").draft(),
				this.clock.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS), "ada");
		String cursor = this.clients.end(other);
		assertThat(this.clients.end(ahead)).isEqualTo(cursor);
		List<MvcResult> waiting = new ArrayList<>();
		for (var request : List.of(this.clients.feedRequest(ahead, "cursor=" + cursor),
				this.clients.feedRequest(other, "cursor=" + cursor),
				this.clients.feedRequest(other, "format=ninjs3&cursor=" + cursor))) {
			waiting.add(this.mvc.perform(request).andReturn());
		}
		assertThat(waiting).allMatch((result) -> result.getRequest().isAsyncStarted());

		this.publishing.liftEmbargo(story.id(), "ada");

		List<JsonNode> pages = new ArrayList<>();
		for (MvcResult result : waiting) {
			result.getAsyncResult(1000);
			pages.add(JSON.readTree(this.mvc.perform(asyncDispatch(result))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray()));
		}
		assertThat(changes(pages.get(0))).containsExactly("embargo-lifted 1 usable");
		assertThat(changes(pages.get(1))).containsExactly("published 1 usable");
		JsonNode ninjs3 = pages.get(2).get("entries").get(0);
		assertThat(ninjs3.get("change").asText()).isEqualTo("published");
		assertThat(ninjs3.get("item").get("pubStatus").asText()).isEqualTo("usable");
	}

	/**
	 * Two requests a minute: the first takes the cursor, the long poll the second, and
	 * its answer, however long it waited, takes none, so the third of the minute is
	 * refused.
	 */
	@Test
	void aLongPollCostsOneRequestOfTheRateLimitHoweverLongItWaits() throws Exception {
		Client client = this.clients.client(false, 2, "science");
		String cursor = this.clients.end(client);
		MvcResult waiting = this.mvc.perform(this.clients.feedRequest(client, "cursor=" + cursor)).andReturn();
		assertThat(waiting.getRequest().isAsyncStarted()).isTrue();
		Thread.sleep(300);
		TestStories.story().section("science").headline("Probe wakes up").publish(this.publishing);
		waiting.getAsyncResult(1000);

		MockHttpServletResponse answer = this.mvc.perform(asyncDispatch(waiting)).andReturn().getResponse();

		assertThat(answer.getStatus()).isEqualTo(200);
		assertThat(answer.getHeader("RateLimit")).matches("\"key\";r=0;t=[0-9]+");
		assertThat(this.mvc.perform(this.clients.feedRequest(client, "cursor=" + cursor))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(429);
	}

	@Test
	void aWaitThatTimesOutAnswersAnEmptyPageWhoseCursorMovedPastWhatTheClientDoesNotReceive() throws Exception {
		Client client = this.clients.client(false, "culture");
		String cursor = this.clients.end(client);
		TestStories.story().section("sports").headline("Derby ends level").publish(this.publishing);

		JsonNode page = this.clients.page(client, "cursor=" + cursor);

		assertThat(changes(page)).isEmpty();
		assertThat(page.get("next_page").asText()).isNotEqualTo(cursor);
		ArticleSummary story = TestStories.story()
			.section("culture")
			.headline("Gallery reopens")
			.publish(this.publishing);
		JsonNode next = this.clients.page(client, "cursor=" + page.get("next_page").asText());
		assertThat(changes(next)).containsExactly("published 1 usable");
		assertThat(next.get("entries").get(0).get("item").get("uri").asText()).endsWith(":" + story.id());
	}

	/**
	 * A news message carries one item or more, so an empty NewsML-G2 page is its cursor
	 * alone: 204 with {@code Next-Page}.
	 */
	@Test
	void anEmptyNewsmlG2PageIsNoContentWithItsCursorInAHeader() throws Exception {
		Client client = this.clients.client(false, "culture");
		String cursor = this.clients.end(client);
		TestStories.story().section("sports").headline("Marathon route set").publish(this.publishing);

		MockHttpServletResponse empty = this.clients.feed(client, "format=newsml-g2&cursor=" + cursor).getResponse();

		assertThat(empty.getStatus()).as(empty.getContentAsString()).isEqualTo(204);
		assertThat(empty.getContentLength()).isZero();
		String next = empty.getHeader("Next-Page");
		assertThat(next).isNotEqualTo(cursor);
		TestStories.story().section("culture").headline("Opera season opens").publish(this.publishing);
		MockHttpServletResponse page = this.clients.feed(client, "format=newsml-g2&cursor=" + next).getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentType()).startsWith("application/vnd.iptc.g2.newsmessage+xml");
		assertThat(page.getContentAsString()).contains("Opera season opens");
	}

	@Test
	void filtersNarrowTheFeedWithinTheClientsSections() throws Exception {
		Client client = this.clients.client(false, "world", "business");
		String cursor = this.clients.end(client);
		TestStories.story().section("world").urgency(Urgency.FLASH).headline("Flash in world").publish(this.publishing);
		TestStories.story()
			.section("business")
			.urgency(Urgency.ROUTINE)
			.headline("Routine in business")
			.publish(this.publishing);
		TestStories.story()
			.section("business")
			.urgency(Urgency.BULLETIN)
			.headline("Bulletin in business")
			.publish(this.publishing);

		assertThat(headlines(this.clients.page(client, "sections=business&cursor=" + cursor)))
			.containsExactly("Routine in business", "Bulletin in business");
		assertThat(headlines(this.clients.page(client, "urgency=2&cursor=" + cursor))).containsExactly("Flash in world",
				"Bulletin in business");
		assertThat(headlines(this.clients.page(client, "sections=business&urgency=2&cursor=" + cursor)))
			.containsExactly("Bulletin in business");
		JsonNode first = this.clients.page(client, "limit=1&cursor=" + cursor);
		assertThat(headlines(first)).containsExactly("Flash in world");
		assertThat(headlines(this.clients.page(client, "limit=1&cursor=" + first.get("next_page").asText())))
			.containsExactly("Routine in business");
		assertThat(headlines(this.clients.page(client, "limit=100000&cursor=" + cursor))).hasSize(3);
	}

	@Test
	void sinceStartsAtTheFirstChangeRecordedAtOrAfterIt() throws Exception {
		// Far ahead of what other tests of this context record, pinned clock or not.
		Client client = this.clients.client(false, "technology");
		Instant earlier = Instant.parse("2990-01-01T00:00:00Z");
		List<Long> filed = new ArrayList<>();
		this.clock.runAt(earlier,
				() -> filed.add(TestStories.story()
					.section("technology")
					.headline("Earlier chip plant story")
					.publish(this.publishing)
					.id()));
		this.clock.runAt(earlier.plus(Duration.ofHours(1)), () -> filed
			.add(TestStories.story().section("technology").headline("Chip plant opens").publish(this.publishing).id()));
		try {
			assertThat(headlines(this.clients.page(client, "since=2990-01-01T00:30:00Z")))
				.containsExactly("Chip plant opens");
			assertThat(headlines(this.clients.page(client, "since=2990-01-01T01:30:00%2B01:00")))
				.containsExactly("Chip plant opens");
			assertThat(headlines(this.clients.page(client, "since=2990-01-01T00:00:00Z")))
				.containsExactly("Earlier chip plant story", "Chip plant opens");
		}
		finally {
			// Their ticker headlines, posted in 2990, would otherwise stand newest for
			// every
			// later test of this context and put its alerts out of the alert window.
			filed.forEach((id) -> this.publishing.kill(id, "A test story.", "ada"));
		}
	}

	private List<String> headlines(JsonNode page) {
		return page.get("entries")
			.findValues("item")
			.stream()
			.map((item) -> item.get("headlines").get(0).get("value").asText())
			.toList();
	}

	private org.springframework.mock.web.MockHttpServletResponse item(Client client, long id) throws Exception {
		return this.mvc.perform(get("/api/v1/items/" + id).header("Authorization", "Bearer " + client.key()))
			.andReturn()
			.getResponse();
	}

}
