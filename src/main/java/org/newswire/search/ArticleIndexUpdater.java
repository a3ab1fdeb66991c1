package org.newswire.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.newswire.StartupStep;
import org.newswire.article.ArticleKilled;
import org.newswire.article.ArticlePublished;
import org.newswire.article.ArticleService;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Cursor;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the index in step with what readers can see. Each update reads the article as
 * committed and writes it under one lock, so whichever runs last, a startup build or an
 * event, leaves the newest state in the index.
 */
@Component
@Order(3)
class ArticleIndexUpdater implements StartupStep {

	private static final Log logger = LogFactory.getLog(ArticleIndexUpdater.class);

	private static final int BATCH = 200;

	private final ArticleService articles;

	private final ArticleIndex index;

	ArticleIndexUpdater(ArticleService articles, ArticleIndex index) {
		this.articles = articles;
		this.index = index;
	}

	/**
	 * Builds this node's index before it serves, after the demo content is in.
	 */
	@Override
	public void run() {
		try {
			build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot build the search index", ex);
		}
	}

	/**
	 * Only reads the database: nodes build their own indexes side by side.
	 */
	@Override
	public boolean writesSharedData() {
		return false;
	}

	synchronized void build() throws IOException {
		Cursor before = null;
		List<ArticleSummary> batch;
		int count = 0;
		do {
			batch = this.articles.latest(null, before, BATCH);
			this.index.putAll(batch);
			count += batch.size();
			before = batch.isEmpty() ? null : Cursor.after(batch.get(batch.size() - 1));
		}
		while (batch.size() == BATCH);
		logger.info("Search index built with " + count + " stories");
	}

	/**
	 * Runs after the publication is committed, so the index never holds a version that
	 * was rolled back. A failure is logged rather than thrown: the story is published
	 * whatever happens to the index, and the editor must not be told otherwise.
	 */
	@TransactionalEventListener
	synchronized void on(ArticlePublished published) {
		try {
			ArticleSummary story = this.articles.find(published.articleId()).orElse(null);
			if (story == null || story.killed()) {
				this.index.remove(published.articleId());
			}
			else {
				this.index.put(story);
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.error("Could not index article " + published.articleId(), ex);
		}
	}

	@TransactionalEventListener
	synchronized void on(ArticleKilled killed) {
		try {
			this.index.remove(killed.articleId());
		}
		catch (IOException | RuntimeException ex) {
			logger.error("Could not remove killed article " + killed.articleId() + " from the index", ex);
		}
	}

}
