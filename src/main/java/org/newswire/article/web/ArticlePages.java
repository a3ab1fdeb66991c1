package org.newswire.article.web;

import java.util.Set;

import org.newswire.pagecache.CacheablePages;
import org.newswire.pagecache.CacheablePages.Page;
import org.newswire.pagecache.PageTags;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The article module's cacheable pages: an article's pages change with that article only;
 * the corrections list with any story.
 */
@Configuration(proxyBeanMethods = false)
class ArticlePages {

	@Bean
	CacheablePages cacheableArticlePages() {
		return CacheablePages.of(Page.of("/articles/{id}/{slug}", PageTags.ARTICLE),
				Page.of("/articles/{id}/{slug}/versions", PageTags.ARTICLE),
				Page.of("/articles/{id}/{slug}/versions/{sequence}", PageTags.ARTICLE),
				Page.of("/articles/{id}/{slug}/compare", Set.of("from", "to"), PageTags.ARTICLE),
				Page.of("/corrections", Set.of("page"), PageTags.LISTS));
	}

}
