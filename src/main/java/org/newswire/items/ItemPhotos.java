package org.newswire.items;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

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
	 * The lead photos of a page of entries, read before the page is written: a page of
	 * the client feed asks once, not once per entry with a photo.
	 */
	default BiFunction<ArticleSummary, VersionView, ItemPhoto> page(List<Items.Entry> entries) {
		return (story, version) -> lead(story, version).orElse(null);
	}

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
