package org.newswire.items;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

import jakarta.servlet.http.HttpServletRequest;
import org.newswire.PublicOrigin;
import org.newswire.article.ArticleSummary;
import org.newswire.article.VersionView;
import org.newswire.photo.Photo;
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

	@Override
	public BiFunction<ArticleSummary, VersionView, ItemPhoto> page(List<Items.Entry> entries) {
		Map<Long, Photo> found = this.photos
			.findAll(entries.stream().map((entry) -> entry.version().photoId()).filter(Objects::nonNull).toList());
		String origin = found.isEmpty() ? null : origin();
		return (story, version) -> {
			Photo photo = (version.photoId() != null) ? found.get(version.photoId()) : null;
			return (photo != null) ? new ItemPhoto(photo, origin) : null;
		};
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
