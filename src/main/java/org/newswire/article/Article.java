package org.newswire.article;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

/**
 * A news story with a stable identity across all its writethrus. What readers see of it
 * at any time is its current writethru ({@link #getCurrentSequence()}).
 */
@Entity
public class Article {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String slug;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "section_code")
	private Section section;

	private String slugline;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "source_code")
	private Source source;

	private String dateline;

	private String byline;

	private String language;

	private int urgency;

	private PubStatus pubstatus;

	@Column(name = "first_published_at")
	private Instant firstPublishedAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "current_sequence")
	private int currentSequence;

	@Column(name = "kill_notice")
	private String killNotice;

	@Column(name = "killed_at")
	private Instant killedAt;

	/**
	 * Bumped with every writethru, so two editors racing from the same base cannot both
	 * commit even before the unique (article, sequence) constraint is reached.
	 */
	@Version
	@Column(name = "lock_version")
	private long lockVersion;

	protected Article() {
	}

	Article(String slug, Section section, String slugline, Source source, String dateline, String byline,
			String language, int urgency, Instant publishedAt) {
		this.slug = slug;
		this.section = section;
		this.slugline = slugline;
		this.source = source;
		this.dateline = dateline;
		this.byline = byline;
		this.language = language;
		this.urgency = urgency;
		this.pubstatus = PubStatus.USABLE;
		this.firstPublishedAt = publishedAt;
		this.updatedAt = publishedAt;
		this.currentSequence = 0;
	}

	void advanceTo(Writethru writethru, String slug, String byline, int urgency) {
		this.currentSequence = writethru.getSequence();
		this.updatedAt = writethru.getPublishedAt();
		this.slug = slug;
		this.byline = byline;
		this.urgency = urgency;
	}

	void kill(String notice, Instant at) {
		this.pubstatus = PubStatus.CANCELED;
		this.killNotice = notice;
		this.killedAt = at;
		this.updatedAt = at;
	}

	public boolean isKilled() {
		return this.pubstatus == PubStatus.CANCELED;
	}

	public Long getId() {
		return this.id;
	}

	public String getSlug() {
		return this.slug;
	}

	public Section getSection() {
		return this.section;
	}

	public String getSlugline() {
		return this.slugline;
	}

	public Source getSource() {
		return this.source;
	}

	public String getDateline() {
		return this.dateline;
	}

	public String getByline() {
		return this.byline;
	}

	public String getLanguage() {
		return this.language;
	}

	public int getUrgency() {
		return this.urgency;
	}

	public PubStatus getPubstatus() {
		return this.pubstatus;
	}

	public Instant getFirstPublishedAt() {
		return this.firstPublishedAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public int getCurrentSequence() {
		return this.currentSequence;
	}

	public String getKillNotice() {
		return this.killNotice;
	}

	public Instant getKilledAt() {
		return this.killedAt;
	}

}
