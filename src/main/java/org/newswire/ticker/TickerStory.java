package org.newswire.ticker;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * What the ticker knows of a story its lines may link to, learnt from the article events
 * alone: the version readers see now and whether the story is on hold. A killed story has
 * none (its row is deleted). Every event of one story is handled under its article's row
 * lock, in the transaction that changed it, so this row follows the article exactly.
 */
@Entity
@Table(name = "ticker_story")
class TickerStory implements Persistable<Long> {

	@Id
	@Column(name = "article_id")
	private Long articleId;

	@Column(name = "sequence_number")
	private Integer sequence;

	private String headline;

	/** The canonical page, or {@code null} when the ticker has heard of no version. */
	private String path;

	private boolean held;

	/** Whether it was made here rather than read: inserted without a look first. */
	@Transient
	private boolean fresh;

	protected TickerStory() {
	}

	TickerStory(long articleId) {
		this.articleId = articleId;
		this.fresh = true;
	}

	/**
	 * @param headline the headline led by its label, as the ticker shows it
	 */
	void published(int sequence, String headline, String path) {
		this.sequence = sequence;
		this.headline = headline;
		this.path = path;
	}

	void held(boolean held) {
		this.held = held;
	}

	@Override
	public Long getId() {
		return this.articleId;
	}

	@Override
	public boolean isNew() {
		return this.fresh;
	}

	@PostLoad
	@PostPersist
	void stored() {
		this.fresh = false;
	}

	/**
	 * The version readers see now, for the live stream's notice of a new one; none while
	 * it is on hold, as readers see the hold notice, not the text.
	 */
	Optional<TickerService.ArticleVersion> readable() {
		if (this.held || this.sequence == null) {
			return Optional.empty();
		}
		return Optional.of(new TickerService.ArticleVersion(this.articleId, this.sequence, this.headline, this.path));
	}

}
