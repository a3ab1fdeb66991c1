package org.newswire.ticker;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.newswire.article.Urgency;

/**
 * One line on the ticker. The article link is kept as an id, not an association: the
 * ticker reads no article. What a line shows of its story, the page it links to and
 * whether it is on hold, the ticker keeps itself from the article events
 * ({@link TickerStory}).
 */
@Entity
public class Headline {

	public static final int MAX_LENGTH = 200;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "title")
	private String text;

	private int urgency;

	@Column(name = "posted_at")
	private Instant postedAt;

	@Column(name = "article_id")
	private Long articleId;

	private boolean withdrawn;

	private String editor;

	protected Headline() {
	}

	Headline(String text, Urgency urgency, Instant postedAt, Long articleId, String editor) {
		this.text = text;
		this.urgency = urgency.level();
		this.postedAt = postedAt;
		this.articleId = articleId;
		this.editor = editor;
	}

	void withdraw() {
		this.withdrawn = true;
	}

	public Long getId() {
		return this.id;
	}

	public String getText() {
		return this.text;
	}

	public Urgency getUrgency() {
		return Urgency.of(this.urgency);
	}

	public Instant getPostedAt() {
		return this.postedAt;
	}

	public Long getArticleId() {
		return this.articleId;
	}

	public boolean isWithdrawn() {
		return this.withdrawn;
	}

	public String getEditor() {
		return this.editor;
	}

}
