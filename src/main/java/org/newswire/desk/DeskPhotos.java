package org.newswire.desk;

import java.io.IOException;
import java.util.Optional;

import org.newswire.photo.Photo;
import org.newswire.photo.PhotoLibrary;
import org.newswire.photo.PhotoRefusedException;
import org.newswire.photo.Photos;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

/**
 * The lead photo of a story form, the same on the new-story and writethru forms: a file
 * chosen is stored in the library at the first preview, and from then on the form holds
 * its number, as it holds the number of one picked from the library or the previous
 * version's, so publishing files what the preview showed.
 */
@Component
class DeskPhotos {

	private final PhotoLibrary library;

	private final Photos photos;

	DeskPhotos(PhotoLibrary library, Photos photos) {
		this.library = library;
		this.photos = photos;
	}

	/**
	 * Applies the form's photo fields: remove, upload or look up the number.
	 * @return the photo the version will have, if any
	 */
	Optional<Photo> attach(StoryCopyForm form, BindingResult result, String editor) {
		if (form.isRemovePhoto()) {
			form.setPhotoId(null);
			form.setRemovePhoto(false);
		}
		MultipartFile file = form.getPhotoFile();
		if (file != null && !file.isEmpty() && !result.hasFieldErrors("photo*")) {
			Optional<Photo> uploaded = upload(form, file, result, editor);
			if (uploaded.isPresent()) {
				return uploaded;
			}
		}
		if (form.getPhotoId() == null) {
			return Optional.empty();
		}
		Optional<Photo> photo = this.photos.find(form.getPhotoId());
		if (photo.isEmpty()) {
			result.rejectValue("photoId", "desk.validation.photoId");
		}
		return photo;
	}

	/**
	 * The photo of a number a form was opened with, or {@code null}.
	 */
	Photo shown(Long photoId) {
		return (photoId != null) ? this.photos.find(photoId).orElse(null) : null;
	}

	/**
	 * The photo stored from the file, now the form's; empty, and the form told why, when
	 * it is refused.
	 */
	private Optional<Photo> upload(StoryCopyForm form, MultipartFile file, BindingResult result, String editor) {
		try {
			Photo photo = this.library.add(new PhotoLibrary.Upload(file.getBytes(), file.getOriginalFilename(),
					form.getPhotoCaption(), form.getPhotoCredit(), form.getPhotoAlt()), editor);
			form.setPhotoId(photo.id());
			form.setPhotoCaption(null);
			form.setPhotoCredit(null);
			form.setPhotoAlt(null);
			return Optional.of(photo);
		}
		catch (PhotoRefusedException ex) {
			result.rejectValue(ex.isAltText() ? "photoAlt" : "photoFile", "desk.validation.photo",
					new Object[] { ex.getMessage() }, ex.getMessage());
			// Browsers never refill a file field: the editor must choose the file again.
			if (ex.isAltText()) {
				result.rejectValue("photoFile", "desk.validation.photoAgain");
			}
		}
		catch (IOException ex) {
			result.rejectValue("photoFile", "desk.validation.photoAgain");
		}
		return Optional.empty();
	}

}
