package org.newswire.ticker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.newswire.SettableClock;
import org.newswire.SettableClockConfiguration;
import org.newswire.TestStories;
import org.newswire.article.ArticleEvent;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.Stories;
import org.newswire.article.Urgency;
import org.newswire.article.WritethruKind;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The ticker module with the articles it follows and nothing else: a writethru replaces
 * its article's headline, a kill withdraws it, a hold keeps it off the ticker until the
 * release, and a Flash or Bulletin story leads the ticker as the alert until the wire
 * moves on. What it shows of a story it learns from the article events alone; the article
 * module is included to publish them. Times come from the settable clock.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = { "article", "photo" })
@Import(SettableClockConfiguration.class)
class TickerModuleTests {

	@Autowired
	Stories stories;

	@Autowired
	Publishing publishing;

	@Autowired
	TickerService ticker;

	@Autowired
	SettableClock clock;

	@Autowired
	TickerStoryRepository tickerStories;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aWritethruReplacesItsArticlesHeadlineAndLinksItsNewPage() {
		ArticleSummary story = TestStories.story().headline("Harbour pier closes for repairs").publish(this.publishing);

		ArticleSummary reopened = TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Harbour pier reopens after repairs")
			.post(this.publishing, story);

		assertThat(headlinesOf(story)).containsExactly("LD Writethru: Harbour pier reopens after repairs");
		assertThat(linesOf(story)).extracting(TickerLine::text, TickerLine::url)
			.containsExactly(tuple("LD Writethru: Harbour pier reopens after repairs", reopened.path()));
	}

	@Test
	void aStoryOnHoldLeavesTheTickerKeepsItThroughAWritethruAndComesBackWithItOnRelease() {
		ArticleSummary story = TestStories.story().headline("Crane topples onto harbour road").publish(this.publishing);
		this.publishing.hold(story.id(), "Checking who owns the crane.", "ada");
		assertThat(linesOf(story)).isEmpty();

		ArticleSummary updated = TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Crane topples onto harbour road, nobody hurt")
			.post(this.publishing, story);
		assertThat(linesOf(story)).as("a writethru of a story still on hold").isEmpty();
		assertThat(headlinesOf(story)).as("standing meanwhile")
			.containsExactly("LD Writethru: Crane topples onto harbour road, nobody hurt");

		this.publishing.releaseHold(story.id(), "ada");
		assertThat(linesOf(story)).extracting(TickerLine::text, TickerLine::url)
			.containsExactly(tuple("LD Writethru: Crane topples onto harbour road, nobody hurt", updated.path()));
		this.publishing.kill(story.id(), "Withdrawn.", "ada");
	}

	/**
	 * The archive generator writes stories without events: the ticker first hears of such
	 * a story when it changes, and a hold is the one thing it must not miss.
	 */
	@Test
	void aStoryTheTickerHasNoRecordOfIsHeldAndLinkedFromItsNextEvents() {
		// Forgotten in the publishing transaction, so no ticker built after its commit
		// ever knew the story: as for one the archive generator wrote.
		ArticleSummary story = this.transactions.execute((status) -> {
			ArticleSummary filed = TestStories.story().headline("Lock gates jam on the canal").publish(this.publishing);
			this.tickerStories.deleteById(filed.id());
			return filed;
		});
		assertThat(linesOf(story)).extracting(TickerLine::url).containsExactly("/articles/" + story.id());

		this.publishing.hold(story.id(), "Checking the lock keeper's account.", "ada");
		TestStories.writethru(WritethruKind.WRITETHRU)
			.headline("Lock gates jam on the canal again")
			.post(this.publishing, story);
		assertThat(linesOf(story)).isEmpty();

		this.publishing.releaseHold(story.id(), "ada");
		assertThat(linesOf(story)).extracting(TickerLine::url)
			.containsExactly(this.stories.readable(story.id()).path());
		this.publishing.kill(story.id(), "Withdrawn.", "ada");
	}

	@Test
	void flashAndBulletinStoriesLeadNewestFirstEvenWhenABusyWireHasPushedThemOutOfTheNewest() {
		Instant now = this.clock.instant();
		ArticleSummary flash = publishAt(now.minus(Duration.ofMinutes(10)), Urgency.FLASH,
				"Quake strikes off Cape Tarrow");
		ArticleSummary bulletin = publishAt(now.minus(Duration.ofMinutes(5)), Urgency.BULLETIN,
				"Tsunami warning lifted for Cape Tarrow");
		ArticleSummary formerFlash = publishAt(now.minus(Duration.ofMinutes(9)), Urgency.FLASH,
				"Dam gates opened above Kelby");
		// The Flash is the alert no more once its story moves on at a routine urgency.
		TestStories.writethru(WritethruKind.WRITETHRU)
			.headline("Dam gates opened above Kelby as planned")
			.urgency(Urgency.ROUTINE)
			.post(this.publishing, formerFlash);
		try {
			for (int i = 1; i <= TickerService.SIZE; i++) {
				this.ticker.post("Harbour notice " + i, Urgency.ROUTINE, null, "ada");
			}

			List<TickerLine> lines = this.ticker.lines();

			assertThat(lines).hasSize(TickerService.SIZE);
			assertThat(lines.subList(0, 2)).extracting(TickerLine::text, TickerLine::urgencyName, TickerLine::alert)
				.containsExactly(tuple("Tsunami warning lifted for Cape Tarrow", "Bulletin", true),
						tuple("Quake strikes off Cape Tarrow", "Flash", true));
			assertThat(lines.get(1).url()).isEqualTo(flash.path());
			assertThat(lines.get(1).marked()).isTrue();
			assertThat(lines.subList(2, lines.size())).extracting(TickerLine::text)
				.containsExactlyElementsOf(IntStream.iterate(TickerService.SIZE, (i) -> i - 1)
					.limit(TickerService.SIZE - 2)
					.mapToObj((i) -> "Harbour notice " + i)
					.toList())
				.doesNotContain("Dam gates opened above Kelby as planned");
		}
		finally {
			List.of(flash, bulletin, formerFlash)
				.forEach((story) -> this.publishing.kill(story.id(), "Withdrawn.", "ada"));
		}
	}

	@Test
	void aFlashStopsLeadingOnceAHeadlineIsPostedHalfAnHourAfterItAndABulletinWritethruLeadsAgain() {
		Instant now = this.clock.instant();
		ArticleSummary flash = publishAt(now.minus(TickerService.ALERT_LEAD).minusSeconds(60), Urgency.FLASH,
				"Bridge closed after barge strike");
		try {
			this.ticker.post("Harbour notice after the bridge", Urgency.ROUTINE, null, "ada");
			assertThat(this.ticker.lines()).filteredOn((line) -> flash.path().equals(line.url()))
				.singleElement()
				.satisfies((line) -> {
					assertThat(line.alert()).isFalse();
					assertThat(line.marked()).as("still a Flash").isTrue();
				});
			assertThat(this.ticker.lines().get(0).text()).isEqualTo("Harbour notice after the bridge");

			ArticleSummary bulletin = TestStories.writethru(WritethruKind.LD_WRITETHRU)
				.headline("Bridge to stay closed for a week after barge strike")
				.urgency(Urgency.BULLETIN)
				.post(this.publishing, flash);
			assertThat(this.ticker.lines().get(0)).satisfies((line) -> {
				assertThat(line.text()).isEqualTo("LD Writethru: Bridge to stay closed for a week after barge strike");
				assertThat(line.url()).isEqualTo(bulletin.path());
				assertThat(line.alert()).isTrue();
			});
		}
		finally {
			this.publishing.kill(flash.id(), "Withdrawn.", "ada");
		}
		assertThat(this.ticker.lines()).noneMatch(TickerLine::alert);
	}

	@Test
	void atMostThreeAlertsLeadSoTheNewestHeadlineStaysOnTheTicker() {
		Instant now = this.clock.instant();
		List<ArticleSummary> bulletins = IntStream.rangeClosed(1, TickerService.MAX_ALERTS + 1)
			.mapToObj((i) -> publishAt(now.minus(Duration.ofMinutes(10 - i)), Urgency.BULLETIN, "Count update " + i))
			.toList();
		try {
			this.ticker.post("Polls close across the north", Urgency.ROUTINE, null, "ada");

			List<TickerLine> lines = this.ticker.lines();

			assertThat(lines.subList(0, TickerService.MAX_ALERTS + 2)).extracting(TickerLine::text, TickerLine::alert)
				.containsExactly(tuple("Count update 4", true), tuple("Count update 3", true),
						tuple("Count update 2", true), tuple("Polls close across the north", false),
						tuple("Count update 1", false));
		}
		finally {
			bulletins.forEach((story) -> this.publishing.kill(story.id(), "Withdrawn.", "ada"));
		}
	}

	private ArticleSummary publishAt(Instant at, Urgency urgency, String headline) {
		return this.clock.callAt(at,
				() -> TestStories.story().urgency(urgency).headline(headline).publish(this.publishing));
	}

	@Test
	void aKillWithdrawsItsArticlesHeadline() {
		ArticleSummary story = TestStories.story().headline("Bank merger agreed").publish(this.publishing);

		this.publishing.kill(story.id(), "Withdrawn: no merger.", "ada");

		assertThat(headlinesOf(story)).isEmpty();
	}

	@Test
	void aPublicationEventAloneIsEnoughToPostAHeadlineLinkedToItsPath(Scenario scenario) {
		ArticleSummary story = TestStories.story().headline("Ferry timetable changes").publish(this.publishing);

		scenario
			.publish(new ArticleEvent.Published(story.id(), 2, WritethruKind.ADDS, "Adds: Ferry timetable changes",
					story.urgency(), story.path(), "ada"))
			.andWaitForStateChange(() -> linesOf(story),
					(lines) -> lines.stream().anyMatch((line) -> line.text().startsWith("Adds: ")))
			.andVerify((lines) -> assertThat(lines).extracting(TickerLine::text, TickerLine::url)
				.containsExactly(tuple("Adds: Ferry timetable changes", story.path())));
	}

	/** The texts of the article's standing headlines, on hold or not. */
	private List<String> headlinesOf(ArticleSummary story) {
		return this.ticker.latest()
			.stream()
			.filter((headline) -> Long.valueOf(story.id()).equals(headline.getArticleId()))
			.map(Headline::getText)
			.toList();
	}

	/** The article's lines as readers see them. */
	private List<TickerLine> linesOf(ArticleSummary story) {
		return this.ticker.lines()
			.stream()
			.filter((line) -> ("/articles/" + story.id()).equals(line.url())
					|| (line.url() != null && line.url().startsWith("/articles/" + story.id() + "/")))
			.toList();
	}

}
