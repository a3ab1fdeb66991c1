package org.newswire.article.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.newswire.article.ArticleException;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Listings;
import org.newswire.article.Listings.ArticleLink;
import org.newswire.article.Listings.Cursor;
import org.newswire.article.Listings.IdBlock;
import org.newswire.article.PubStatus;
import org.newswire.article.SectionView;
import org.newswire.article.SourceView;
import org.newswire.article.Stories;
import org.newswire.article.StoryCard;
import org.newswire.article.VersionView;
import org.newswire.change.StoryState;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What readers and clients may read of stories, as they may see it: a story on hold
 * withheld ({@link Withholding}), one waiting for its embargo left out.
 */
@Service
@Transactional(readOnly = true)
class StoryReads implements Stories, Listings {

	private final ArticleRepository articles;

	private final WritethruRepository writethrus;

	private final SectionRepository sections;

	private final SourceRepository sources;

	private volatile List<SectionView> allSections;

	StoryReads(ArticleRepository articles, WritethruRepository writethrus, SectionRepository sections,
			SourceRepository sources) {
		this.articles = articles;
		this.writethrus = writethrus;
		this.sections = sections;
		this.sources = sources;
	}

	@Override
	public Optional<ArticleSummary> find(long articleId) {
		return known(this.articles.findWithCurrent(articleId));
	}

	@Override
	public ArticleSummary readable(long articleId) {
		return readable(articleId, this.articles.findWithCurrent(articleId));
	}

	@Override
	public StoryWithCorrections page(long articleId) {
		List<Object[]> rows = this.articles.findWithCorrections(articleId);
		ArticleSummary story = readable(articleId, rows);
		List<CorrectionNote> corrections = rows.stream()
			.filter((row) -> row[2] != null)
			.map((row) -> new CorrectionNote((String) row[2], (Instant) row[3]))
			.toList();
		return new StoryWithCorrections(story, Withholding.notes(story.pubstatus(), corrections));
	}

	private static ArticleSummary readable(long articleId, List<Object[]> rows) {
		ArticleSummary story = known(rows).orElseThrow(() -> new ArticleException.NotFound(articleId));
		if (story.killed()) {
			throw new ArticleException.Killed(articleId, story.killNotice(), story.killedAt());
		}
		return story;
	}

	/**
	 * The story of rows that start with (article, current writethru), unless it waits for
	 * its embargo.
	 */
	private static Optional<ArticleSummary> known(List<Object[]> rows) {
		return rows.stream()
			.findFirst()
			.map(Article::summary)
			.filter((story) -> !story.embargoed())
			.map(Withholding::story);
	}

	/**
	 * Rows of (article, current writethru) as readers may see them.
	 */
	private static List<ArticleSummary> forReaders(List<Object[]> rows) {
		return Article.summaries(rows).stream().map(Withholding::story).toList();
	}

	private static VersionView forReaders(Writethru writethru) {
		return Withholding.version(writethru.getArticle().getPubstatus(), writethru.view());
	}

	@Override
	public List<VersionView> versions(long articleId) {
		return this.writethrus.findAllOf(articleId).stream().map(StoryReads::forReaders).toList();
	}

	@Override
	public Optional<VersionView> version(long articleId, int sequence) {
		return this.writethrus.findVersion(articleId, sequence).map(StoryReads::forReaders);
	}

	@Override
	public Optional<ArticleSummary> asRecorded(long articleId, StoryState state) {
		return this.writethrus.findAnyVersion(articleId, state.version()).map((writethru) -> {
			ArticleSummary now = writethru.getArticle().summary(writethru);
			PubStatus then = PubStatus.ofNinjs(state.pubStatus());
			boolean withheld = then == PubStatus.WITHHELD || now.held();
			// A story killed since keeps the text the change carried, not its photo.
			PubStatus seen = withheld ? PubStatus.WITHHELD : (now.killed() ? PubStatus.CANCELED : then);
			VersionView version = Withholding.version(seen, now.current());
			boolean killed = then == PubStatus.CANCELED;
			return new ArticleSummary(now.id(), now.slug(), now.section(), now.source(), now.slugline(), now.dateline(),
					now.byline(), now.language(), now.urgency(), then, now.firstPublishedAt(), now.updatedAt(),
					killed ? now.killNotice() : null, killed ? now.killedAt() : null,
					state.embargoed() ? state.embargoUntil() : now.embargoUntil(), state.embargoed(),
					(then == PubStatus.WITHHELD) ? now.holdNote() : null,
					(then == PubStatus.WITHHELD) ? now.heldAt() : null, version);
		});
	}

	@Override
	public List<ArticleSummary> current(List<Long> articleIds) {
		return articleIds.isEmpty() ? List.of()
				: forReaders(this.articles.findCurrent(articleIds)).stream()
					.filter((story) -> !story.embargoed())
					.toList();
	}

	/**
	 * A story on hold has no corrections to show ({@link Withholding}), so the query
	 * leaves it out.
	 */
	@Override
	public List<Correction> corrections(int limit) {
		return this.writethrus.findCorrections(Limit.of(limit))
			.stream()
			.map((writethru) -> new Correction(writethru.getArticle().getSlug(), forReaders(writethru)))
			.toList();
	}

	@Override
	public List<StoryCard> latest(String sectionCode, Cursor before, int limit) {
		return latestWithText(sectionCode, before, limit).stream().map(StoryCard::of).toList();
	}

	@Override
	public List<ArticleSummary> latestWithText(String sectionCode, Cursor before, int limit) {
		Cursor from = (before != null) ? before : Cursor.NEWEST;
		return forReaders((sectionCode != null)
				? this.articles.findVisibleIn(sectionCode, from.updatedAt(), from.id(), Limit.of(limit))
				: this.articles.findVisible(from.updatedAt(), from.id(), Limit.of(limit)));
	}

	@Override
	public List<ArticleSummary> updatedSince(Instant since, int limit) {
		return forReaders(this.articles.findUpdatedSince(since, Limit.of(limit)));
	}

	@Override
	public List<ArticleSummary> firstPublishedSince(Instant since, int limit) {
		return forReaders(this.articles.findFirstPublishedSince(since, Limit.of(limit)));
	}

	/**
	 * Every page's navigation reads the sections from memory: they come with the schema
	 * and never change while the portal runs.
	 */
	@Override
	public List<SectionView> sections() {
		List<SectionView> all = this.allSections;
		if (all == null) {
			all = this.sections.findAllByOrderByDisplayOrder().stream().map(Section::view).toList();
			this.allSections = all;
		}
		return all;
	}

	@Override
	public Optional<SectionView> section(String code) {
		return sections().stream().filter((section) -> section.code().equals(code)).findFirst();
	}

	@Override
	public List<SourceView> sources() {
		return this.sources.findAllByOrderByName().stream().map(Source::view).toList();
	}

	@Override
	public List<IdBlock> blocks(int size) {
		long maxId = this.articles.findMaxId();
		List<IdBlock> blocks = new ArrayList<>();
		for (long first = 1; first <= maxId; first += size) {
			blocks.add(block(first, first + size - 1));
		}
		return blocks;
	}

	@Override
	public IdBlock block(long firstId, long lastId) {
		Object[] state = this.articles.findBlockState(firstId - 1, lastId).get(0);
		return new IdBlock(firstId, lastId, ((Number) state[0]).longValue(), (Instant) state[1]);
	}

	@Override
	public List<ArticleLink> links(IdBlock block) {
		return this.articles.findLinks(block.firstId() - 1, block.lastId());
	}

	@Override
	public long count() {
		return this.articles.count();
	}

}
