package org.newswire.items;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.newswire.PublicOrigin;
import org.newswire.article.ArticleSummary;
import org.newswire.article.VersionView;
import org.newswire.photo.Photos;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Items' photos from {@link Photos}, with links from the configured public origin, or
 * else from the request being answered.
 */
@Component
class LeadItemPhotos implements ItemPhotos {

	private final Photos photos;

	private final PublicOrigin origin;

	LeadItemPhotos(Photos photos, PublicOrigin origin) {
		this.photos = photos;
		this.origin = origin;
	}

	/**
	 * A version without a photo asks nothing: a page of the client feed reads no more
	 * than it did before photos.
	 */
	@Override
	public Optional<ItemPhoto> lead(ArticleSummary story, VersionView version) {
		if (version.photoId() == null) {
			return Optional.empty();
		}
		return this.photos.find(version.photoId()).map((photo) -> new ItemPhoto(photo, origin()));
	}

	private String origin() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (this.origin.isConfigured() || attributes instanceof ServletRequestAttributes) {
			HttpServletRequest request = (attributes instanceof ServletRequestAttributes servlet) ? servlet.getRequest()
					: null;
			return this.origin.of(request);
		}
		return null;
	}

}
