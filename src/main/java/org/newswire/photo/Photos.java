package org.newswire.photo;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.newswire.LeadPictures;

/**
 * The lead photos of stories as readers and clients may see them: none for a story that
 * is killed, on hold or waiting for its embargo.
 */
public interface Photos extends LeadPictures {

	/**
	 * The lead photo of one version of a story.
	 */
	@Override
	Optional<Photo> lead(long articleId, int version);

	/**
	 * The lead photos of the current versions of the given stories, read in a fixed
	 * number of statements whatever their count; stories without one are left out.
	 */
	Map<Long, Photo> leads(Collection<Long> articleIds);

}
