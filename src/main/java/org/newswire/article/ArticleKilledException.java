package org.newswire.article;

/**
 * The article was killed; reader pages answer 410 Gone with the kill notice.
 */
public class ArticleKilledException extends RuntimeException {

	private final transient Article article;

	public ArticleKilledException(Article article) {
		super("Article " + article.getId() + " was killed");
		this.article = article;
	}

	public Article getArticle() {
		return this.article;
	}

}
