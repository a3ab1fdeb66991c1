package org.newswire.article;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.newswire.article.internal.Article;
import org.newswire.article.internal.ArticleRepository;
import org.newswire.article.internal.ScheduledWritethru;
import org.newswire.article.internal.ScheduledWritethruRepository;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writethrus that wait on the desk for a release time and then go out through
 * {@link ArticleService#postWritethru}'s rules, against the version current at that time:
 * one whose base was superseded meanwhile (or whose story was killed) is not published
 * but kept as a conflict, its text intact. Every change to a story and to its scheduled
 * versions happens with the story's row locked, so the release jobs of several nodes and
 * an editor cancelling settle each one exactly once.
 */
@Service
@Transactional(readOnly = true)
public class ScheduledWritethrus {

	private final ScheduledWritethruRepository scheduled;

	private final ArticleRepository articles;

	private final ArticleService publishing;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ScheduledWritethrus(ScheduledWritethruRepository scheduled, ArticleRepository articles, ArticleService publishing,
			ApplicationEventPublisher events, Clock clock) {
		this.scheduled = scheduled;
		this.articles = articles;
		this.publishing = publishing;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Files a writethru to go out at {@code releaseAt}.
	 * @throws IllegalArgumentException for a time that is not in the future
	 * @throws StaleWritethruException when {@code baseSequence} is not current even now
	 * @throws ArticleKilledException when the story was killed
	 * @throws ArticleNotFoundException for an unknown article
	 */
	@Transactional
	public ScheduledVersion schedule(long articleId, int baseSequence, WritethruDraft draft, Instant releaseAt,
			String editor) {
		Instant now = this.clock.instant();
		if (!releaseAt.isAfter(now)) {
			throw new IllegalArgumentException("A scheduled writethru goes out in the future, not at " + releaseAt);
		}
		Article article = lock(articleId);
		article.requireAccepts(baseSequence);
		ScheduledVersion version = this.scheduled
			.save(new ScheduledWritethru(articleId, baseSequence, draft, editor, releaseAt, now))
			.view();
		announce(version, editor);
		return version;
	}

	/**
	 * Withdraws a scheduled writethru before its time, or discards one in conflict.
	 * @return {@code false} when it had gone out or was cancelled already
	 * @throws ArticleNotFoundException when the story has no such scheduled writethru
	 */
	@Transactional
	public boolean cancel(long articleId, long scheduledId, String editor) {
		lock(articleId);
		ScheduledWritethru found = this.scheduled.findById(scheduledId)
			.filter((s) -> s.getArticleId() == articleId)
			.orElseThrow(() -> new ArticleNotFoundException(articleId));
		if (!found.cancel(editor, this.clock.instant())) {
			return false;
		}
		announce(found.view(), editor);
		return true;
	}

	/**
	 * Publishes a scheduled writethru that is due, or settles it as a conflict; the
	 * release job's work, which every node does: whoever locks the story second finds it
	 * settled and does nothing.
	 * @return whether this call published it
	 */
	@Transactional
	public boolean release(long scheduledId) {
		Optional<Long> articleId = this.scheduled.findArticleIdOf(scheduledId);
		if (articleId.isEmpty()) {
			return false;
		}
		Article article = lock(articleId.get());
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
		ArticleSummary published = this.publishing.postWritethru(articleId.get(), due.getBaseSequence(), due.draft(),
				due.getEditor());
		due.published(published.current().sequence(), now);
		return true;
	}

	/**
	 * Scheduled writethrus due at the clock's time, oldest first.
	 */
	public List<Long> due(int limit) {
		return this.scheduled.findDue(this.clock.instant(), Limit.of(limit));
	}

	/**
	 * A story's scheduled writethrus that still wait or are in conflict, newest first.
	 */
	public List<ScheduledVersion> open(long articleId) {
		return this.scheduled.findOpen(articleId).stream().map(ScheduledWritethru::view).toList();
	}

	/**
	 * One of a story's scheduled writethrus, whatever became of it.
	 */
	public Optional<ScheduledVersion> find(long articleId, long scheduledId) {
		return this.scheduled.findById(scheduledId)
			.filter((s) -> s.getArticleId() == articleId)
			.map(ScheduledWritethru::view);
	}

	private Article lock(long articleId) {
		return this.articles.findForUpdate(articleId).orElseThrow(() -> new ArticleNotFoundException(articleId));
	}

	private void announce(ScheduledVersion version, String editor) {
		this.events.publishEvent(new ScheduledWritethruChanged(version.id(), version.articleId(), version.state(),
				version.draft().headline(), version.releaseAt(), editor));
	}

}
