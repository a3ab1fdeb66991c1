package org.newswire.pagecache;

import org.newswire.change.ChangeObserved;

/**
 * A part shared by every page that changes more often than their bodies (the ticker).
 * Cached pages are stored without it, split at {@link PageCache#MARKER}, and it is
 * rendered once per change and joined in as each page is served.
 */
public interface LiveFragment {

	/** The fragment's HTML as of now, UTF-8. */
	byte[] render();

	/** Whether the change alters this fragment. */
	boolean changedBy(ChangeObserved change);

}
