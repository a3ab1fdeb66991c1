package org.newswire.site;

import java.util.Set;

import org.newswire.pagecache.CacheablePages;
import org.newswire.pagecache.CacheablePages.Page;
import org.newswire.pagecache.PageTags;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The site's own cacheable pages: the home page lists every section, a section page its
 * own stories.
 */
@Configuration(proxyBeanMethods = false)
class SitePages {

	@Bean
	CacheablePages cacheableSitePages() {
		return CacheablePages.of(Page.of("/", PageTags.LISTS),
				Page.of("/sections/{section}", Set.of("before"), PageTags.SECTION));
	}

}
