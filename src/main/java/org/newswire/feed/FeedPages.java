package org.newswire.feed;

import java.time.Duration;
import java.util.Set;

import org.newswire.pagecache.CacheablePages;
import org.newswire.pagecache.CacheablePages.Page;
import org.newswire.pagecache.PageTags;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Feeds, sitemaps and ninjs items go through the page cache, which renders each once per
 * change and answers conditional requests for them.
 */
@Configuration(proxyBeanMethods = false)
class FeedPages {

	@Bean
	CacheablePages cacheableFeedPages() {
		return CacheablePages.of(Page.of("/feeds/{file}", PageTags.LISTS),
				Page.of("/feeds/sections/{section}/{file}", PageTags.SECTION), Page.of("/sitemap.xml", PageTags.LISTS),
				Page.of("/sitemaps/sections.xml", PageTags.LISTS),
				Page.of("/sitemaps/articles-{number}.xml", PageTags.LISTS),
				// Stories also leave the news sitemap's two-day window as time passes.
				Page.of("/sitemap-news.xml", PageTags.LISTS).expiringAfter(Duration.ofHours(1)),
				Page.of("/api/ninjs/articles", Set.of("since"), PageTags.LISTS),
				Page.of("/api/ninjs/articles/{id}", PageTags.ARTICLE),
				Page.of("/api/ninjs/articles/{id}/versions/{sequence}", PageTags.ARTICLE),
				// The feed of one story changes with that story alone.
				Page.of("/articles/{id}/{slug}/atom.xml", PageTags.ARTICLE));
	}

}
