package org.newswire.pagecache;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The cacheable pages one module serves; each module declares its own as a bean. A page
 * must read nothing but its path and the listed parameters: any other parameter is
 * ignored and the cached bytes are served.
 */
public record CacheablePages(List<Page> pages) {

	public static CacheablePages of(Page... pages) {
		return new CacheablePages(List.of(pages));
	}

	/**
	 * A page pattern (Spring {@code PathPattern} syntax) answered from the cache.
	 *
	 * @param parameters the query parameters it reads
	 * @param tags what changes drop it, from {@link PageTags}; <code>{name}</code> stands
	 * for the path variable of that name
	 * @param maxAge how long it may be kept without a change, for pages that also change
	 * with time; {@code null} for no limit
	 */
	public record Page(String pattern, Set<String> parameters, Set<String> tags, Duration maxAge) {

		public static Page of(String pattern, Set<String> parameters, String... tags) {
			return new Page(pattern, parameters, Set.of(tags), null);
		}

		public static Page of(String pattern, String... tags) {
			return of(pattern, Set.of(), tags);
		}

		public Page expiringAfter(Duration maxAge) {
			return new Page(this.pattern, this.parameters, this.tags, maxAge);
		}

	}

}
