package org.newswire.pagecache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.newswire.NewswireProperties;
import org.newswire.change.ChangeFollower;
import org.newswire.change.ChangeObserved;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Rendered pages, each kept until a change that touches it: a change drops the pages
 * tagged with its article, its section and the wire's lists, and nothing else. The live
 * fragment (the ticker) is not part of any stored page: it is rendered once per ticker
 * change and joined in when a page is served.
 * <p>
 * It follows {@link ChangeObserved}, so changes made on any node drop pages on every
 * node. A page whose rendering overlapped a drop of one of its tags is served but not
 * stored: it may have been rendered from the data before the change. One that overlapped
 * only changes to other pages is as current as any and is stored.
 */
@Component
public class PageCache {

	/**
	 * Where a page stored in the cache leaves room for the live fragment.
	 */
	public static final String MARKER = "<!--newswire:live-fragment-->";

	/**
	 * Set on requests whose page will be stored: the layout then writes {@link #MARKER}
	 * instead of the live fragment.
	 */
	public static final String SPLICE_ATTRIBUTE = "newswireSpliceLiveFragment";

	private final ChangeFollower follower;

	private final LiveFragment live;

	private final Clock clock;

	private final Cache<String, CachedPage> pages;

	private final Object lock = new Object();

	/**
	 * Hits and misses are counted as {@value #METER} with tag {@code result=hit|miss}
	 * (Prometheus: {@code newswire_page_cache_total}), the name dashboards know.
	 */
	static final String METER = "newswire.page.cache";

	private final Counter hits;

	private final Counter misses;

	private final AtomicLong renders = new AtomicLong();

	/**
	 * How long a request waits for another's render of the same page before it renders
	 * the page itself.
	 */
	private static final long RENDER_WAIT_SECONDS = 10;

	/**
	 * Pages being rendered to be stored, by key: when a change drops a page many readers
	 * ask for (the home page on a busy day), one request renders it and the others wait
	 * for its bytes instead of each rendering the same page.
	 */
	private final ConcurrentHashMap<String, CountDownLatch> rendering = new ConcurrentHashMap<>();

	/**
	 * Changes that dropped pages so far. Read without the lock: rendering threads must
	 * never queue behind each other or behind a drop for it.
	 */
	private final AtomicLong drops = new AtomicLong();

	/**
	 * How many recent drops {@link #recent} remembers: a render that overlapped more is
	 * not stored, whatever they dropped.
	 */
	static final int RECENT = 1024;

	/**
	 * The tags of the last {@link #RECENT} drops, drop {@code n} at {@code n % RECENT}.
	 */
	private final AtomicReferenceArray<Drop> recent = new AtomicReferenceArray<>(RECENT);

	/** The change the live fragment is as of; -1 until this node has followed one. */
	// Guarded by lock.
	private long fragmentVersion = -1;

	/** Rendered on first use after the change that altered it; null until then. */
	private volatile Fragment fragment;

	PageCache(ChangeFollower follower, ObjectProvider<LiveFragment> live, Clock clock, NewswireProperties properties,
			MeterRegistry meters) {
		this.follower = follower;
		this.live = live.getIfAvailable();
		this.clock = clock;
		this.pages = Caffeine.newBuilder()
			.maximumWeight(properties.pageCache().maxBytes().toBytes())
			.weigher((String key, CachedPage page) -> page.weight())
			.expireAfter(Expiry.creating(
					(String key, CachedPage page) -> (page.maxAge() != null) ? page.maxAge() : Duration.ofDays(365)))
			.build();
		this.hits = meters.counter(METER, "result", "hit");
		this.misses = meters.counter(METER, "result", "miss");
		Gauge.builder("newswire.page.cache.bytes", this, PageCache::weight)
			.description("Bytes the rendered-page cache holds")
			.register(meters);
	}

	/** The stored page, counted as a hit, or {@code null}. */
	CachedPage get(String key) {
		CachedPage page = this.pages.getIfPresent(key);
		if (page != null) {
			this.hits.increment();
		}
		return page;
	}

	/**
	 * Claims the render of a page that is not stored. When another request is rendering
	 * it already, waits for that render to end and returns {@code null}: the caller then
	 * looks the page up again, and renders it unclaimed if it is still missing (the other
	 * render failed, or overlapped a change and was not kept).
	 * @return the claim, to {@link #release} once the render is done
	 */
	Claim claim(String key) {
		CountDownLatch mine = new CountDownLatch(1);
		CountDownLatch theirs = this.rendering.putIfAbsent(key, mine);
		if (theirs == null) {
			return new Claim(key, mine);
		}
		try {
			theirs.await(RENDER_WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return null;
	}

	/**
	 * Counts a request for a cacheable page that is rendered, not served from the cache.
	 */
	void missed() {
		this.misses.increment();
	}

	void release(Claim claim) {
		this.rendering.remove(claim.key(), claim.done());
		claim.done().countDown();
	}

	/**
	 * Taken before a page is rendered, to store it only if no change dropped pages
	 * meanwhile.
	 */
	Ticket ticket() {
		return new Ticket(this.drops.get());
	}

	/**
	 * Stores the page unless a change dropped one of its tags since its ticket. A drop
	 * notes its tags and counts before it removes pages, so a page stored while a drop of
	 * its tags was under way is either removed by that drop or, if the count moved
	 * meanwhile, taken out again here.
	 * @return whether it is stored
	 */
	boolean put(String key, CachedPage page, Ticket ticket) {
		this.renders.incrementAndGet();
		if (droppedSince(ticket, page)) {
			return false;
		}
		this.pages.put(key, page);
		if (droppedSince(ticket, page)) {
			this.pages.asMap().remove(key, page);
			return false;
		}
		return true;
	}

	private boolean droppedSince(Ticket ticket, CachedPage page) {
		long last = this.drops.get();
		if (last - ticket.drops() >= RECENT) {
			return true;
		}
		for (long n = ticket.drops() + 1; n <= last; n++) {
			Drop drop = this.recent.get((int) (n % RECENT));
			// Overwritten by a later drop: what it dropped is not known any more.
			if (drop == null || drop.number() != n || page.taggedWithAny(drop.tags())) {
				return true;
			}
		}
		return false;
	}

	boolean hasFragment() {
		return this.live != null;
	}

	/**
	 * The tags of what a change alters at an edge: the pages it drops here, and the live
	 * fragment when it changes that.
	 */
	Set<String> edgeTags(ChangeObserved change) {
		Set<String> tags = PageTags.of(change);
		if (this.live == null || !this.live.changedBy(change)) {
			return tags;
		}
		Set<String> withFragment = new HashSet<>(tags);
		withFragment.add(PageTags.TICKER);
		return withFragment;
	}

	/** The live fragment as of the last change that altered it. */
	Fragment fragment() {
		Fragment current = this.fragment;
		if (current != null || this.live == null) {
			return current;
		}
		synchronized (this.lock) {
			if (this.fragment == null) {
				long version = (this.fragmentVersion >= 0) ? this.fragmentVersion : this.follower.lastSeen();
				this.fragment = new Fragment(version, this.live.render(), now());
			}
			return this.fragment;
		}
	}

	Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	/**
	 * First of every listener: whatever reacts to the change (the edge's purge above all)
	 * must find this node's pages gone.
	 */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(ChangeObserved change) {
		Set<String> tags = PageTags.of(change);
		synchronized (this.lock) {
			if (!tags.isEmpty()) {
				long number = this.drops.get() + 1;
				this.recent.set((int) (number % RECENT), new Drop(number, tags));
				this.drops.set(number);
				this.pages.asMap().values().removeIf((page) -> page.taggedWithAny(tags));
			}
			if (this.live != null && this.live.changedBy(change)) {
				// Rendered when next served: once per change at most, and once for a
				// run of changes followed together (a node catching up renders it once).
				this.fragmentVersion = change.id();
				this.fragment = null;
			}
		}
	}

	/** Pages rendered to be stored since start (the misses). */
	public long renders() {
		return this.renders.get();
	}

	/** Bytes the stored pages weigh. */
	public long weight() {
		return this.pages.policy().eviction().map((eviction) -> eviction.weightedSize().orElse(0)).orElse(0L);
	}

	/**
	 * @param version the change that made it what it is
	 */
	record Fragment(long version, byte[] bytes, Instant renderedAt) {
	}

	/**
	 * @param drops how many changes had dropped pages when the page began to render
	 */
	record Ticket(long drops) {
	}

	/**
	 * @param number its place among the drops, counted from one
	 * @param tags what it dropped
	 */
	private record Drop(long number, Set<String> tags) {
	}

	/**
	 * The right to render one page while others wait for it.
	 */
	record Claim(String key, CountDownLatch done) {
	}

}
