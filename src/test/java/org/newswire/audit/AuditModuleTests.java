package org.newswire.audit;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newswire.accounts.EditorAccountChanged;
import org.newswire.accounts.EditorRole;
import org.newswire.accounts.EditorSignedIn;
import org.newswire.accounts.EditorSignedOut;
import org.newswire.article.ArticleEvent;
import org.newswire.article.Urgency;
import org.newswire.article.WritethruKind;
import org.newswire.desk.HeadlinePosted;
import org.newswire.desk.HeadlineWithdrawn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log follows events alone: each publication, correction and kill, each account
 * change, sign-in and sign-out, and each ticker headline posted or withdrawn by hand
 * leaves an entry with what the event carries. The module runs alone, with none of the
 * modules whose events it hears, so it cannot ask them anything.
 */
@ApplicationModuleTest
class AuditModuleTests {

	@Autowired
	AuditTrail audit;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void publicationsCorrectionsAndKillsAreAudited(Scenario scenario) {
		scenario
			.publish(new ArticleEvent.Published(41, 1, WritethruKind.LD_WRITETHRU, "Tide tables revised",
					Urgency.ROUTINE, "/articles/41/tide-tables-revised", "ada"))
			.andWaitForStateChange(this::newest)
			.andVerify((entry) -> assertThat(entry)
				.extracting(AuditEntry::getAction, AuditEntry::getArticleId, AuditEntry::getEditor,
						AuditEntry::getDetails)
				.containsExactly(AuditAction.PUBLISHED, 41L, "ada", "Tide tables revised"));

		scenario
			.publish(new ArticleEvent.Published(41, 2, WritethruKind.CORRECTS, "Correction: Tide tables revised",
					Urgency.ROUTINE, "/articles/41/tide-tables-revised", "bob"))
			.andWaitForStateChange(this::newest, (entry) -> entry.getAction() == AuditAction.CORRECTED)
			.andVerify((entry) -> assertThat(entry)
				.extracting(AuditEntry::getArticleId, AuditEntry::getEditor, AuditEntry::getDetails)
				.containsExactly(41L, "bob", "v2: Correction: Tide tables revised"));

		scenario.publish(new ArticleEvent.Killed(41, "Withdrawn: tables unchanged.", "cal"))
			.andWaitForStateChange(this::newest, (entry) -> entry.getAction() == AuditAction.KILLED)
			.andVerify((entry) -> assertThat(entry)
				.extracting(AuditEntry::getArticleId, AuditEntry::getEditor, AuditEntry::getDetails)
				.containsExactly(41L, "cal", "Withdrawn: tables unchanged."));
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

	@Test
	void everyAuditActionCanBeStored() {
		for (AuditAction action : AuditAction.values()) {
			this.audit.record("ada", action, null, null, "stored");
		}
		assertThat(this.audit.page(null, AuditAction.values().length)).extracting(AuditEntry::getAction)
			.containsExactlyInAnyOrder(AuditAction.values());
	}

	private AuditEntry newest() {
		return this.audit.page(null, 1).get(0);
	}

}
