package org.newswire.desk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The notice readers get in place of a killed story.
 */
class KillForm {

	@NotBlank(message = "{desk.validation.required}")
	@Size(max = FormLimits.KILL_NOTICE, message = "{desk.validation.size}")
	@PublishableText
	private String notice;

	public String getNotice() {
		return this.notice;
	}

	public void setNotice(String notice) {
		this.notice = notice;
	}

}
