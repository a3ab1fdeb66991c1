package org.newswire.site;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.newswire.article.ArticleKilled;
import org.newswire.article.ArticlePublished;
import org.newswire.ticker.TickerChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Rendered reader pages, kept until the content changes.
 * <p>
 * Every page shows the ticker, so any published, killed or ticker change alters every
 * page: one generation number for the whole site is exact, not a shortcut. It is the
 * {@code ETag} of every page and part of every cache key. A page rendered while a change
 * committed is stored under the generation read before rendering, which the change has
 * already left behind, so a stale page can never be served as current.
 */
@Component
class PageCache {

	/**
	 * Bytes of rendered pages kept at most; reader pages weigh some tens of kilobytes.
	 */
	private static final long MAX_BYTES = 32L * 1024 * 1024;

	private final Clock clock;

	private final String boot;

	private final AtomicReference<Version> version;

	private final Cache<Key, CachedPage> pages = Caffeine.newBuilder()
		.maximumWeight(MAX_BYTES)
		.weigher((Key key, CachedPage page) -> page.weight())
		.build();

	private final Counter hits;

	private final Counter misses;

	/**
	 * Hits and misses are counted as {@value #METER} with tag {@code result=hit|miss}
	 * (Prometheus: {@code newswire_page_cache_total}); whatever cache replaces this one
	 * keeps that name so dashboards survive it.
	 */
	static final String METER = "newswire.page.cache";

	PageCache(Clock clock, MeterRegistry meters) {
		this.clock = clock;
		this.hits = meters.counter(METER, "result", "hit");
		this.misses = meters.counter(METER, "result", "miss");
		// Generations restart at 0 with the application; the start time keeps the ETags
		// of one run from matching pages of an earlier one.
		this.boot = Long.toString(clock.millis(), 36);
		this.version = new AtomicReference<>(version(0));
	}

	Version version() {
		return this.version.get();
	}

	CachedPage get(Version version, String key) {
		CachedPage page = this.pages.getIfPresent(new Key(version.generation(), key));
		((page != null) ? this.hits : this.misses).increment();
		return page;
	}

	void put(Version version, String key, CachedPage page) {
		this.pages.put(new Key(version.generation(), key), page);
	}

	/**
	 * Runs as the change is made, inside its transaction, so that pages rendered later in
	 * that same transaction (which see the change) are not answered from before it.
	 */
	@EventListener(classes = { ArticlePublished.class, ArticleKilled.class, TickerChanged.class })
	void contentChanging() {
		nextGeneration();
	}

	/**
	 * Runs again once the transaction has ended, committed or rolled back: pages other
	 * requests rendered meanwhile from the data before it must not outlive it.
	 */
	@TransactionalEventListener(classes = { ArticlePublished.class, ArticleKilled.class, TickerChanged.class },
			phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
	void contentChanged() {
		nextGeneration();
	}

	private void nextGeneration() {
		this.version.updateAndGet((current) -> version(current.generation() + 1));
		this.pages.invalidateAll();
	}

	private Version version(long generation) {
		return new Version(generation, "\"" + this.boot + "-" + generation + "\"",
				this.clock.instant().truncatedTo(ChronoUnit.SECONDS));
	}

	/**
	 * The state of the site's content pages are rendered from.
	 *
	 * @param etag the strong entity tag of every page of this generation
	 * @param lastModified when this generation began
	 */
	record Version(long generation, String etag, Instant lastModified) {
	}

	private record Key(long generation, String page) {
	}

}
