package org.newswire.article;

/**
 * Reader URLs of articles, in one place so pages, feeds and sitemaps agree.
 */
public final class Paths {

	private Paths() {
	}

	public static String article(long id, String slug) {
		return "/articles/" + id + "/" + slug;
	}

	public static String versions(long id, String slug) {
		return article(id, slug) + "/versions";
	}

	public static String version(long id, String slug, int sequence) {
		return versions(id, slug) + "/" + sequence;
	}

	public static String compare(long id, String slug) {
		return article(id, slug) + "/compare";
	}

	public static String compare(long id, String slug, int from, int to) {
		return compare(id, slug) + "?from=" + from + "&to=" + to;
	}

	/**
	 * The Atom feed that follows one story: an entry per version.
	 */
	public static String feed(long id, String slug) {
		return article(id, slug) + "/atom.xml";
	}

	public static String section(String sectionCode) {
		return "/sections/" + sectionCode;
	}

}
