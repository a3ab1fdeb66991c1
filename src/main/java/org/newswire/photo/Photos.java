package org.newswire.photo;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

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

	/**
	 * The lead photos of a list of stories by story id, read at once for the whole list;
	 * stories without one are left out.
	 * @param storyId a story's id
	 * @param photoId the id of the photo it leads with, {@code null} for none
	 */
	default <S> Map<Long, Photo> leads(List<S> stories, ToLongFunction<S> storyId, Function<S, Long> photoId) {
		Map<Long, Photo> found = findAll(stories.stream().map(photoId).filter(Objects::nonNull).toList());
		Map<Long, Photo> byStory = new HashMap<>();
		for (S story : stories) {
			Photo photo = found.get(photoId.apply(story));
			if (photo != null) {
				byStory.put(storyId.applyAsLong(story), photo);
			}
		}
		return byStory;
	}

}
