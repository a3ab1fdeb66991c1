package org.newswire.change;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newswire.TestStories;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.Urgency;
import org.newswire.article.WritethruKind;
import org.newswire.ticker.TickerService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The change module with the modules that make changes (the articles and the ticker), on
 * the embedded database of one node: what a committed transaction changed is one record
 * per article, followed before the writer's call returns (within the bound) and in order;
 * what is rolled back is never seen.
 */
@ApplicationModuleTest(extraIncludes = { "article", "photo", "ticker" })
// The release job's poll would add its statements to the count at random. The writer's
// bound is shorter than the full contexts' (5 s): this context has only these modules'
// listeners to wait for, and one test waits the bound out on purpose.
@TestPropertySource(properties = { "newswire.release.poll=1h",
		"newswire.change-record.writer-wait=" + ChangeModuleTests.WRITER_WAIT_SECONDS + "s" })
class ChangeModuleTests {

	static final int WRITER_WAIT_SECONDS = 2;

	private static final Duration WRITER_WAIT = Duration.ofSeconds(WRITER_WAIT_SECONDS);

	@Autowired
	Publishing publishing;

	@Autowired
	TickerService ticker;

	@Autowired
	Changes changes;

	@Autowired
	ChangeFollower follower;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Observed observed;

	@Autowired
	StatementLog statements;

	@BeforeEach
	void forget() {
		this.observed.changes.clear();
	}

	@Test
	void aPublicationIsOneChangeFollowedBeforeTheCallReturns() {
		ArticleSummary story = TestStories.story().section("science").publish(this.publishing);

		assertThat(this.observed.changes).singleElement().satisfies((change) -> {
			assertThat(change.kinds()).containsExactly(ChangeKind.PUBLISHED, ChangeKind.TICKER);
			assertThat(change.articleId()).isEqualTo(story.id());
			assertThat(change.sectionCode()).isEqualTo("science");
		});
		assertThat(this.follower.lag()).isZero();

		this.publishing.kill(story.id(), "Withdrawn.", "ada");
		assertThat(this.observed.changes).hasSize(2).last().satisfies((change) -> {
			assertThat(change.kinds()).containsExactly(ChangeKind.KILLED, ChangeKind.TICKER);
			assertThat(change.id()).isEqualTo(this.observed.changes.get(0).id() + 1);
		});
	}

	/**
	 * It used to be two records of three statements each: the counter moved, read back
	 * and a row inserted, once by the article and once by the ticker.
	 */
	@Test
	void aWritethruIsOneRecordWrittenWithTwoStatements() {
		ArticleSummary story = TestStories.story().publish(this.publishing);
		this.observed.changes.clear();

		List<String> sent = this.statements.during(() -> TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Harbour story, updated")
			.post(this.publishing, story));

		assertThat(sent.stream().filter((sql) -> sql.contains("change_"))).containsExactly(
				"update change_counter set last_id = last_id + 1 where id = 1",
				"insert into change_record (id, kinds, article_id, section_code, recorded_at, version_no, pub_status, "
						+ "embargo_until) values ((select last_id from change_counter where id = 1), ?, ?, ?, ?, ?, ?, ?)");
		assertThat(this.observed.changes).singleElement().satisfies((change) -> {
			assertThat(change.kinds()).containsExactly(ChangeKind.WRITETHRU, ChangeKind.TICKER);
			assertThat(change.state()).as("what a client replaying it is sent")
				.isEqualTo(new StoryState(2, "usable", null));
			assertThat(this.follower.recorded(change.id())).as("read back on its own").contains(change);
		});
		assertThat(this.follower.recorded(this.follower.newest() + 1)).isEmpty();
	}

	@Test
	void aTransactionThatChangesTwoArticlesRecordsEach() {
		List<ArticleSummary> stories = this.transactions
			.execute((status) -> List.of(TestStories.story().section("world").publish(this.publishing),
					TestStories.story().section("business").publish(this.publishing)));

		assertThat(this.observed.changes)
			.extracting(ChangeObserved::articleId, ChangeObserved::sectionCode, ChangeObserved::kinds)
			.containsExactly(tuple(stories.get(0).id(), "world", Set.of(ChangeKind.PUBLISHED, ChangeKind.TICKER)),
					tuple(stories.get(1).id(), "business", Set.of(ChangeKind.PUBLISHED, ChangeKind.TICKER)));
	}

	@Test
	void aRolledBackChangeIsNeverSeen() {
		long before = this.follower.lastSeen();
		this.transactions.executeWithoutResult((status) -> {
			this.ticker.post("A headline nobody will see", Urgency.ROUTINE, null, "ada");
			status.setRollbackOnly();
		});
		this.ticker.post("A headline everybody sees", Urgency.ROUTINE, null, "ada");

		assertThat(this.observed.changes).singleElement().satisfies((change) -> {
			assertThat(change.kinds()).containsExactly(ChangeKind.TICKER);
			assertThat(change.articleId()).isNull();
			assertThat(change.id()).isEqualTo(before + 1);
		});
	}

	@Test
	void aChangeIsRecordedOnlyInTheTransactionThatMakesIt() {
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.changes.record(ChangeKind.TICKER, null, null));
	}

	/**
	 * The editor's redirect waits for this node to follow the change, but a slow listener
	 * holds it no longer than the bound; the change is followed when the listener is
	 * done.
	 */
	@Test
	void aWriterWaitsForItsChangeToBeFollowedNoLongerThanTheBound() {
		CountDownLatch slow = new CountDownLatch(1);
		this.observed.hold = slow;
		try {
			long started = System.nanoTime();
			this.ticker.post("A headline the node is slow to follow", Urgency.ROUTINE, null, "ada");
			Duration waited = Duration.ofNanos(System.nanoTime() - started);

			assertThat(waited).isBetween(WRITER_WAIT, WRITER_WAIT.plusSeconds(4));
			assertThat(this.observed.changes).isEmpty();
		}
		finally {
			slow.countDown();
			this.observed.hold = null;
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.observed.changes.size() == 1);
	}

	@TestConfiguration
	static class Listener {

		@Bean
		Observed observed() {
			return new Observed();
		}

		@Bean
		static StatementLog statementLog() {
			return new StatementLog();
		}

	}

	static class Observed {

		final List<ChangeObserved> changes = new CopyOnWriteArrayList<>();

		/** While set, following a change waits for it. */
		volatile CountDownLatch hold;

		@EventListener
		void on(ChangeObserved change) throws InterruptedException {
			CountDownLatch hold = this.hold;
			if (hold != null) {
				hold.await();
			}
			this.changes.add(change);
		}

	}

}
