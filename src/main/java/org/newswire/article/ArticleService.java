package org.newswire.article;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.newswire.article.internal.Article;
import org.newswire.article.internal.ArticleRepository;
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
 * announces.
 */
@Service
@Transactional(readOnly = true)
public class ArticleService {

	private final ArticleRepository articles;

	private final WritethruRepository writethrus;

	private final SectionRepository sections;

	private final SourceRepository sources;

	private final ApplicationEventPublisher events;

	private final Changes changes;

	private final Clock clock;

	ArticleService(ArticleRepository articles, WritethruRepository writethrus, SectionRepository sections,
			SourceRepository sources, ApplicationEventPublisher events, Changes changes, Clock clock) {
		this.articles = articles;
		this.writethrus = writethrus;
		this.sections = sections;
		this.sources = sources;
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
		Section section = this.sections.findByCode(draft.sectionCode())
			.orElseThrow(() -> new IllegalArgumentException("Unknown section " + draft.sectionCode()));
		Source source = this.sources.findByCode(draft.sourceCode())
			.orElseThrow(() -> new IllegalArgumentException("Unknown source " + draft.sourceCode()));
		Article article = this.articles.save(new Article(draft, section, source, this.clock.instant()));
		Writethru first = this.writethrus.save(article.firstVersion(draft, editor));
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
			this.changes.record(ChangeKind.KILLED, articleId, article.getSectionCode());
			this.events.publishEvent(new ArticleKilled(articleId, notice, editor));
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
	 * An article with its current version, killed or not: callers decide how to show a
	 * kill.
	 */
	public Optional<ArticleSummary> find(long articleId) {
		return Article.summaries(this.articles.findCurrent(List.of(articleId))).stream().findFirst();
	}

	/**
	 * An article readers may see, with its current version.
	 * @throws ArticleNotFoundException for an unknown article
	 * @throws ArticleKilledException for a killed one: its pages answer 410 with the
	 * notice
	 */
	public ArticleSummary readable(long articleId) {
		ArticleSummary story = find(articleId).orElseThrow(() -> new ArticleNotFoundException(articleId));
		if (story.killed()) {
			throw new ArticleKilledException(articleId, story.killNotice(), story.killedAt());
		}
		return story;
	}

	/**
	 * Every version of an article, oldest first.
	 */
	public List<VersionView> versions(long articleId) {
		return this.writethrus.findAllOf(articleId).stream().map(Writethru::view).toList();
	}

	public Optional<VersionView> version(long articleId, int sequence) {
		return this.writethrus.findVersion(articleId, sequence).map(Writethru::view);
	}

	/**
	 * Visible articles, most recently updated first, older than {@code before} (or from
	 * the newest when it is {@code null}); {@code sectionCode} {@code null} means all.
	 */
	public List<ArticleSummary> latest(String sectionCode, Cursor before, int limit) {
		Cursor from = (before != null) ? before : Cursor.NEWEST;
		return Article.summaries(
				this.articles.findLatest(false, sectionCode, null, from.updatedAt(), from.id(), Limit.of(limit)));
	}

	/**
	 * Every article touched since the given time, killed ones included, for clients that
	 * poll.
	 */
	public List<ArticleSummary> updatedSince(Instant since, int limit) {
		return Article.summaries(this.articles.findUpdatedSince(since, Limit.of(limit)));
	}

	/**
	 * Visible articles first published since the given time, newest first (news
	 * sitemaps).
	 */
	public List<ArticleSummary> firstPublishedSince(Instant since, int limit) {
		return Article.summaries(this.articles.findFirstPublishedSince(since, Limit.of(limit)));
	}

	/**
	 * Current versions of the given articles, in no particular order.
	 */
	public List<ArticleSummary> current(List<Long> articleIds) {
		return articleIds.isEmpty() ? List.of() : Article.summaries(this.articles.findCurrent(articleIds));
	}

	/**
	 * Corrections of stories readers can still see, newest first.
	 */
	List<Correction> corrections(int limit) {
		return this.writethrus.findCorrections(Limit.of(limit))
			.stream()
			.map((writethru) -> new Correction(writethru.getArticle().getSlug(), writethru.view()))
			.toList();
	}

	public List<SectionView> sections() {
		return this.sections.findAllByOrderByDisplayOrder().stream().map(Section::view).toList();
	}

	public Optional<SectionView> section(String code) {
		return this.sections.findByCode(code).map(Section::view);
	}

	public List<SourceView> sources() {
		return this.sources.findAllByOrderByName().stream().map(Source::view).toList();
	}

	public long count() {
		return this.articles.count();
	}

	private ArticleSummary announce(ChangeKind kind, Article article, Writethru writethru) {
		ArticleSummary story = article.summary(writethru);
		this.changes.record(kind, story.id(), story.section().code());
		VersionView version = story.current();
		this.events.publishEvent(new ArticlePublished(story.id(), version.sequence(), version.kind(),
				version.labelledHeadline(), story.urgency(), story.path(), version.editor()));
		return story;
	}

	/**
	 * A correcting version with the slug of its story, for the corrections page.
	 */
	record Correction(String slug, VersionView version) {
	}

}
