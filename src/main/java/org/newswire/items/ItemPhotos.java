package org.newswire.items;

import java.util.Optional;

import org.newswire.article.ArticleSummary;
import org.newswire.article.VersionView;
import org.newswire.photo.Photo;

/**
 * The lead photo an item carries, as clients may see it: none for a story killed, held or
 * under embargo ({@link org.newswire.photo.Photos}).
 */
@FunctionalInterface
interface ItemPhotos {

	/** No item carries a photo. */
	ItemPhotos NONE = (story, version) -> Optional.empty();

	Optional<ItemPhoto> lead(ArticleSummary story, VersionView version);

	/**
	 * A photo with where its links start.
	 *
	 * @param origin the public origin, {@code null} when none is known (no
	 * {@code newswire.public-url} and no request, as for a webhook): the renditions are
	 * then listed without links
	 */
	record ItemPhoto(Photo photo, String origin) {

		/** Its id as a tag URI: the same photo has the same URI in every item. */
		String uri() {
			return "tag:newswire,2026:photo:" + this.photo.hash();
		}

		/** The absolute URL of a rendition, or {@code null} without an origin. */
		String href(Photo.Rendition rendition) {
			return (this.origin != null) ? this.origin + rendition.url() : null;
		}

	}

}
