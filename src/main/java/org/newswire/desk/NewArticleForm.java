package org.newswire.desk;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new story as typed on the desk; section and source codes are checked against the
 * database by the controller.
 */
class NewArticleForm {

	@NotBlank(message = "{desk.validation.required}")
	@Size(max = 40, message = "{desk.validation.size}")
	private String section;

	@NotBlank(message = "{desk.validation.required}")
	@Size(max = FormLimits.SLUGLINE, message = "{desk.validation.size}")
	@Pattern(regexp = FormLimits.SINGLE_LINE, message = "{desk.validation.singleLine}")
	private String slugline;

	@NotBlank(message = "{desk.validation.required}")
	@Size(max = 16, message = "{desk.validation.size}")
	private String source;

	@NotBlank(message = "{desk.validation.required}")
	@Size(max = FormLimits.DATELINE, message = "{desk.validation.size}")
	@Pattern(regexp = FormLimits.SINGLE_LINE, message = "{desk.validation.singleLine}")
	private String dateline;

	@Size(max = FormLimits.BYLINE, message = "{desk.validation.size}")
	@Pattern(regexp = FormLimits.SINGLE_LINE, message = "{desk.validation.singleLine}")
	private String byline;

	@NotNull(message = "{desk.validation.required}")
	@Min(value = 1, message = "{desk.validation.urgency}")
	@Max(value = 8, message = "{desk.validation.urgency}")
	private Integer urgency = 4;

	@NotBlank(message = "{desk.validation.required}")
	@Size(max = FormLimits.HEADLINE, message = "{desk.validation.size}")
	@Pattern(regexp = FormLimits.SINGLE_LINE, message = "{desk.validation.singleLine}")
	private String headline;

	@NotBlank(message = "{desk.validation.required}")
	@Size(max = FormLimits.BODY, message = "{desk.validation.size}")
	private String body;

	@Size(max = FormLimits.NOTE, message = "{desk.validation.size}")
	private String ednote;

	public String getSection() {
		return this.section;
	}

	public void setSection(String section) {
		this.section = section;
	}

	public String getSlugline() {
		return this.slugline;
	}

	public void setSlugline(String slugline) {
		this.slugline = slugline;
	}

	public String getSource() {
		return this.source;
	}

	public void setSource(String source) {
		this.source = source;
	}

	public String getDateline() {
		return this.dateline;
	}

	public void setDateline(String dateline) {
		this.dateline = dateline;
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

	public String getEdnote() {
		return this.ednote;
	}

	public void setEdnote(String ednote) {
		this.ednote = ednote;
	}

}
