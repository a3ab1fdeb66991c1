package org.newswire.desk;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.newswire.article.Urgency;
import org.newswire.photo.PhotoLibrary;

import org.springframework.web.multipart.MultipartFile;

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

	/**
	 * The lead photo, by its number in the library: the one the version had, one picked
	 * from the library, or one just uploaded.
	 */
	private Long photoId;

	/** Files the version without the photo it was given. */
	private boolean removePhoto;

	/**
	 * A new photo, with what the editor wrote of it; once stored, it is {@link #photoId}.
	 */
	private MultipartFile photoFile;

	@Size(max = PhotoLibrary.MAX_CAPTION, message = "{desk.validation.size}")
	@PublishableText(singleLine = true)
	private String photoCaption;

	@Size(max = PhotoLibrary.MAX_CREDIT, message = "{desk.validation.size}")
	@PublishableText(singleLine = true)
	private String photoCredit;

	@PublishableText(singleLine = true)
	private String photoAlt;

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

	public Long getPhotoId() {
		return this.photoId;
	}

	public void setPhotoId(Long photoId) {
		this.photoId = photoId;
	}

	public boolean isRemovePhoto() {
		return this.removePhoto;
	}

	public void setRemovePhoto(boolean removePhoto) {
		this.removePhoto = removePhoto;
	}

	public MultipartFile getPhotoFile() {
		return this.photoFile;
	}

	public void setPhotoFile(MultipartFile photoFile) {
		this.photoFile = photoFile;
	}

	public String getPhotoCaption() {
		return this.photoCaption;
	}

	public void setPhotoCaption(String photoCaption) {
		this.photoCaption = photoCaption;
	}

	public String getPhotoCredit() {
		return this.photoCredit;
	}

	public void setPhotoCredit(String photoCredit) {
		this.photoCredit = photoCredit;
	}

	public String getPhotoAlt() {
		return this.photoAlt;
	}

	public void setPhotoAlt(String photoAlt) {
		this.photoAlt = photoAlt;
	}

}
