package org.newswire.desk;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.newswire.Paragraphs;
import org.newswire.article.ArticleSummary;
import org.newswire.article.EditorialListing.ScheduledVersion;
import org.newswire.article.Publishing.WritethruDraft;
import org.newswire.article.VersionView;
import org.newswire.article.WritethruKind;

/**
 * A new version of an article as typed on the desk, with the sequence of the version the
 * editor started from so a race with another editor is noticed.
 */
class WritethruForm extends StoryCopyForm {

	@NotNull(message = "{desk.validation.required}")
	@Min(value = 1, message = "{desk.validation.required}")
	private Integer baseSequence;

	@NotNull(message = "{desk.validation.required}")
	private WritethruKind kind = WritethruKind.LD_WRITETHRU;

	@NotBlank(message = "{desk.validation.ednote}")
	@Size(max = FormLimits.NOTE, message = "{desk.validation.size}")
	@PublishableText(singleLine = true)
	private String ednote;

	@Size(max = FormLimits.NOTE, message = "{desk.validation.size}")
	@PublishableText
	private String correctionNote;

	/**
	 * When the version goes out, as a {@code datetime-local} field sends it, in the
	 * portal's zone; blank to publish it now. Read by {@link DeskTimes}.
	 */
	@Size(max = FormLimits.TIME, message = "{desk.validation.size}")
	private String releaseAt;

	/**
	 * A form holding the version readers see now, to be edited into the next one.
	 */
	static WritethruForm from(ArticleSummary summary) {
		VersionView current = summary.current();
		WritethruForm form = new WritethruForm();
		form.baseSequence = current.sequence();
		form.setHeadline(current.headline());
		form.setBody(Paragraphs.join(current.paragraphs()));
		form.setByline(summary.byline());
		form.setUrgency(summary.urgency().level());
		// The next version keeps the photo unless the editor changes or removes it.
		form.setPhotoId(current.photoId());
		return form;
	}

	/**
	 * A form holding a scheduled writethru's text, to be filed again on the version that
	 * is current now.
	 */
	static WritethruForm from(ScheduledVersion kept, int currentSequence) {
		WritethruDraft draft = kept.draft();
		WritethruForm form = new WritethruForm();
		form.baseSequence = currentSequence;
		form.kind = draft.kind();
		form.ednote = draft.ednote();
		form.correctionNote = draft.correctionNote();
		form.setHeadline(draft.headline());
		form.setBody(Paragraphs.join(draft.paragraphs()));
		form.setByline(draft.byline());
		form.setUrgency(draft.urgency().level());
		form.setPhotoId(draft.photoId());
		return form;
	}

	boolean needsCorrectionNote() {
		return this.kind == WritethruKind.CORRECTS && (this.correctionNote == null || this.correctionNote.isBlank());
	}

	public Integer getBaseSequence() {
		return this.baseSequence;
	}

	public void setBaseSequence(Integer baseSequence) {
		this.baseSequence = baseSequence;
	}

	public WritethruKind getKind() {
		return this.kind;
	}

	public void setKind(WritethruKind kind) {
		this.kind = kind;
	}

	public String getEdnote() {
		return this.ednote;
	}

	public void setEdnote(String ednote) {
		this.ednote = ednote;
	}

	public String getReleaseAt() {
		return this.releaseAt;
	}

	public void setReleaseAt(String releaseAt) {
		this.releaseAt = releaseAt;
	}

	public String getCorrectionNote() {
		return this.correctionNote;
	}

	public void setCorrectionNote(String correctionNote) {
		this.correctionNote = correctionNote;
	}

}
