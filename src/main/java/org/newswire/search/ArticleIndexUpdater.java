package org.newswire.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.newswire.StartupStep;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Listings;
import org.newswire.article.Listings.Cursor;
import org.newswire.article.Stories;
import org.newswire.change.ChangeFollower;
import org.newswire.change.ChangeObserved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's index in step with what readers can see, from the change record.
 * <p>
 * At start (a {@link StartupStep}, so readiness waits for it) the index catches up from
 * the last change its last commit applied: only the stories changed since are read again.
 * It is built from the whole archive only when it cannot be trusted: missing or
 * unreadable, never completed, ahead of the database's change record (another database),
 * behind what the record still holds (old rows pruned), or empty while the database holds
 * stories (written without the change record, e.g. by the archive generator). That build
 * runs at start too, logging its progress, and the node stays not ready meanwhile: a node
 * that answered with a partial index would give wrong results without saying so, and the
 * other nodes of a cluster serve meanwhile.
 * <p>
 * Every update reads the articles as committed and writes them under one lock, so
 * whichever of a catch-up batch or a change event runs last leaves the newest state in
 * the index.
 */
@Component
@Order(3)
class ArticleIndexUpdater implements StartupStep {

	private static final Logger logger = LoggerFactory.getLogger(ArticleIndexUpdater.class);

	private static final int BATCH = 500;

	private static final int PROGRESS_EVERY = 50_000;

	/**
	 * How often, at most, a change is committed to disk. Changes in between are searched
	 * at once (near-real-time) and, after a crash, applied again from the change record.
	 */
	private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(5);

	private final Stories articles;

	private final Listings listings;

	private final ChangeFollower changes;

	private final ArticleIndex index;

	/** Whether every change up to the last one observed is in the index. */
	private boolean current;

	/** The newest change observed while the index was not current yet. */
	private long observedMeanwhile = -1;

	private long lastCommit = System.nanoTime();

	ArticleIndexUpdater(Stories articles, Listings listings, ChangeFollower changes, ArticleIndex index) {
		this.articles = articles;
		this.listings = listings;
		this.changes = changes;
		this.index = index;
	}

	@Override
	public void run() {
		try {
			long applied = this.index.appliedChange();
			long newest = this.changes.newest();
			String rebuild = reasonToRebuild(applied, newest);
			if (rebuild != null) {
				logger.info("Building the search index from the database: {}", rebuild);
				build();
			}
			else {
				catchUp(applied);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot bring the search index up to date", ex);
		}
	}

	/**
	 * Only reads the database: nodes bring their own indexes up to date side by side.
	 */
	@Override
	public boolean writesSharedData() {
		return false;
	}

	private String reasonToRebuild(long applied, long newest) throws IOException {
		if (applied < 0) {
			return "it was never completed";
		}
		if (applied > newest) {
			return "it reflects change " + applied + " but the database records changes only up to " + newest;
		}
		if (applied < newest && this.changes.recordedAfter(applied).get(0).id() != applied + 1) {
			// Ids rise by one per committed change; a gap means old rows were pruned.
			return "the change record no longer holds the changes after " + applied;
		}
		if (this.index.size() == 0 && !this.listings.latest(null, null, 1).isEmpty()) {
			return "it is empty but the database holds stories";
		}
		return null;
	}

	/**
	 * Indexes every visible story, newest first, one batch per lock so that changes
	 * followed meanwhile interleave with it.
	 */
	void build() throws IOException {
		long started = System.nanoTime();
		long upTo = this.changes.newest();
		synchronized (this) {
			this.current = false;
			this.index.clear();
		}
		Cursor before = null;
		int count = 0;
		int batchSize;
		do {
			synchronized (this) {
				List<ArticleSummary> batch = this.listings.latestWithText(null, before, BATCH);
				this.index.putAll(batch.stream().map(IndexedStory::of).toList());
				batchSize = batch.size();
				before = batch.isEmpty() ? null : Cursor.after(batch.get(batch.size() - 1));
			}
			if ((count + batchSize) / PROGRESS_EVERY > count / PROGRESS_EVERY) {
				logger.info("Search index build: {} stories so far", count + batchSize);
			}
			count += batchSize;
		}
		while (batchSize == BATCH);
		finish(upTo);
		logger.info("Search index built with {} stories in {} ms", count,
				Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	/**
	 * Applies every recorded change after the given one, reading each changed story once
	 * per batch.
	 */
	private void catchUp(long applied) throws IOException {
		long started = System.nanoTime();
		long upTo = applied;
		int changeCount = 0;
		List<ChangeObserved> batch;
		do {
			batch = this.changes.recordedAfter(upTo);
			Set<Long> touched = new LinkedHashSet<>();
			for (ChangeObserved change : batch) {
				if (change.changesArticle() && change.articleId() != null) {
					touched.add(change.articleId());
				}
				upTo = change.id();
			}
			synchronized (this) {
				apply(new ArrayList<>(touched));
			}
			changeCount += batch.size();
		}
		while (!batch.isEmpty());
		finish(upTo);
		logger.info("Search index caught up from change {} to {} ({} changes) in {} ms", applied, upTo, changeCount,
				Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	/**
	 * Marks the index current up to the given change, or to a later one followed
	 * meanwhile, and commits.
	 */
	private synchronized void finish(long upTo) throws IOException {
		this.index.refresh();
		this.index.applied(Math.max(upTo, this.observedMeanwhile));
		this.index.commit();
		this.lastCommit = System.nanoTime();
		this.current = true;
	}

	/**
	 * Follows the change record, so a change made on any node reaches this node's index;
	 * the record is read only once committed, so the index never holds a version that was
	 * rolled back. A failure is logged rather than thrown: the story is published
	 * whatever happens to the index, and the next start catches up from the last change
	 * committed to the index.
	 */
	@EventListener
	synchronized void on(ChangeObserved change) {
		try {
			if (change.changesArticle() && change.articleId() != null) {
				apply(List.of(change.articleId()));
				this.index.refresh();
			}
			if (!this.current) {
				this.observedMeanwhile = change.id();
				return;
			}
			this.index.applied(change.id());
			if (System.nanoTime() - this.lastCommit > COMMIT_INTERVAL.toNanos()) {
				this.index.commit();
				this.lastCommit = System.nanoTime();
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.error("Could not index change {} (article {})", change.id(), change.articleId(), ex);
		}
	}

	/**
	 * Puts the current version of each visible article and removes the rest (killed or
	 * gone).
	 */
	private void apply(List<Long> articleIds) throws IOException {
		List<ArticleSummary> found = this.articles.current(articleIds);
		Set<Long> visible = new LinkedHashSet<>();
		List<IndexedStory> stories = new ArrayList<>();
		for (ArticleSummary story : found) {
			if (!story.killed()) {
				visible.add(story.id());
				stories.add(IndexedStory.of(story));
			}
		}
		this.index.putAll(stories);
		for (long id : articleIds) {
			if (!visible.contains(id)) {
				this.index.remove(id);
			}
		}
	}

}
