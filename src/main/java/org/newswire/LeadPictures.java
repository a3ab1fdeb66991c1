package org.newswire;

import java.util.Optional;

/**
 * The lead picture of a story version, as readers may see it: none for a story that is
 * killed, on hold or waiting for its embargo. The article page asks through this, as the
 * module that answers ({@code photo.Photos}) depends on the article module.
 */
public interface LeadPictures {

	Optional<? extends PictureView> lead(long articleId, int version);

}
