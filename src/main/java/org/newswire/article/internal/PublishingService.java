package org.newswire.article.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.LongPredicate;

import org.newswire.article.ArticleEvent;
import org.newswire.article.ArticleException;
import org.newswire.article.ArticleSummary;
import org.newswire.article.EditorialListing.ScheduledVersion;
import org.newswire.article.Publishing;
import org.newswire.article.Publishing.NewArticle;
import org.newswire.article.Publishing.WritethruDraft;
import org.newswire.article.VersionView;
import org.newswire.change.ChangeKind;
import org.newswire.change.Changes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The publishing commands. The rules of a story's versions live on {@link Article}; this
 * service loads and locks the story, stores, records the change for every node and
 * announces the event, all in the command's transaction.
 */
@Service
@Transactional
class PublishingService implements Publishing {

	private static final Logger logger = LoggerFactory.getLogger(PublishingService.class);

	/** At most this many of each kind per call; the next call takes the rest at once. */
	private static final int BATCH = 100;

	private final ArticleRepository articles;

	private final WritethruRepository writethrus;

	private final SectionRepository sections;

	private final SourceRepository sources;

	private final PendingEmbargoRepository pendingEmbargoes;

	private final ScheduledWritethruRepository scheduled;

	private final ApplicationEventPublisher events;

	private final Changes changes;

	private final Clock clock;

	private final TransactionTemplate eachRelease;

	PublishingService(ArticleRepository articles, WritethruRepository writethrus, SectionRepository sections,
			SourceRepository sources, PendingEmbargoRepository pendingEmbargoes, ScheduledWritethruRepository scheduled,
			ApplicationEventPublisher events, Changes changes, Clock clock, PlatformTransactionManager transactions) {
		this.articles = articles;
		this.writethrus = writethrus;
		this.sections = sections;
		this.sources = sources;
		this.pendingEmbargoes = pendingEmbargoes;
		this.scheduled = scheduled;
		this.events = events;
		this.changes = changes;
		this.clock = clock;
		this.eachRelease = new TransactionTemplate(transactions);
	}

	@Override
	public ArticleSummary publish(NewArticle draft, String editor) {
		return publish(draft, null, editor);
	}

	@Override
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

	@Override
	public ArticleSummary postWritethru(long articleId, int baseSequence, WritethruDraft draft, String editor) {
		Article article = lock(articleId);
		Writethru next = this.writethrus.save(article.postWritethru(baseSequence, draft,
				this.writethrus.findKinds(articleId), editor, this.clock.instant()));
		return announce(ChangeKind.WRITETHRU, article, next);
	}

	@Override
	public ScheduledVersion schedule(long articleId, int baseSequence, WritethruDraft draft, Instant releaseAt,
			String editor) {
		Instant now = this.clock.instant();
		if (!releaseAt.isAfter(now)) {
			throw new IllegalArgumentException("A scheduled writethru goes out in the future, not at " + releaseAt);
		}
		lock(articleId).requireAccepts(baseSequence);
		ScheduledVersion version = this.scheduled
			.save(new ScheduledWritethru(articleId, baseSequence, draft, editor, releaseAt, now))
			.view();
		announce(version, editor);
		return version;
	}

	@Override
	public boolean cancelScheduled(long articleId, long scheduledId, String editor) {
		lock(articleId);
		ScheduledWritethru found = this.scheduled.findById(scheduledId)
			.filter((s) -> s.getArticleId() == articleId)
			.orElseThrow(() -> new ArticleException.NotFound(articleId));
		if (!found.cancel(editor, this.clock.instant())) {
			return false;
		}
		announce(found.view(), editor);
		return true;
	}

	/**
	 * Each release in its own transaction: one failure must not hold up the others, and
	 * nodes racing for the same story settle it story by story.
	 */
	@Override
	@Transactional(propagation = Propagation.NEVER)
	public int releaseDue() {
		Instant now = this.clock.instant();
		int released = releaseEach("embargoed article", this.pendingEmbargoes.findDue(now, Limit.of(BATCH)),
				this::releaseEmbargo);
		return released + releaseEach("scheduled writethru", this.scheduled.findDue(now, Limit.of(BATCH)),
				this::releaseScheduled);
	}

	private int releaseEach(String what, List<Long> due, LongPredicate release) {
		int released = 0;
		for (long id : due) {
			try {
				if (Boolean.TRUE.equals(this.eachRelease.execute((status) -> release.test(id)))) {
					released++;
				}
			}
			catch (ConcurrencyFailureException ex) {
				// Another node settled it between our reading and our lock.
				logger.debug("Release of {} {} lost a race: {}", what, id, ex.getMessage());
			}
			catch (RuntimeException ex) {
				// The next call tries it again.
				logger.error("Could not release {} {}", what, id, ex);
			}
		}
		return released;
	}

	/**
	 * Publishes a scheduled writethru that is due, or settles it as a conflict: whoever
	 * locks the story second finds it settled and does nothing.
	 * @return whether this call published it
	 */
	private boolean releaseScheduled(long scheduledId) {
		Long articleId = this.scheduled.findArticleIdOf(scheduledId).orElse(null);
		if (articleId == null) {
			return false;
		}
		Article article = lock(articleId);
		// Read only now, under the story's lock, so a competitor's settlement is seen.
		ScheduledWritethru due = this.scheduled.findById(scheduledId).orElseThrow();
		Instant now = this.clock.instant();
		if (!due.isDue(now)) {
			return false;
		}
		if (!article.accepts(due.getBaseSequence())) {
			due.conflicted(now);
			announce(due.view(), due.getEditor());
			return false;
		}
		ArticleSummary published = postWritethru(articleId, due.getBaseSequence(), due.draft(), due.getEditor());
		due.published(published.current().sequence(), now);
		return true;
	}

	@Override
	public void kill(long articleId, String notice, String editor) {
		Article article = lock(articleId);
		if (article.kill(notice, this.clock.instant())) {
			// Killed while waiting for its embargo, it stays unknown to readers (404, not
			// 410): the record keeps the lift time, so only entitled clients learn of it.
			if (article.isEmbargoed()) {
				this.pendingEmbargoes.deleteById(articleId);
			}
			record(ChangeKind.KILLED, article);
			this.events.publishEvent(new ArticleEvent.Killed(articleId, notice, editor));
		}
	}

	/**
	 * Releases a story whose embargo is due, if it still waits. Every node does this, so
	 * the article row is locked and the state read again under the lock; whoever comes
	 * second finds it public and does nothing.
	 * @return whether this call released it
	 */
	private boolean releaseEmbargo(long articleId) {
		Article article = lock(articleId);
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
		announce(ChangeKind.PUBLISHED, article, story, story.current().editor());
		return true;
	}

	@Override
	public ArticleSummary liftEmbargo(long articleId, String editor) {
		Article article = lock(articleId);
		article.requireEmbargoed();
		Instant setFor = article.getEmbargoUntil();
		Writethru current = lift(article, this.clock.instant());
		this.events.publishEvent(new ArticleEvent.EmbargoLiftedEarly(articleId, setFor, editor));
		ArticleSummary story = article.summary(current);
		announce(ChangeKind.PUBLISHED, article, story, editor);
		return story;
	}

	@Override
	public void moveEmbargo(long articleId, Instant to, String editor) {
		if (!to.isAfter(this.clock.instant())) {
			throw new IllegalArgumentException("An embargo lifts in the future, not at " + to);
		}
		Article article = lock(articleId);
		Instant from = article.moveEmbargo(to);
		this.pendingEmbargoes.findById(articleId)
			.orElseGet(() -> this.pendingEmbargoes.save(new PendingEmbargo(articleId, to)))
			.moveTo(to);
		record(ChangeKind.EMBARGOED, article);
		this.events.publishEvent(new ArticleEvent.EmbargoMoved(articleId, from, to, editor));
	}

	@Override
	public void hold(long articleId, String note, String editor) {
		Article article = lock(articleId);
		if (article.hold(note, this.clock.instant())) {
			record(ChangeKind.HELD, article);
			this.events.publishEvent(new ArticleEvent.Held(articleId, note, editor));
		}
	}

	@Override
	public void releaseHold(long articleId, String editor) {
		Article article = lock(articleId);
		if (article.releaseHold(this.clock.instant())) {
			record(ChangeKind.RELEASED, article);
			this.events.publishEvent(new ArticleEvent.HoldReleased(articleId, editor));
		}
	}

	private Article lock(long articleId) {
		return this.articles.findForUpdate(articleId).orElseThrow(() -> new ArticleException.NotFound(articleId));
	}

	private Writethru lift(Article article, Instant at) {
		article.liftEmbargo(at);
		record(ChangeKind.LIFTED, article);
		this.pendingEmbargoes.deleteById(article.getId());
		this.writethrus.publishAllAt(article.getId(), at);
		return this.writethrus.findCurrentOf(article.getId());
	}

	/**
	 * Tells everybody of a new version, or, while the story waits for its embargo, only
	 * the desk.
	 */
	private ArticleSummary announce(ChangeKind kind, Article article, Writethru writethru) {
		ArticleSummary story = article.summary(writethru);
		VersionView version = story.current();
		if (story.embargoed()) {
			record(ChangeKind.EMBARGOED, article);
			this.events.publishEvent(new ArticleEvent.Embargoed(story.id(), version.sequence(),
					version.labelledHeadline(), story.embargoUntil(), version.editor()));
			return story;
		}
		return announce(kind, article, story, version.editor());
	}

	private ArticleSummary announce(ChangeKind kind, Article article, ArticleSummary story, String editor) {
		record(kind, article);
		VersionView version = story.current();
		this.events.publishEvent(new ArticleEvent.Published(story.id(), version.sequence(), version.kind(),
				version.labelledHeadline(), story.urgency(), story.path(), editor));
		return story;
	}

	/**
	 * With the state the command leaves the story in, which is what a client replaying
	 * the record is sent.
	 */
	private void record(ChangeKind kind, Article article) {
		this.changes.record(kind, article.getId(), article.getSectionCode(), article.state());
	}

	private void announce(ScheduledVersion version, String editor) {
		this.events.publishEvent(new ArticleEvent.ScheduledChanged(version.id(), version.articleId(), version.state(),
				version.draft().headline(), version.releaseAt(), editor));
	}

}
