package org.newswire.items;

import java.time.Instant;
import java.util.List;

import org.newswire.article.ArticleSummary;
import org.newswire.article.VersionView;

/**
 * Writes stories for machines in each {@link ItemFormat}: one item, one change with its
 * item (what a webhook carries), and a page of the client feed.
 */
public interface Items {

	/**
	 * One story at one version, as it stood: {@code story}'s pubstatus, embargo and hold
	 * are those of that moment.
	 */
	byte[] item(ItemFormat format, ArticleSummary story, VersionView version);

	/** One change with its item. */
	byte[] entry(ItemFormat format, Entry entry);

	/**
	 * A page of the client feed: its entries in change order and the cursor that resumes
	 * after them.
	 * @throws IllegalArgumentException for an empty {@link ItemFormat#NEWSML_G2} page: a
	 * news message carries one item or more, so an empty answer has no body in that
	 * format
	 */
	byte[] page(ItemFormat format, List<Entry> entries, String nextPage);

	/**
	 * One change to one story, with the story as it stood after it.
	 *
	 * @param position the opaque cursor that resumes right after this change
	 * @param change what happened: {@code published}, {@code writethru},
	 * {@code correction}, {@code withheld}, {@code released}, {@code canceled},
	 * {@code embargoed}, {@code embargo-lifted}
	 */
	record Entry(String position, String change, Instant recordedAt, ArticleSummary story, VersionView version) {
	}

}
