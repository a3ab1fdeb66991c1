package org.newswire.article;

/**
 * Reader URLs of articles, in one place so pages, feeds and sitemaps agree.
 */
public final class Paths {

	private Paths() {
	}

	public static String article(Article article) {
		return article(article.getId(), article.getSlug());
	}

	public static String article(long id, String slug) {
		return "/articles/" + id + "/" + slug;
	}

	public static String versions(Article article) {
		return article(article) + "/versions";
	}

	public static String version(Article article, int sequence) {
		return versions(article) + "/" + sequence;
	}

	public static String compare(Article article) {
		return article(article) + "/compare";
	}

	public static String compare(Article article, int from, int to) {
		return compare(article) + "?from=" + from + "&to=" + to;
	}

	public static String section(String sectionCode) {
		return "/sections/" + sectionCode;
	}

}
