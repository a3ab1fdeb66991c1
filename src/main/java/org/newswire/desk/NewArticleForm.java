package org.newswire.desk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new story as typed on the desk; section and source codes are checked against the
 * database by the controller.
 */
class NewArticleForm extends StoryCopyForm {

	@NotBlank(message = "{desk.validation.required}")
	@Size(max = 40, message = "{desk.validation.size}")
	private String section;

	@NotBlank(message = "{desk.validation.required}")
	@Size(max = FormLimits.SLUGLINE, message = "{desk.validation.size}")
	@PublishableText(singleLine = true)
	private String slugline;

	@NotBlank(message = "{desk.validation.required}")
	@Size(max = 16, message = "{desk.validation.size}")
	private String source;

	@NotBlank(message = "{desk.validation.required}")
	@Size(max = FormLimits.DATELINE, message = "{desk.validation.size}")
	@PublishableText(singleLine = true)
	private String dateline;

	@Size(max = FormLimits.NOTE, message = "{desk.validation.size}")
	@PublishableText(singleLine = true)
	private String ednote;

	/**
	 * When the embargo lifts, as a {@code datetime-local} field sends it, in the portal's
	 * zone; blank for a story published at once. Read by {@link DeskTimes}.
	 */
	@Size(max = FormLimits.TIME, message = "{desk.validation.size}")
	private String embargoUntil;

	NewArticleForm() {
		// Most stories move at Routine; the editor raises it for news that is breaking.
		setUrgency(4);
	}

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

	public String getEmbargoUntil() {
		return this.embargoUntil;
	}

	public void setEmbargoUntil(String embargoUntil) {
		this.embargoUntil = embargoUntil;
	}

	public String getEdnote() {
		return this.ednote;
	}

	public void setEdnote(String ednote) {
		this.ednote = ednote;
	}

}
