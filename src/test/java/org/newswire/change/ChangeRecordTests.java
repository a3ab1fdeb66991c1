package org.newswire.change;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.Publishing.NewArticle;
import org.newswire.article.Urgency;
import org.newswire.ticker.TickerService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The one-node case on the embedded database: what a committed change records is followed
 * before the writer's call returns, once and in order; what is rolled back is never seen.
 */
@SpringBootTest
class ChangeRecordTests {

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

	@BeforeEach
	void forget() {
		this.observed.changes.clear();
	}

	@Test
	void aPublicationIsFollowedOnceAndInOrderBeforeTheCallReturns() {
		ArticleSummary story = this.publishing
			.publish(new NewArticle("science", "Comet", "NWS", "TROMSO, Nov. 29 (Newswire) --", null, "en",
					Urgency.ROUTINE, "Comet seen from the fjords", List.of("Clear skies."), null), "ada");
		long id = story.id();

		assertThat(this.observed.changes).extracting(ChangeObserved::kind)
			.containsExactly(ChangeKind.PUBLISHED, ChangeKind.TICKER);
		assertThat(this.observed.changes).allSatisfy((change) -> assertThat(change.articleId()).isEqualTo(id));
		assertThat(this.observed.changes.get(0).sectionCode()).isEqualTo("science");
		assertThat(this.observed.changes.get(1).id()).isGreaterThan(this.observed.changes.get(0).id());
		assertThat(this.follower.lag()).isZero();

		this.publishing.kill(id, "Withdrawn.", "ada");
		assertThat(this.observed.changes).extracting(ChangeObserved::kind)
			.containsExactly(ChangeKind.PUBLISHED, ChangeKind.TICKER, ChangeKind.KILLED, ChangeKind.TICKER);
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
			assertThat(change.kind()).isEqualTo(ChangeKind.TICKER);
			assertThat(change.id()).isEqualTo(before + 1);
		});
	}

	@Test
	void aChangeIsRecordedOnlyInTheTransactionThatMakesIt() {
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.changes.record(ChangeKind.TICKER, null, null));
	}

	@TestConfiguration
	static class Listener {

		@Bean
		Observed observed() {
			return new Observed();
		}

	}

	static class Observed {

		final List<ChangeObserved> changes = new CopyOnWriteArrayList<>();

		@EventListener
		void on(ChangeObserved change) {
			this.changes.add(change);
		}

	}

}
