package org.newswire.article;

/**
 * An embargo was to be moved or lifted, but the story is public already (another editor
 * or the release job got there first). The desk answers 409.
 */
public class NotEmbargoedException extends IllegalStateException {

	public NotEmbargoedException(long articleId) {
		super("Article " + articleId + " is not under embargo");
	}

}
