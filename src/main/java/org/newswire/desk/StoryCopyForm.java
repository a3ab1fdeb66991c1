package org.newswire.desk;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.newswire.article.Urgency;

/**
 * What every version of a story carries, whether a new story or a writethru, with the
 * same limits in both forms.
 */
abstract class StoryCopyForm {

	@NotBlank(message = "{desk.validation.required}")
	@Size(max = FormLimits.HEADLINE, message = "{desk.validation.size}")
	@PublishableText(singleLine = true)
	private String headline;

	@NotBlank(message = "{desk.validation.required}")
	@Size(max = FormLimits.BODY, message = "{desk.validation.size}")
	@PublishableText
	private String body;

	@Size(max = FormLimits.BYLINE, message = "{desk.validation.size}")
	@PublishableText(singleLine = true)
	private String byline;

	@NotNull(message = "{desk.validation.required}")
	@Min(value = Urgency.HIGHEST, message = "{desk.validation.urgency}")
	@Max(value = Urgency.LOWEST, message = "{desk.validation.urgency}")
	private Integer urgency;

	public String getHeadline() {
		return this.headline;
	}

	public void setHeadline(String headline) {
		this.headline = headline;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public String getByline() {
		return this.byline;
	}

	public void setByline(String byline) {
		this.byline = byline;
	}

	public Integer getUrgency() {
		return this.urgency;
	}

	public void setUrgency(Integer urgency) {
		this.urgency = urgency;
	}

}
