package org.newswire.search;

import java.util.Set;

import org.newswire.pagecache.CacheablePages;
import org.newswire.pagecache.CacheablePages.Page;
import org.newswire.pagecache.PageTags;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Search results may list any story, so any story's change drops them.
 */
@Configuration(proxyBeanMethods = false)
class SearchPages {

	@Bean
	CacheablePages cacheableSearchPages() {
		return CacheablePages.of(Page.of("/search", Set.of("q", "page"), PageTags.LISTS));
	}

}
