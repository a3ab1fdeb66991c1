package org.newswire.desk;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.newswire.article.Urgency;

/**
 * A headline for the ticker, optionally linked to an article.
 */
class HeadlineForm {

	@NotBlank(message = "{desk.validation.required}")
	@Size(max = FormLimits.TICKER_TEXT, message = "{desk.validation.size}")
	@PublishableText(singleLine = true)
	private String text;

	@NotNull(message = "{desk.validation.required}")
	@Min(value = Urgency.HIGHEST, message = "{desk.validation.urgency}")
	@Max(value = Urgency.LOWEST, message = "{desk.validation.urgency}")
	private Integer urgency = 4;

	@Positive(message = "{desk.validation.articleId}")
	private Long articleId;

	public String getText() {
		return this.text;
	}

	public void setText(String text) {
		this.text = text;
	}

	public Integer getUrgency() {
		return this.urgency;
	}

	public void setUrgency(Integer urgency) {
		this.urgency = urgency;
	}

	public Long getArticleId() {
		return this.articleId;
	}

	public void setArticleId(Long articleId) {
		this.articleId = articleId;
	}

}
