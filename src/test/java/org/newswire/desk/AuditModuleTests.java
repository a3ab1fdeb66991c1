package org.newswire.desk;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newswire.Stories;
import org.newswire.article.ArticleKilled;
import org.newswire.article.ArticlePublished;
import org.newswire.article.ArticleService;
import org.newswire.article.ArticleSummary;
import org.newswire.article.WritethruKind;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log follows events alone: each publication, correction and kill, each account
 * change, sign-in and sign-out, and each ticker headline posted or withdrawn by hand
 * leaves an entry with what the event carries, without the audit asking the module that
 * published it.
 */
@ApplicationModuleTest(BootstrapMode.ALL_DEPENDENCIES)
class AuditModuleTests {

	@Autowired
	ArticleService articles;

	@Autowired
	AuditTrail audit;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void publicationsCorrectionsAndKillsAreAudited(Scenario scenario) {
		scenario.stimulate(() -> Stories.story().headline("Tide tables revised").editor("ada").publish(this.articles))
			.andWaitForEventOfType(ArticlePublished.class)
			.toArriveAndVerify((published, story) -> assertThat(newest())
				.extracting(AuditEntry::getAction, AuditEntry::getArticleId, AuditEntry::getEditor,
						AuditEntry::getDetails)
				.containsExactly(AuditAction.PUBLISHED, story.id(), "ada", "Tide tables revised"));
		ArticleSummary story = this.articles.latest(null, null, 1).get(0);

		scenario
			.stimulate(() -> Stories.writethru(WritethruKind.CORRECTS)
				.headline("Tide tables revised")
				.editor("bob")
				.post(this.articles, story))
			.andWaitForEventOfType(ArticlePublished.class)
			.toArriveAndVerify((published) -> assertThat(newest())
				.extracting(AuditEntry::getAction, AuditEntry::getEditor, AuditEntry::getDetails)
				.containsExactly(AuditAction.CORRECTED, "bob", "v2: Correction: Tide tables revised"));

		scenario.stimulate(() -> this.articles.kill(story.id(), "Withdrawn: tables unchanged.", "cal"))
			.andWaitForEventOfType(ArticleKilled.class)
			.toArriveAndVerify((killed) -> assertThat(newest())
				.extracting(AuditEntry::getAction, AuditEntry::getArticleId, AuditEntry::getDetails)
				.containsExactly(AuditAction.KILLED, story.id(), "Withdrawn: tables unchanged."));
	}

	@Test
	void accountChangesSignInsAndHeadlinesPostedByHandAreAudited() {
		Map<EditorAccountChanged.Change, AuditAction> actions = Map.of(EditorAccountChanged.Change.DISABLED,
				AuditAction.EDITOR_DISABLED, EditorAccountChanged.Change.ENABLED, AuditAction.EDITOR_ENABLED,
				EditorAccountChanged.Change.PASSWORD_RESET, AuditAction.PASSWORD_RESET,
				EditorAccountChanged.Change.DEVICES_REVOKED, AuditAction.DEVICES_REVOKED);
		this.events.publishEvent(
				new EditorAccountChanged("night.desk", EditorRole.ADMIN, EditorAccountChanged.Change.CREATED, "chief"));
		assertThat(newest()).extracting(AuditEntry::getAction, AuditEntry::getEditor, AuditEntry::getDetails)
			.containsExactly(AuditAction.EDITOR_CREATED, "chief", "night.desk (ADMIN)");
		actions.forEach((change, action) -> {
			this.events.publishEvent(new EditorAccountChanged("night.desk", EditorRole.ADMIN, change, "chief"));
			assertThat(newest()).extracting(AuditEntry::getAction, AuditEntry::getEditor, AuditEntry::getDetails)
				.containsExactly(action, "chief", "night.desk");
		});

		this.events.publishEvent(new EditorSignedIn("ada", "10.9.0.1"));
		assertThat(newest()).extracting(AuditEntry::getAction, AuditEntry::getEditor, AuditEntry::getDetails)
			.containsExactly(AuditAction.SIGNED_IN, "ada", "from 10.9.0.1");
		this.events.publishEvent(new EditorSignedOut("ada", "10.9.0.1"));
		assertThat(newest()).extracting(AuditEntry::getAction, AuditEntry::getEditor, AuditEntry::getDetails)
			.containsExactly(AuditAction.SIGNED_OUT, "ada", "from 10.9.0.1");

		this.events.publishEvent(new HeadlinePosted(7, 42L, "Port reopens at dawn", "ada"));
		assertThat(newest())
			.extracting(AuditEntry::getAction, AuditEntry::getEditor, AuditEntry::getArticleId,
					AuditEntry::getHeadlineId, AuditEntry::getDetails)
			.containsExactly(AuditAction.HEADLINE_POSTED, "ada", 42L, 7L, "Port reopens at dawn");
		this.events.publishEvent(new HeadlineWithdrawn(7, 42L, "Port reopens at dawn", "bo"));
		assertThat(newest())
			.extracting(AuditEntry::getAction, AuditEntry::getEditor, AuditEntry::getArticleId,
					AuditEntry::getHeadlineId, AuditEntry::getDetails)
			.containsExactly(AuditAction.HEADLINE_WITHDRAWN, "bo", 42L, 7L, "Port reopens at dawn");
	}

	private AuditEntry newest() {
		return this.audit.page(null, 1).get(0);
	}

}
