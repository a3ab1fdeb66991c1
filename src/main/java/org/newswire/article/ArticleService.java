package org.newswire.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.newswire.article.internal.Article;
import org.newswire.article.internal.ArticleRepository;
import org.newswire.article.internal.PendingEmbargo;
import org.newswire.article.internal.PendingEmbargoRepository;
import org.newswire.article.internal.Section;
import org.newswire.article.internal.SectionRepository;
import org.newswire.article.internal.Source;
import org.newswire.article.internal.SourceRepository;
import org.newswire.article.internal.Writethru;
import org.newswire.article.internal.WritethruRepository;
import org.newswire.change.ChangeKind;
import org.newswire.change.Changes;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing articles and the reads every other module makes of them. The rules of a
 * story's versions live on {@link Article}; this service loads, locks, stores and
 * announces. What it reads for readers and clients comes as they may see it: a story on
 * hold withheld ({@link Withholding}).
 */
@Service
@Transactional(readOnly = true)
public class ArticleService {

	private final ArticleRepository articles;

	private final WritethruRepository writethrus;

	private final SectionRepository sections;

	private final SourceRepository sources;

	private final PendingEmbargoRepository pendingEmbargoes;

	private final ApplicationEventPublisher events;

	private final Changes changes;

	private final Clock clock;

	private volatile List<SectionView> allSections;

	ArticleService(ArticleRepository articles, WritethruRepository writethrus, SectionRepository sections,
			SourceRepository sources, PendingEmbargoRepository pendingEmbargoes, ApplicationEventPublisher events,
			Changes changes, Clock clock) {
		this.articles = articles;
		this.writethrus = writethrus;
		this.sections = sections;
		this.sources = sources;
		this.pendingEmbargoes = pendingEmbargoes;
		this.events = events;
		this.changes = changes;
		this.clock = clock;
	}

	/**
	 * Publishes a new story as its writethru 1.
	 * @throws IllegalArgumentException for an unknown section or source
	 */
	@Transactional
	public ArticleSummary publish(NewArticle draft, String editor) {
		return publish(draft, null, editor);
	}

	/**
	 * Files a new story as its writethru 1, to be published at once, or, with an
	 * {@code embargoUntil}, to wait on the desk until then: nothing public hears of it
	 * (no change record, no {@link ArticlePublished}) until {@link #releaseEmbargo} or
	 * {@link #liftEmbargo}.
	 * @param embargoUntil when it may be published, or {@code null} for now
	 * @throws IllegalArgumentException for an unknown section or source, or an embargo
	 * that is not in the future
	 */
	@Transactional
	public ArticleSummary publish(NewArticle draft, Instant embargoUntil, String editor) {
		Section section = this.sections.findByCode(draft.sectionCode())
			.orElseThrow(() -> new IllegalArgumentException("Unknown section " + draft.sectionCode()));
		Source source = this.sources.findByCode(draft.sourceCode())
			.orElseThrow(() -> new IllegalArgumentException("Unknown source " + draft.sourceCode()));
		Instant now = this.clock.instant();
		if (embargoUntil != null && !embargoUntil.isAfter(now)) {
			throw new IllegalArgumentException("An embargo lifts in the future, not at " + embargoUntil);
		}
		Article article = this.articles.save(new Article(draft, section, source, now, embargoUntil));
		Writethru first = this.writethrus.save(article.firstVersion(draft, editor));
		if (embargoUntil != null) {
			this.pendingEmbargoes.save(new PendingEmbargo(article.getId(), embargoUntil));
		}
		return announce(ChangeKind.PUBLISHED, article, first);
	}

	/**
	 * Publishes a new version of an article, provided nobody else published since the
	 * version the editor started from.
	 * @throws StaleWritethruException when {@code baseSequence} is no longer current
	 * @throws ArticleNotFoundException for an unknown article
	 * @throws ArticleKilledException when the article was killed
	 */
	@Transactional
	public ArticleSummary postWritethru(long articleId, int baseSequence, WritethruDraft draft, String editor) {
		Article article = this.articles.findForUpdate(articleId)
			.orElseThrow(() -> new ArticleNotFoundException(articleId));
		Writethru next = this.writethrus.save(article.postWritethru(baseSequence, draft,
				this.writethrus.findKinds(articleId), editor, this.clock.instant()));
		return announce(ChangeKind.WRITETHRU, article, next);
	}

	/**
	 * Withdraws a published story; its page then answers 410 Gone with the notice.
	 */
	@Transactional
	public void kill(long articleId, String notice, String editor) {
		Article article = this.articles.findForUpdate(articleId)
			.orElseThrow(() -> new ArticleNotFoundException(articleId));
		if (article.kill(notice, this.clock.instant())) {
			// Killed while waiting for its embargo, it stays unknown to readers (404, not
			// 410): there is nothing public to record.
			if (article.isEmbargoed()) {
				this.pendingEmbargoes.deleteById(articleId);
			}
			else {
				this.changes.record(ChangeKind.KILLED, articleId, article.getSectionCode());
			}
			this.events.publishEvent(new ArticleKilled(articleId, notice, editor));
		}
	}

	/**
	 * Releases a story whose embargo is due, if it still waits: the release job's work,
	 * which every node does, so the article row is locked and the state read again under
	 * the lock; whoever comes second finds it public and does nothing.
	 * @return whether this call released it
	 */
	@Transactional
	public boolean releaseEmbargo(long articleId) {
		Article article = this.articles.findForUpdate(articleId)
			.orElseThrow(() -> new ArticleNotFoundException(articleId));
		Instant now = this.clock.instant();
		if (!article.isEmbargoed() || article.isKilled()) {
			this.pendingEmbargoes.deleteById(articleId);
			return false;
		}
		if (article.getEmbargoUntil().isAfter(now)) {
			return false;
		}
		Writethru current = lift(article, now);
		ArticleSummary story = article.summary(current);
		// The filing editor asked for it to go out now: theirs is the publication.
		announce(ChangeKind.PUBLISHED, story, story.current().editor());
		return true;
	}

	/**
	 * Releases a story before its embargo time ("Release now").
	 * @throws NotEmbargoedException when it is public already
	 * @throws ArticleKilledException when it was killed while waiting
	 */
	@Transactional
	public ArticleSummary liftEmbargo(long articleId, String editor) {
		Article article = this.articles.findForUpdate(articleId)
			.orElseThrow(() -> new ArticleNotFoundException(articleId));
		article.requireEmbargoed();
		Instant setFor = article.getEmbargoUntil();
		Writethru current = lift(article, this.clock.instant());
		this.events.publishEvent(new EmbargoLiftedEarly(articleId, setFor, editor));
		ArticleSummary story = article.summary(current);
		announce(ChangeKind.PUBLISHED, story, editor);
		return story;
	}

	/**
	 * Sets another time for a story's embargo to lift.
	 * @throws IllegalArgumentException for a time that is not in the future
	 * @throws NotEmbargoedException when it is public already
	 * @throws ArticleKilledException when it was killed while waiting
	 */
	@Transactional
	public void moveEmbargo(long articleId, Instant to, String editor) {
		if (!to.isAfter(this.clock.instant())) {
			throw new IllegalArgumentException("An embargo lifts in the future, not at " + to);
		}
		Article article = this.articles.findForUpdate(articleId)
			.orElseThrow(() -> new ArticleNotFoundException(articleId));
		Instant from = article.moveEmbargo(to);
		this.pendingEmbargoes.findById(articleId)
			.orElseGet(() -> this.pendingEmbargoes.save(new PendingEmbargo(articleId, to)))
			.moveTo(to);
		this.events.publishEvent(new EmbargoMoved(articleId, from, to, editor));
	}

	/**
	 * Stories whose embargo is due at the clock's time, oldest first.
	 */
	public List<Long> dueEmbargoes(int limit) {
		return this.pendingEmbargoes.findDue(this.clock.instant(), Limit.of(limit));
	}

	private Writethru lift(Article article, Instant at) {
		article.liftEmbargo(at);
		this.pendingEmbargoes.deleteById(article.getId());
		this.writethrus.publishAllAt(article.getId(), at);
		return this.writethrus.findCurrentOf(article.getId());
	}

	/**
	 * Puts a published story on hold: its page shows the note instead of the text until
	 * {@link #releaseHold} or {@link #kill}.
	 * @throws ArticleNotFoundException for an unknown article
	 * @throws ArticleKilledException when the article was killed
	 */
	@Transactional
	public void hold(long articleId, String note, String editor) {
		Article article = this.articles.findForUpdate(articleId)
			.orElseThrow(() -> new ArticleNotFoundException(articleId));
		if (article.hold(note, this.clock.instant())) {
			this.changes.record(ChangeKind.HELD, articleId, article.getSectionCode());
			this.events.publishEvent(new ArticleHeld(articleId, note, editor));
		}
	}

	/**
	 * Returns a story on hold to readers.
	 * @throws ArticleNotFoundException for an unknown article
	 */
	@Transactional
	public void releaseHold(long articleId, String editor) {
		Article article = this.articles.findForUpdate(articleId)
			.orElseThrow(() -> new ArticleNotFoundException(articleId));
		if (article.releaseHold(this.clock.instant())) {
			this.changes.record(ChangeKind.RELEASED, articleId, article.getSectionCode());
			this.events.publishEvent(new ArticleHoldReleased(articleId, editor));
		}
	}

	/**
	 * The label the next writethru of this kind would get, to show editors before they
	 * publish.
	 */
	public String nextLabel(long articleId, WritethruKind kind) {
		return WritethruLabels.next(this.writethrus.findKinds(articleId), kind);
	}

	/**
	 * An article readers may know of, with its current version, killed or not: callers
	 * decide how to show a kill. A story waiting for its embargo is not found: the desk
	 * reads it through {@link EditorialListing#story}.
	 */
	public Optional<ArticleSummary> find(long articleId) {
		return known(this.articles.findWithCurrent(articleId));
	}

	/**
	 * An article readers may see, with its current version.
	 * @throws ArticleNotFoundException for an unknown article
	 * @throws ArticleKilledException for a killed one: its pages answer 410 with the
	 * notice
	 */
	public ArticleSummary readable(long articleId) {
		return readable(articleId, this.articles.findWithCurrent(articleId));
	}

	/**
	 * What the article page shows, read in one statement: {@link #readable} with the
	 * corrections of its versions, oldest first, without reading any other version.
	 * @throws ArticleNotFoundException for an unknown article
	 * @throws ArticleKilledException for a killed one
	 */
	StoryWithCorrections readableWithCorrections(long articleId) {
		List<Object[]> rows = this.articles.findWithCorrections(articleId);
		ArticleSummary story = readable(articleId, rows);
		List<CorrectionNote> corrections = rows.stream()
			.filter((row) -> row[2] != null)
			.map((row) -> new CorrectionNote((String) row[2], (Instant) row[3]))
			.toList();
		return new StoryWithCorrections(story, Withholding.notes(story.pubstatus(), corrections));
	}

	private static ArticleSummary readable(long articleId, List<Object[]> rows) {
		ArticleSummary story = known(rows).orElseThrow(() -> new ArticleNotFoundException(articleId));
		if (story.killed()) {
			throw new ArticleKilledException(articleId, story.killNotice(), story.killedAt());
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

	/**
	 * Every version of an article, oldest first.
	 */
	public List<VersionView> versions(long articleId) {
		return this.writethrus.findAllOf(articleId).stream().map(ArticleService::forReaders).toList();
	}

	public Optional<VersionView> version(long articleId, int sequence) {
		return this.writethrus.findVersion(articleId, sequence).map(ArticleService::forReaders);
	}

	/**
	 * Visible articles, most recently updated first, older than {@code before} (or from
	 * the newest when it is {@code null}); {@code sectionCode} {@code null} means all.
	 */
	public List<ArticleSummary> latest(String sectionCode, Cursor before, int limit) {
		Cursor from = (before != null) ? before : Cursor.NEWEST;
		return forReaders((sectionCode != null)
				? this.articles.findVisibleIn(sectionCode, from.updatedAt(), from.id(), Limit.of(limit))
				: this.articles.findVisible(from.updatedAt(), from.id(), Limit.of(limit)));
	}

	/**
	 * Every article touched since the given time, killed ones included, for clients that
	 * poll.
	 */
	public List<ArticleSummary> updatedSince(Instant since, int limit) {
		return forReaders(this.articles.findUpdatedSince(since, Limit.of(limit)));
	}

	/**
	 * Visible articles first published since the given time, newest first (news
	 * sitemaps).
	 */
	public List<ArticleSummary> firstPublishedSince(Instant since, int limit) {
		return forReaders(this.articles.findFirstPublishedSince(since, Limit.of(limit)));
	}

	/**
	 * Current versions of the given articles, in no particular order.
	 */
	public List<ArticleSummary> current(List<Long> articleIds) {
		return articleIds.isEmpty() ? List.of()
				: forReaders(this.articles.findCurrent(articleIds)).stream()
					.filter((story) -> !story.embargoed())
					.toList();
	}

	/**
	 * Corrections of stories readers can still see, newest first: a story on hold has
	 * none to show ({@link Withholding}), so the query leaves it out.
	 */
	List<Correction> corrections(int limit) {
		return this.writethrus.findCorrections(Limit.of(limit))
			.stream()
			.map((writethru) -> new Correction(writethru.getArticle().getSlug(), forReaders(writethru)))
			.toList();
	}

	/**
	 * The sections, in display order. They come with the schema and never change while
	 * the portal runs, so every page's navigation reads them from memory.
	 */
	public List<SectionView> sections() {
		List<SectionView> all = this.allSections;
		if (all == null) {
			all = this.sections.findAllByOrderByDisplayOrder().stream().map(Section::view).toList();
			this.allSections = all;
		}
		return all;
	}

	public Optional<SectionView> section(String code) {
		return sections().stream().filter((section) -> section.code().equals(code)).findFirst();
	}

	public List<SourceView> sources() {
		return this.sources.findAllByOrderByName().stream().map(Source::view).toList();
	}

	/**
	 * The article ids from 1 to the newest in blocks of {@code size}, each with its
	 * state.
	 */
	public List<IdBlock> blocks(int size) {
		long maxId = this.articles.findMaxId();
		List<IdBlock> blocks = new ArrayList<>();
		for (long first = 1; first <= maxId; first += size) {
			blocks.add(block(first, first + size - 1));
		}
		return blocks;
	}

	/**
	 * The state of the articles with ids from {@code firstId} to {@code lastId}.
	 */
	public IdBlock block(long firstId, long lastId) {
		Object[] state = this.articles.findBlockState(firstId - 1, lastId).get(0);
		return new IdBlock(firstId, lastId, ((Number) state[0]).longValue(), (Instant) state[1]);
	}

	/**
	 * Visible articles of a block, by id.
	 */
	public List<ArticleLink> links(IdBlock block) {
		return this.articles.findLinks(block.firstId() - 1, block.lastId());
	}

	public long count() {
		return this.articles.count();
	}

	/**
	 * Tells everybody of a new version, or, while the story waits for its embargo, only
	 * the desk.
	 */
	private ArticleSummary announce(ChangeKind kind, Article article, Writethru writethru) {
		ArticleSummary story = article.summary(writethru);
		VersionView version = story.current();
		if (story.embargoed()) {
			this.events.publishEvent(new ArticleEmbargoed(story.id(), version.sequence(), version.labelledHeadline(),
					story.embargoUntil(), version.editor()));
			return story;
		}
		return announce(kind, story, version.editor());
	}

	private ArticleSummary announce(ChangeKind kind, ArticleSummary story, String editor) {
		this.changes.record(kind, story.id(), story.section().code());
		VersionView version = story.current();
		this.events.publishEvent(new ArticlePublished(story.id(), version.sequence(), version.kind(),
				version.labelledHeadline(), story.urgency(), story.path(), editor));
		return story;
	}

	/**
	 * A story readers may see with the corrections of its versions, oldest first.
	 */
	record StoryWithCorrections(ArticleSummary story, List<CorrectionNote> corrections) {
	}

	/**
	 * What a correcting version told readers, and when.
	 */
	record CorrectionNote(String note, Instant publishedAt) {
	}

	/**
	 * A correcting version with the slug of its story, for the corrections page.
	 */
	record Correction(String slug, VersionView version) {
	}

}
