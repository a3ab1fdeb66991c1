package org.newswire.article;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Many stories at once, as readers and clients may see them: listings, feeds, sitemaps,
 * and the sections and sources that organise them. Pages get {@link StoryCard}s; feeds
 * and the search index, which need the text, get {@link ArticleSummary}s.
 */
public interface Listings {

	/**
	 * Visible stories as cards, most recently updated first, older than {@code before}
	 * (or from the newest when it is {@code null}); {@code sectionCode} {@code null}
	 * means all.
	 */
	List<StoryCard> latest(String sectionCode, Cursor before, int limit);

	/**
	 * {@link #latest} with each story's whole current version.
	 */
	List<ArticleSummary> latestWithText(String sectionCode, Cursor before, int limit);

	/**
	 * Every story touched since the given time, killed ones included, for clients that
	 * poll.
	 */
	List<ArticleSummary> updatedSince(Instant since, int limit);

	/**
	 * Visible stories first published since the given time, newest first (news sitemaps).
	 */
	List<ArticleSummary> firstPublishedSince(Instant since, int limit);

	/**
	 * The sections, in display order. They come with the schema and never change while
	 * the portal runs.
	 */
	List<SectionView> sections();

	Optional<SectionView> section(String code);

	List<SourceView> sources();

	/**
	 * The article ids from 1 to the newest in blocks of {@code size}, each with its
	 * state.
	 */
	List<IdBlock> blocks(int size);

	/**
	 * The state of the articles with ids from {@code firstId} to {@code lastId}.
	 */
	IdBlock block(long firstId, long lastId);

	/**
	 * Visible stories of a block, by id.
	 */
	List<ArticleLink> links(IdBlock block);

	/**
	 * How many stories there are, in any state.
	 */
	long count();

	/**
	 * A keyset position in a newest-first listing: the (updated time, id) of the last
	 * story shown. Its text form travels in "older stories" links.
	 */
	record Cursor(Instant updatedAt, long id) {

		private static final char SEPARATOR = '~';

		/** Sorts after every real story: the first page of a listing. */
		public static final Cursor NEWEST = new Cursor(Instant.parse("9999-12-31T00:00:00Z"), Long.MAX_VALUE);

		public static Cursor after(ArticleSummary last) {
			return new Cursor(last.updatedAt(), last.id());
		}

		public static Cursor after(StoryCard last) {
			return new Cursor(last.updatedAt(), last.id());
		}

		/**
		 * @throws IllegalArgumentException when the text is not a cursor this class wrote
		 */
		public static Cursor parse(String text) {
			int at = (text != null) ? text.lastIndexOf(SEPARATOR) : -1;
			if (at <= 0 || text.length() > 80) {
				throw new IllegalArgumentException("Not a listing position: " + text);
			}
			try {
				return new Cursor(Instant.parse(text.substring(0, at)), Long.parseLong(text.substring(at + 1)));
			}
			catch (DateTimeParseException | NumberFormatException ex) {
				throw new IllegalArgumentException("Not a listing position: " + text, ex);
			}
		}

		@Override
		public String toString() {
			return this.updatedAt.toString() + SEPARATOR + this.id;
		}

	}

	/**
	 * A block of consecutive article ids ({@code firstId} to {@code lastId}), the unit
	 * large listings such as sitemaps split the archive into: a block keeps its stories
	 * whatever is published later, so only a change to one of them changes it.
	 *
	 * @param visible how many of its stories readers can see
	 * @param lastModified when any of its stories last changed (published, rewritten or
	 * killed), or {@code null} for a block without stories
	 */
	record IdBlock(long firstId, long lastId, long visible, Instant lastModified) {
	}

	/**
	 * A visible story's reader URL and when it last changed: what a sitemap lists, read
	 * without the story's text.
	 */
	record ArticleLink(long id, String slug, Instant updatedAt) {

		public String path() {
			return Paths.article(this.id, this.slug);
		}

	}

}
