package org.newswire.article;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Reader URLs of articles, in one place so pages, feeds and sitemaps agree.
 */
public final class Paths {

	private static final int MAX_SLUG_LENGTH = 80;

	/**
	 * Tag URI (RFC 4151) authority and date; fixed forever, or every client would see
	 * every story again as new.
	 */
	private static final String TAG = "tag:newswire,2026:";

	private Paths() {
	}

	public static String article(long id, String slug) {
		return "/articles/" + id + "/" + slug;
	}

	/**
	 * The identity of an article in every format (RSS guid, Atom id, ninjs uri, NewsML-G2
	 * guid): the same for all its writethrus and independent of host name and slug.
	 */
	public static String articleUri(long id) {
		return tagUri("article:" + id);
	}

	/**
	 * A permanent identifier of this wire, e.g.
	 * {@code tag:newswire,2026:feed:sections:world}.
	 */
	public static String tagUri(String specific) {
		return TAG + specific;
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

	/**
	 * The readable part of an article URL, made from its headline.
	 */
	public static String slug(String headline) {
		String ascii = Normalizer.normalize(headline, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
		if (slug.length() > MAX_SLUG_LENGTH) {
			slug = slug.substring(0, MAX_SLUG_LENGTH).replaceAll("-[^-]*$", "");
		}
		return slug.isEmpty() ? "story" : slug;
	}

}
