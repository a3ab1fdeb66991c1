package org.newswire.pagecache;

import java.util.Set;

import org.newswire.change.ChangeObserved;

/**
 * What a change drops: the pages of its article, the pages of its article's section, and
 * the lists of the whole wire (home, corrections, search, feeds, sitemaps).
 */
public final class PageTags {

	/** Pages of one article; <code>{id}</code> is its id. */
	public static final String ARTICLE = "article:{id}";

	/** Pages of one section; <code>{section}</code> is its code. */
	public static final String SECTION = "section:{section}";

	/** Pages that list stories of every section. */
	public static final String LISTS = "lists";

	/**
	 * The live fragment (the ticker) on its own, as an edge that assembles pages keeps
	 * it.
	 */
	public static final String TICKER = "ticker";

	private PageTags() {
	}

	/**
	 * The tags of the pages a change alters. A ticker change alters no page body: the
	 * ticker is joined in when pages are served.
	 */
	public static Set<String> of(ChangeObserved change) {
		if (!change.changesArticle()) {
			return Set.of();
		}
		return Set.of(article(change.articleId()), section(change.sectionCode()), LISTS);
	}

	/** The tag of one article's pages. */
	public static String article(long id) {
		return ARTICLE.replace("{id}", Long.toString(id));
	}

	/** The tag of one section's pages. */
	public static String section(String code) {
		return SECTION.replace("{section}", code);
	}

}
