package org.newswire.article.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.newswire.Paragraphs;
import org.newswire.article.EditorialListing.ScheduledVersion;
import org.newswire.article.Publishing.WritethruDraft;
import org.newswire.article.Urgency;
import org.newswire.article.WritethruKind;

/**
 * A writethru filed to go out later: the whole draft, the version it was filed from and
 * its release time. It is settled once: published, cancelled or found in conflict.
 */
@Entity
@Table(name = "scheduled_writethru")
class ScheduledWritethru {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "article_id")
	private long articleId;

	@Column(name = "base_sequence")
	private int baseSequence;

	@Enumerated(EnumType.STRING)
	private WritethruKind kind;

	private String headline;

	private String body;

	private String ednote;

	@Column(name = "correction_note")
	private String correctionNote;

	private String byline;

	private Urgency urgency;

	@Column(name = "photo_id")
	private Long photoId;

	private String editor;

	@Column(name = "release_at")
	private Instant releaseAt;

	@Enumerated(EnumType.STRING)
	private ScheduledVersion.State state;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "settled_at")
	private Instant settledAt;

	@Column(name = "settled_by")
	private String settledBy;

	@Column(name = "published_sequence")
	private Integer publishedSequence;

	/** Two nodes' release jobs cannot both settle it. */
	@Version
	@Column(name = "lock_version")
	private long lockVersion;

	protected ScheduledWritethru() {
	}

	ScheduledWritethru(long articleId, int baseSequence, WritethruDraft draft, String editor, Instant releaseAt,
			Instant createdAt) {
		this.articleId = articleId;
		this.baseSequence = baseSequence;
		this.kind = draft.kind();
		this.headline = draft.headline();
		this.body = Paragraphs.join(draft.paragraphs());
		this.ednote = draft.ednote();
		this.correctionNote = draft.correctionNote();
		this.byline = draft.byline();
		this.urgency = draft.urgency();
		this.photoId = draft.photoId();
		this.editor = editor;
		this.releaseAt = releaseAt;
		this.state = ScheduledVersion.State.SCHEDULED;
		this.createdAt = createdAt;
	}

	public WritethruDraft draft() {
		return new WritethruDraft(this.kind, this.headline, Paragraphs.split(this.body), this.ednote,
				this.correctionNote, this.byline, this.urgency, this.photoId);
	}

	public boolean isDue(Instant now) {
		return this.state == ScheduledVersion.State.SCHEDULED && !this.releaseAt.isAfter(now);
	}

	public void published(int sequence, Instant at) {
		settle(ScheduledVersion.State.PUBLISHED, at, null);
		this.publishedSequence = sequence;
	}

	public void conflicted(Instant at) {
		settle(ScheduledVersion.State.CONFLICT, at, null);
	}

	/**
	 * Withdraws it while it waits, or discards it after a conflict.
	 * @return {@code false} when it was published or cancelled already
	 */
	public boolean cancel(String by, Instant at) {
		if (this.state != ScheduledVersion.State.SCHEDULED && this.state != ScheduledVersion.State.CONFLICT) {
			return false;
		}
		settle(ScheduledVersion.State.CANCELLED, at, by);
		return true;
	}

	private void settle(ScheduledVersion.State state, Instant at, String by) {
		this.state = state;
		this.settledAt = at;
		this.settledBy = by;
	}

	public ScheduledVersion view() {
		return new ScheduledVersion(this.id, this.articleId, this.baseSequence, draft(), this.editor, this.releaseAt,
				this.state, this.createdAt, this.settledAt, this.settledBy, this.publishedSequence);
	}

	public long getArticleId() {
		return this.articleId;
	}

	public int getBaseSequence() {
		return this.baseSequence;
	}

	public String getEditor() {
		return this.editor;
	}

}
