package org.newswire.article;

/**
 * No article (or no such version of one) has this id; pages answer it with a 404.
 */
public class ArticleNotFoundException extends RuntimeException {

	public ArticleNotFoundException(long articleId) {
		super("No article " + articleId);
	}

	public ArticleNotFoundException(long articleId, int sequence) {
		super("No version " + sequence + " of article " + articleId);
	}

}
