package org.newswire.desk;

import org.junit.jupiter.api.Test;
import org.newswire.TestStories;
import org.newswire.article.ArticleEvent;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Listings;
import org.newswire.article.Publishing;
import org.newswire.article.WritethruKind;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's audit log follows the article events alone: each publication, correction and
 * kill leaves an entry with what the event carries, without the audit asking the article
 * module again.
 */
@ApplicationModuleTest(BootstrapMode.ALL_DEPENDENCIES)
class AuditModuleTests {

	@Autowired
	Listings listings;

	@Autowired
	Publishing publishing;

	@Autowired
	AuditTrail audit;

	@Test
	void publicationsCorrectionsAndKillsAreAudited(Scenario scenario) {
		scenario
			.stimulate(() -> TestStories.story().headline("Tide tables revised").editor("ada").publish(this.publishing))
			.andWaitForEventOfType(ArticleEvent.Published.class)
			.toArriveAndVerify((published, story) -> assertThat(newest())
				.extracting(AuditEntry::getAction, AuditEntry::getArticleId, AuditEntry::getEditor,
						AuditEntry::getDetails)
				.containsExactly(AuditAction.PUBLISHED, story.id(), "ada", "Tide tables revised"));
		ArticleSummary story = this.listings.latestWithText(null, null, 1).get(0);

		scenario
			.stimulate(() -> TestStories.writethru(WritethruKind.CORRECTS)
				.headline("Tide tables revised")
				.editor("bob")
				.post(this.publishing, story))
			.andWaitForEventOfType(ArticleEvent.Published.class)
			.toArriveAndVerify((published) -> assertThat(newest())
				.extracting(AuditEntry::getAction, AuditEntry::getEditor, AuditEntry::getDetails)
				.containsExactly(AuditAction.CORRECTED, "bob", "v2: Correction: Tide tables revised"));

		scenario.stimulate(() -> this.publishing.kill(story.id(), "Withdrawn: tables unchanged.", "cal"))
			.andWaitForEventOfType(ArticleEvent.Killed.class)
			.toArriveAndVerify((killed) -> assertThat(newest())
				.extracting(AuditEntry::getAction, AuditEntry::getArticleId, AuditEntry::getDetails)
				.containsExactly(AuditAction.KILLED, story.id(), "Withdrawn: tables unchanged."));
	}

	private AuditEntry newest() {
		return this.audit.page(null, 1).get(0);
	}

}
