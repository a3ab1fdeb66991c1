package org.newswire.pagecache;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.newswire.pagecache.CacheablePages.Page;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class PageRoutesTests {

	private final PageRoutes routes = new PageRoutes(List.of(
			CacheablePages.of(Page.of("/", PageTags.LISTS),
					Page.of("/sections/{section}", Set.of("before"), PageTags.SECTION)),
			CacheablePages.of(Page.of("/articles/{id}/{slug}", PageTags.ARTICLE),
					Page.of("/articles/{id}/{slug}/compare", Set.of("from", "to"), PageTags.ARTICLE)),
			CacheablePages.of(Page.of("/feeds/{file}", PageTags.LISTS),
					Page.of("/feeds/sections/{section}/{file}", PageTags.SECTION))));

	@Test
	void pagesAreKeyedByOriginPathAndOnlyTheParametersTheyRead() {
		assertThat(match("/").key()).isEqualTo("http://localhost:80/");
		MockHttpServletRequest tracked = request("/articles/12/harbour-bridge-reopens");
		tracked.addParameter("utm_source", "mail");
		tracked.addParameter("x", "1", "2");
		assertThat(this.routes.match(tracked).key())
			.isEqualTo("http://localhost:80/articles/12/harbour-bridge-reopens");
		assertThat(this.routes.match(tracked).repeated()).isFalse();
		MockHttpServletRequest compare = request("/articles/12/harbour-bridge-reopens/compare");
		compare.addParameter("to", "3");
		compare.addParameter("from", "1");
		compare.addParameter("fbclid", "abc");
		assertThat(this.routes.match(compare).key())
			.isEqualTo("http://localhost:80/articles/12/harbour-bridge-reopens/compare?from=1&to=3");
		MockHttpServletRequest otherHost = request("/");
		otherHost.setServerName("evil.example");
		assertThat(this.routes.match(otherHost).key()).isEqualTo("http://evil.example:80/");
	}

	@Test
	void tagsNameTheArticleOrSectionOfThePath() {
		assertThat(match("/articles/12/harbour-bridge-reopens").tags()).containsExactly("article:12");
		assertThat(match("/sections/world").tags()).containsExactly("section:world");
		assertThat(match("/feeds/sections/world/rss.xml").tags()).containsExactly("section:world");
		assertThat(match("/feeds/rss.xml").tags()).containsExactly("lists");
	}

	@Test
	void aRepeatedParameterThePageReadsIsFlagged() {
		MockHttpServletRequest twice = request("/sections/world");
		twice.addParameter("before", "a", "b");
		assertThat(this.routes.match(twice).repeated()).isTrue();
	}

	@Test
	void otherPathsAndPathParametersAreNotCached() {
		assertThat(match("/desk")).isNull();
		assertThat(match("/ticker/stream")).isNull();
		assertThat(match("/articles/12")).isNull();
		assertThat(match("/articles/12/harbour-bridge-reopens/edit")).isNull();
		assertThat(match("/articles/12/harbour;jsessionid=1")).isNull();
		assertThat(match("/sections/world/")).isNull();
		assertThat(match("/feeds/sections/world")).isNull();
	}

	private PageRoutes.Match match(String path) {
		return this.routes.match(request(path));
	}

	private static MockHttpServletRequest request(String path) {
		return new MockHttpServletRequest("GET", path);
	}

}
