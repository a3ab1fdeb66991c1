package org.newswire.photo;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Stored photos by id, for the surfaces that show a story's lead photo. The article
 * module decides whether readers may see one: {@code VersionView.photoId()} and
 * {@code StoryCard.photoId()} are {@code null} for a story killed or on hold, so a
 * surface that asks only for the ids it was handed never shows a withdrawn photo.
 */
public interface Photos {

	Optional<Photo> find(long photoId);

	/**
	 * The photos of the given ids, read in two statements whatever their count; unknown
	 * ids are left out.
	 */
	Map<Long, Photo> findAll(Collection<Long> photoIds);

}
