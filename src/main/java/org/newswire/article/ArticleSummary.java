package org.newswire.article;

/**
 * An article with the version readers see now; section and source are loaded with it.
 */
public record ArticleSummary(Article article, Writethru current) {

	/**
	 * The canonical reader URL.
	 */
	public String path() {
		return Paths.article(this.article);
	}

	/**
	 * How many times the story was updated after its first publication.
	 */
	public int updates() {
		return this.current.getSequence() - 1;
	}

}
