package org.newswire.pagecache;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

/**
 * Which rendered pages the cache keeps: a page whose rendering overlapped a change to it
 * may show the data before that change, so it is served but not kept; changes to other
 * pages do not stop it being kept. And a page many ask for at once is rendered once.
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
	void aPageWhoseRenderingOverlappedAChangeToItIsNotKept() {
		PageCache.Ticket ticket = this.cache.ticket();
		this.cache.on(writethru(7, 2, "world"));
		this.cache.put("/articles/2/b", page("article:2"), ticket);

		assertThat(this.cache.get("/articles/2/b")).isNull();
		this.cache.put("/articles/2/b", page("article:2"), this.cache.ticket());
		assertThat(this.cache.get("/articles/2/b")).isNotNull();
	}

	@Test
	void aPageWhoseRenderingOverlappedOnlyChangesToOtherPagesIsKept() {
		PageCache.Ticket ticket = this.cache.ticket();
		this.cache.on(writethru(7, 1, "world"));
		this.cache.on(writethru(8, 3, "business"));
		this.cache.put("/articles/2/b", page("article:2"), ticket);
		this.cache.put("/", page("lists"), ticket);

		assertThat(this.cache.get("/articles/2/b")).isNotNull();
		assertThat(this.cache.get("/")).as("every writethru changes the lists").isNull();
	}

	@Test
	void aPageWhoseRenderingOverlappedMoreChangesThanTheCacheRemembersIsNotKept() {
		PageCache.Ticket ticket = this.cache.ticket();
		for (int i = 1; i <= PageCache.RECENT + 1; i++) {
			this.cache.on(writethru(i, 1000 + i, "world"));
		}
		this.cache.put("/articles/2/b", page("article:2"), ticket);

		assertThat(this.cache.get("/articles/2/b")).isNull();
	}

	@Test
	void aTickerChangeDropsNoPageAndSoDoesNotStopOneBeingKept() {
		PageCache.Ticket ticket = this.cache.ticket();
		this.cache.on(new ChangeObserved(8, Set.of(ChangeKind.TICKER), null, null, Instant.now()));
		this.cache.put("/articles/2/b", page("article:2"), ticket);

		assertThat(this.cache.get("/articles/2/b")).isNotNull();
	}

	@Test
	void readersAskingForAPageBeingRenderedWaitForThatRender() throws Exception {
		PageCache.Claim first = this.cache.claim("/");
		assertThat(first).isNotNull();
		CompletableFuture<PageCache.Claim> second = new CompletableFuture<>();
		Thread reader = new Thread(() -> second.complete(this.cache.claim("/")));
		reader.start();
		await().until(() -> reader.getState() == Thread.State.TIMED_WAITING);
		assertThat(second).isNotDone();

		this.cache.put("/", page("lists"), this.cache.ticket());
		this.cache.release(first);

		assertThat(second.get(5, TimeUnit.SECONDS)).as("nothing left to render").isNull();
		assertThat(this.cache.get("/")).isNotNull();
		assertThat(this.cache.renders()).isOne();
	}

	@Test
	void aReleasedRenderCanBeClaimedAgain() {
		this.cache.release(this.cache.claim("/articles/2/b"));

		assertThat(this.cache.claim("/articles/2/b")).isNotNull();
	}

	private static ChangeObserved writethru(long id, long articleId, String section) {
		return new ChangeObserved(id, Set.of(ChangeKind.WRITETHRU), articleId, section, Instant.now());
	}

	private static CachedPage page(String tag) {
		return new CachedPage(200, new byte[] { 'x' }, null, "text/html", Locale.ENGLISH, List.of(), "v1",
				Instant.now(), Set.of(tag), null, new AtomicReference<>());
	}

}
