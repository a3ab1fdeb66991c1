package org.newswire.change;

/**
 * What a recorded change did.
 */
public enum ChangeKind {

	/** A new article became readable (its writethru 1). */
	PUBLISHED,

	/** A new writethru of an article became the version readers see. */
	WRITETHRU,

	/** An article was withdrawn. */
	KILLED,

	/** A headline was posted on or withdrawn from the ticker. */
	TICKER,

	/** An article was put on hold: readers see the hold notice instead of its text. */
	HELD,

	/** An article on hold was returned to readers. */
	RELEASED;

	public boolean isArticleChange() {
		return this != TICKER;
	}

}
