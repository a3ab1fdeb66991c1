package org.newswire.desk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Why a story is on hold: readers see this note in place of its text until it is
 * released.
 */
class HoldForm {

	@NotBlank(message = "{desk.validation.required}")
	@Size(max = FormLimits.HOLD_NOTE, message = "{desk.validation.size}")
	@PublishableText
	private String note;

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = note;
	}

}
