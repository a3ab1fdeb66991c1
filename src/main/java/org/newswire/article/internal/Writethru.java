package org.newswire.article.internal;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.Immutable;
import org.newswire.Paragraphs;
import org.newswire.article.VersionView;
import org.newswire.article.WritethruKind;

/**
 * One published version of an article. Never changed once written: a correction is a new
 * writethru, so readers can always see what each version said.
 */
@Entity
@Immutable
class Writethru {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "article_id")
	private Article article;

	@Column(name = "sequence_number")
	private int sequence;

	@Enumerated(EnumType.STRING)
	private WritethruKind kind;

	private String label;

	private String headline;

	private String body;

	private String ednote;

	@Column(name = "correction_note")
	private String correctionNote;

	private String editor;

	@Column(name = "published_at")
	private Instant publishedAt;

	@Column(name = "photo_id")
	private Long photoId;

	protected Writethru() {
	}

	Writethru(Article article, int sequence, WritethruKind kind, String label, String headline, List<String> paragraphs,
			String ednote, String correctionNote, String editor, Instant publishedAt, Long photoId) {
		this.article = article;
		this.sequence = sequence;
		this.kind = kind;
		this.label = label;
		this.headline = headline;
		this.body = Paragraphs.join(paragraphs);
		this.ednote = ednote;
		this.correctionNote = correctionNote;
		this.editor = editor;
		this.publishedAt = publishedAt;
		this.photoId = photoId;
	}

	/**
	 * What other modules see of this version.
	 */
	public VersionView view() {
		return new VersionView(this.article.getId(), this.sequence, this.kind, this.label, this.headline,
				Paragraphs.split(this.body), this.ednote, this.correctionNote, this.editor, this.publishedAt,
				this.photoId);
	}

	public Article getArticle() {
		return this.article;
	}

	public int getSequence() {
		return this.sequence;
	}

	public Instant getPublishedAt() {
		return this.publishedAt;
	}

}
