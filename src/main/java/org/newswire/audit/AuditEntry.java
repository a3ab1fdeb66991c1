package org.newswire.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;

/**
 * One line of the audit log: who did what, to which article or headline, and when. Never
 * changed once written.
 */
@Entity
@Immutable
class AuditEntry {

	static final int MAX_DETAILS = 500;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "occurred_at")
	private Instant occurredAt;

	private String editor;

	@Enumerated(EnumType.STRING)
	private AuditAction action;

	@Column(name = "article_id")
	private Long articleId;

	@Column(name = "headline_id")
	private Long headlineId;

	private String details;

	protected AuditEntry() {
	}

	AuditEntry(Instant occurredAt, String editor, AuditAction action, Long articleId, Long headlineId, String details) {
		this.occurredAt = occurredAt;
		this.editor = editor;
		this.action = action;
		this.articleId = articleId;
		this.headlineId = headlineId;
		this.details = (details.length() > MAX_DETAILS) ? details.substring(0, MAX_DETAILS - 1) + "…" : details;
	}

	public Long getId() {
		return this.id;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public String getEditor() {
		return this.editor;
	}

	public AuditAction getAction() {
		return this.action;
	}

	public Long getArticleId() {
		return this.articleId;
	}

	public Long getHeadlineId() {
		return this.headlineId;
	}

	public String getDetails() {
		return this.details;
	}

}
