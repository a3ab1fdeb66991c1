package org.newswire.ticker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.newswire.article.ArticleEvent;
import org.newswire.article.Urgency;
import org.newswire.change.ChangeKind;
import org.newswire.change.ChangeObserved;
import org.newswire.change.Changes;
import org.newswire.ticker.HeadlineRepository.Shown;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the ticker: the newest headlines, one per article. What it shows of the stories
 * they link to (their pages, their holds) it keeps itself, from the article events
 * ({@link TickerStory}), and reads no article.
 */
@Service
@Transactional(readOnly = true)
public class TickerService {

	/** How many headlines the ticker carries. */
	public static final int SIZE = 12;

	/**
	 * How long a Flash or Bulletin story stays the alert that leads the ticker: until a
	 * headline is posted this long after it. Measured on the wire, not on the clock of
	 * the moment a page is served, so the order follows from the headlines alone: every
	 * node, the cached ticker fragment and the live stream rebuild it per change and
	 * agree without a timer. A quiet wire keeps its last alert in front.
	 */
	public static final Duration ALERT_LEAD = Duration.ofMinutes(30);

	/**
	 * How many alerts lead at most, the newest: a run of Bulletins (an election night)
	 * must not push the newest headlines off the ticker. Older ones take their place by
	 * time, still marked with their urgency.
	 */
	public static final int MAX_ALERTS = 3;

	private final HeadlineRepository headlines;

	private final TickerStoryRepository stories;

	private final Changes changes;

	private final Clock clock;

	/** The ticker as readers see it, built once per change. */
	private final AtomicReference<Lines> memo = new AtomicReference<>(new Lines(0, null));

	TickerService(HeadlineRepository headlines, TickerStoryRepository stories, Changes changes, Clock clock) {
		this.headlines = headlines;
		this.stories = stories;
		this.changes = changes;
		this.clock = clock;
	}

	public List<Headline> latest() {
		return this.headlines.findLatest(Limit.of(SIZE));
	}

	/**
	 * The ticker as readers see it, linked to the articles' canonical pages (so a link
	 * needs no redirect). Built once per change (three queries), not for every page.
	 */
	public List<TickerLine> lines() {
		Lines memo = this.memo.get();
		if (memo.lines() == null) {
			Lines built = new Lines(memo.generation(), build());
			// Kept only if no change came while it was read: a ticker built from before a
			// change must not outlive it.
			this.memo.compareAndSet(memo, built);
			return built.lines();
		}
		return memo.lines();
	}

	/**
	 * Drops it again once any node's ticker change is read from the change record: first
	 * of this event's listeners, so the ticker fragment and the live stream that follow
	 * never rebuild from a ticker older than the change.
	 */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(ChangeObserved change) {
		if (change.has(ChangeKind.TICKER)) {
			forget();
		}
	}

	private void forget() {
		this.memo.updateAndGet((memo) -> new Lines(memo.generation() + 1, null));
	}

	/**
	 * The alerts first, newest first, then the newest headlines, leaving out those of
	 * stories on hold, which stay standing and come back when released. The alerts are
	 * read on their own: on a busy wire a Flash leaves the newest {@value #SIZE} within
	 * minutes. Their window is measured from the newest standing headline, held or not.
	 */
	private List<TickerLine> build() {
		Optional<Instant> newest = this.headlines.findNewestPostedAt();
		if (newest.isEmpty()) {
			return List.of();
		}
		List<Shown> alerts = this.headlines.findShownStoriesAtLeast(Urgency.BULLETIN.level(),
				newest.get().minus(ALERT_LEAD), Limit.of(MAX_ALERTS));
		Map<Long, TickerLine> lines = new LinkedHashMap<>();
		alerts.forEach((shown) -> lines.put(shown.getHeadline().getId(), TickerLine.of(shown, true)));
		this.headlines.findShown(Limit.of(SIZE))
			.forEach((shown) -> lines.putIfAbsent(shown.getHeadline().getId(), TickerLine.of(shown, false)));
		return lines.values().stream().limit(SIZE).toList();
	}

	/**
	 * The version readers see now of a readable article, for the live stream's notice of
	 * a new one: none while it is on hold or once it is killed.
	 */
	Optional<ArticleVersion> currentVersion(long articleId) {
		return this.stories.findById(articleId).flatMap(TickerStory::readable);
	}

	public Optional<Headline> find(long id) {
		return this.headlines.findById(id);
	}

	/**
	 * Puts a headline on the ticker; one linked to an article replaces that article's
	 * standing headline so an article never shows twice.
	 * @throws IllegalArgumentException for text over 200 characters
	 */
	@Transactional
	public Headline post(String text, Urgency urgency, Long articleId, String editor) {
		if (text == null || text.isBlank() || text.length() > Headline.MAX_LENGTH) {
			throw new IllegalArgumentException("A headline has 1 to " + Headline.MAX_LENGTH + " characters");
		}
		if (articleId != null) {
			withdrawStanding(articleId);
		}
		Headline headline = this.headlines
			.save(new Headline(text.strip(), urgency, this.clock.instant(), articleId, editor));
		changed(articleId);
		return headline;
	}

	/**
	 * Takes a headline off the ticker.
	 * @return whether a standing headline was withdrawn
	 */
	@Transactional
	public boolean withdraw(long headlineId, String editor) {
		Optional<Headline> headline = this.headlines.findById(headlineId).filter((h) -> !h.isWithdrawn());
		headline.ifPresent((h) -> {
			h.withdraw();
			changed(h.getArticleId());
		});
		return headline.isPresent();
	}

	/**
	 * Runs inside the publishing transaction, so an article and its ticker headline are
	 * committed together or not at all.
	 */
	@EventListener
	void on(ArticleEvent.Published published) {
		TickerStory story = story(published.articleId());
		story.published(published.sequence(), published.headline(), published.path());
		this.stories.save(story);
		post(published.headline(), published.urgency(), published.articleId(), published.editor());
	}

	@EventListener
	void on(ArticleEvent.Killed killed) {
		this.stories.deleteById(killed.articleId());
		if (withdrawStanding(killed.articleId())) {
			changed(killed.articleId());
		}
	}

	/**
	 * A hold takes the story's headline out of {@link #lines()} and a release brings it
	 * back (see {@link #build()}), so both record a ticker change in their own
	 * transaction, as a kill does: everything that shows the ticker (this memo, the
	 * fragment pages carry, the live stream) follows ticker changes alone.
	 */
	@EventListener
	void on(ArticleEvent.Held held) {
		holdChanged(held.articleId(), true);
	}

	@EventListener
	void on(ArticleEvent.HoldReleased released) {
		holdChanged(released.articleId(), false);
	}

	private void holdChanged(long articleId, boolean held) {
		TickerStory story = story(articleId);
		story.held(held);
		this.stories.save(story);
		if (!this.headlines.findStandingFor(articleId).isEmpty()) {
			changed(articleId);
		}
	}

	/** A story heard of for the first time starts with no version and no hold. */
	private TickerStory story(long articleId) {
		return this.stories.findById(articleId).orElseGet(() -> new TickerStory(articleId));
	}

	private record Lines(long generation, List<TickerLine> lines) {
	}

	/**
	 * Every node's ticker, this one's included, follows the change record.
	 */
	private void changed(Long articleId) {
		// Reads later in this transaction see the change; other transactions, once the
		// change record is followed.
		forget();
		this.changes.record(ChangeKind.TICKER, articleId, null);
	}

	/**
	 * @return whether the article had a headline standing
	 */
	private boolean withdrawStanding(long articleId) {
		List<Headline> standing = this.headlines.findStandingFor(articleId);
		standing.forEach(Headline::withdraw);
		return !standing.isEmpty();
	}

	/**
	 * @param headline the headline led by its label, as the ticker shows it
	 */
	record ArticleVersion(long articleId, int sequence, String headline, String path) {
	}

}
