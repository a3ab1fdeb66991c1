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
	TICKER;

	public boolean isArticleChange() {
		return this != TICKER;
	}

}
