package org.newswire.photo;

import java.util.List;

/**
 * The desk's photos: uploads checked, decoded and rendered once, and the library editors
 * pick a story's lead photo from, every photo included whatever became of its stories.
 */
public interface PhotoLibrary {

	/**
	 * Checks an upload, stores it with its renditions and returns it. A caption or credit
	 * left blank is taken from the file's IPTC or XMP metadata where it has one.
	 * @throws PhotoRefusedException for a file that is not a JPEG, PNG or WebP picture of
	 * at most {@link #MAX_PIXELS}, or alt text that does not describe it
	 */
	Photo add(Upload upload, String editor);

	/**
	 * Photos whose caption or credit contains the text (any case), newest first; all of
	 * them, newest first, for a blank text.
	 */
	List<Photo> search(String text, int limit);

	/** The most pixels an upload may have: more are refused before being decoded. */
	long MAX_PIXELS = 50_000_000L;

	/** The longest alt text. */
	int MAX_ALT = 250;

	/** The longest caption. */
	int MAX_CAPTION = 1000;

	/** The longest credit. */
	int MAX_CREDIT = 200;

	/**
	 * A file as an editor uploads it, with what the editor typed.
	 *
	 * @param fileName the name the browser sent, which alt text must not merely repeat
	 */
	record Upload(byte[] bytes, String fileName, String caption, String credit, String alt) {
	}

}
