package org.newswire.article.internal;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newswire.TestStories;
import org.newswire.article.ArticleException;
import org.newswire.article.ArticleSummary;
import org.newswire.article.PubStatus;
import org.newswire.article.Urgency;
import org.newswire.article.VersionView;
import org.newswire.article.WritethruKind;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The rules a story keeps about its own versions, without a database.
 */
class ArticleTests {

	private static final Instant FILED = Instant.parse("2026-11-26T09:00:00Z");

	private static final List<WritethruKind> FIRST_ONLY = List.of(WritethruKind.LD_WRITETHRU);

	private Article article;

	private Writethru first;

	@BeforeEach
	void fileTheFirstVersion() {
		this.article = new Article(TestStories.story().urgency(Urgency.ROUTINE).draft(), new Section(), new Source(),
				FILED, null);
		ReflectionTestUtils.setField(this.article, "id", 42L);
		this.first = this.article.firstVersion(TestStories.story().draft(), "ada");
		assertThat(this.first.view().sequence()).isEqualTo(1);
		assertThat(this.first.view().label()).isNull();
	}

	@Test
	void theNextVersionFollowsTheBaseWithItsLabelAndMovesTheStory() {
		Writethru next = this.article.postWritethru(1,
				TestStories.writethru(WritethruKind.CORRECTS)
					.headline("Harbour pier reopens after repairs")
					.urgency(Urgency.BULLETIN)
					.draft(),
				FIRST_ONLY, "bob", FILED.plusSeconds(60));

		VersionView version = next.view();
		assertThat(version.sequence()).isEqualTo(2);
		assertThat(version.label()).isEqualTo("Correction");
		assertThat(version.editor()).isEqualTo("bob");
		assertThat(this.article.getSlug()).isEqualTo("harbour-pier-reopens-after-repairs");
		assertThat(this.article.summary(next).updatedAt()).isEqualTo(FILED.plusSeconds(60));
		assertThat(this.article.summary(next).urgency()).isEqualTo(Urgency.BULLETIN);
	}

	@Test
	void aVersionFiledOnAnOlderBaseIsRefused() {
		this.article.postWritethru(1, TestStories.writethru(WritethruKind.LD_WRITETHRU).draft(), FIRST_ONLY, "bob",
				FILED.plusSeconds(60));

		assertThatExceptionOfType(ArticleException.Stale.class)
			.isThrownBy(() -> this.article.postWritethru(1, TestStories.writethru(WritethruKind.ADDS).draft(),
					List.of(WritethruKind.LD_WRITETHRU, WritethruKind.LD_WRITETHRU), "cal", FILED.plusSeconds(90)))
			.satisfies((stale) -> assertThat(stale.getCurrentSequence()).isEqualTo(2));
	}

	@Test
	void nothingFollowsAKill() {
		assertThat(this.article.kill("Withdrawn.", FILED.plusSeconds(120))).isTrue();
		assertThat(this.article.kill("Again.", FILED.plusSeconds(180))).isFalse();

		assertThatExceptionOfType(ArticleException.Killed.class)
			.isThrownBy(() -> this.article.postWritethru(1, TestStories.writethru(WritethruKind.LD_WRITETHRU).draft(),
					FIRST_ONLY, "bob", FILED.plusSeconds(240)))
			.satisfies((killed) -> {
				assertThat(killed.getKillNotice()).isEqualTo("Withdrawn.");
				assertThat(killed.getKilledAt()).isEqualTo(FILED.plusSeconds(120));
			});
	}

	@Test
	void aHoldWithholdsTheStoryUntilItIsReleased() {
		assertThat(this.article.hold("Checking the casualty figures.", FILED.plusSeconds(60))).isTrue();
		assertThat(this.article.hold("Again.", FILED.plusSeconds(90))).isFalse();
		ArticleSummary held = this.article.summary(this.first);
		assertThat(held.held()).isTrue();
		assertThat(held.pubstatus()).isEqualTo(PubStatus.WITHHELD);
		assertThat(held.holdNote()).isEqualTo("Checking the casualty figures.");
		assertThat(held.heldAt()).isEqualTo(FILED.plusSeconds(60));

		assertThat(this.article.releaseHold(FILED.plusSeconds(120))).isTrue();
		assertThat(this.article.releaseHold(FILED.plusSeconds(150))).isFalse();
		ArticleSummary released = this.article.summary(this.first);
		assertThat(released.pubstatus()).isEqualTo(PubStatus.USABLE);
		assertThat(released.holdNote()).isNull();
		assertThat(released.updatedAt()).isEqualTo(FILED.plusSeconds(120));
	}

	@Test
	void aKilledStoryCannotBeHeldButAHeldOneCanBeKilled() {
		this.article.hold("Checking.", FILED.plusSeconds(60));
		assertThat(this.article.kill("Withdrawn.", FILED.plusSeconds(120))).isTrue();
		assertThat(this.article.summary(this.first).pubstatus()).isEqualTo(PubStatus.CANCELED);

		assertThatExceptionOfType(ArticleException.Killed.class)
			.isThrownBy(() -> this.article.hold("Checking.", FILED.plusSeconds(180)));
		assertThat(this.article.releaseHold(FILED.plusSeconds(240))).isFalse();
	}

}
