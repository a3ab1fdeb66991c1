package org.newswire.desk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Another time for an embargo to lift, as a {@code datetime-local} field sends it, in the
 * portal's zone. Read by {@link DeskTimes}.
 */
class EmbargoForm {

	@NotBlank(message = "{desk.validation.required}")
	@Size(max = FormLimits.TIME, message = "{desk.validation.size}")
	private String embargoUntil;

	public String getEmbargoUntil() {
		return this.embargoUntil;
	}

	public void setEmbargoUntil(String embargoUntil) {
		this.embargoUntil = embargoUntil;
	}

}
