package org.newswire.pagecache;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.newswire.NewswireProperties;
import org.newswire.change.ChangeFollower;
import org.newswire.change.ChangeKind;
import org.newswire.change.ChangeObserved;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Which rendered pages the cache keeps: a page whose rendering overlapped a change that
 * dropped pages may show the data before that change, so it is served but not kept.
 */
class PageCacheStoreTests {

	private final PageCache cache = new PageCache(mock(ChangeFollower.class),
			new DefaultListableBeanFactory().getBeanProvider(LiveFragment.class), Clock.systemUTC(),
			new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("newswire", NewswireProperties.class),
			new SimpleMeterRegistry());

	@Test
	void aPageRenderedWhileNothingChangedIsKept() {
		PageCache.Ticket ticket = this.cache.ticket();
		this.cache.put("/articles/2/b", page("article:2"), ticket);

		assertThat(this.cache.get("/articles/2/b")).isNotNull();
	}

	@Test
	void aPageWhoseRenderingOverlappedAChangeIsNotKept() {
		PageCache.Ticket ticket = this.cache.ticket();
		this.cache.on(new ChangeObserved(7, ChangeKind.WRITETHRU, 1L, "world", Instant.now()));
		this.cache.put("/articles/2/b", page("article:2"), ticket);

		assertThat(this.cache.get("/articles/2/b")).isNull();
		this.cache.put("/articles/2/b", page("article:2"), this.cache.ticket());
		assertThat(this.cache.get("/articles/2/b")).isNotNull();
	}

	@Test
	void aTickerChangeDropsNoPageAndSoDoesNotStopOneBeingKept() {
		PageCache.Ticket ticket = this.cache.ticket();
		this.cache.on(new ChangeObserved(8, ChangeKind.TICKER, null, null, Instant.now()));
		this.cache.put("/articles/2/b", page("article:2"), ticket);

		assertThat(this.cache.get("/articles/2/b")).isNotNull();
	}

	private static CachedPage page(String tag) {
		return new CachedPage(new byte[] { 'x' }, null, "text/html", Locale.ENGLISH, List.of(), "v1", Instant.now(),
				Set.of(tag), null, new AtomicReference<>());
	}

}
