package org.newswire.site;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class CacheablePagesTests {

	private final PageCache.Version version = new PageCache.Version(7, "\"abc-7\"",
			Instant.parse("2026-11-26T10:00:00Z"));

	@Test
	void readerPagesAreKeyedByOriginPathAndTheParametersTheyRead() {
		assertThat(key("/")).hasValue("http://localhost:80/");
		assertThat(key("/articles/12/harbour-bridge-reopens"))
			.hasValue("http://localhost:80/articles/12/harbour-bridge-reopens");
		assertThat(key("/articles/12/harbour-bridge-reopens/versions/2"))
			.hasValue("http://localhost:80/articles/12/harbour-bridge-reopens/versions/2");
		MockHttpServletRequest older = request("/sections/world");
		older.addParameter("before", "2026-11-26T10:00:00Z~12");
		assertThat(CacheablePages.READER.key(older))
			.hasValue("http://localhost:80/sections/world?before=2026-11-26T10%3A00%3A00Z%7E12");
		MockHttpServletRequest otherHost = request("/");
		otherHost.setServerName("evil.example");
		assertThat(CacheablePages.READER.key(otherHost)).hasValue("http://evil.example:80/");
	}

	@Test
	void otherPathsAndOddRequestsAreNotCached() {
		assertThat(key("/desk")).isEmpty();
		assertThat(key("/ticker/stream")).isEmpty();
		assertThat(key("/articles/12")).isEmpty();
		assertThat(key("/articles/12/harbour-bridge-reopens/edit")).isEmpty();
		assertThat(key("/articles/12/harbour;jsessionid=1")).isEmpty();
		MockHttpServletRequest tracked = request("/");
		tracked.addParameter("utm_source", "mail");
		assertThat(CacheablePages.READER.key(tracked)).isEmpty();
		MockHttpServletRequest twice = request("/sections/world");
		twice.addParameter("before", "a", "b");
		assertThat(CacheablePages.READER.key(twice)).isEmpty();
	}

	@Test
	void ifNoneMatchComparesWeaklyAndWins() {
		assertThat(notModified("If-None-Match", "\"abc-7\"")).isTrue();
		assertThat(notModified("If-None-Match", "W/\"abc-7\"")).isTrue();
		assertThat(notModified("If-None-Match", "\"abc-6\", \"abc-7\"")).isTrue();
		assertThat(notModified("If-None-Match", "*")).isTrue();
		assertThat(notModified("If-None-Match", "\"abc-6\"")).isFalse();
		MockHttpServletRequest both = request("/");
		both.addHeader("If-None-Match", "\"abc-6\"");
		both.addHeader("If-Modified-Since", "Thu, 26 Nov 2026 11:00:00 GMT");
		assertThat(PageCacheFilter.notModified(both, this.version)).isFalse();
	}

	@Test
	void ifModifiedSinceComparesSecondsAndIgnoresNonsense() {
		assertThat(notModified("If-Modified-Since", "Thu, 26 Nov 2026 10:00:00 GMT")).isTrue();
		assertThat(notModified("If-Modified-Since", "Thu, 26 Nov 2026 09:59:59 GMT")).isFalse();
		assertThat(notModified("If-Modified-Since", "yesterday")).isFalse();
	}

	private Optional<String> key(String path) {
		return CacheablePages.READER.key(request(path));
	}

	private boolean notModified(String header, String value) {
		MockHttpServletRequest request = request("/");
		request.addHeader(header, value);
		return PageCacheFilter.notModified(request, this.version);
	}

	private static MockHttpServletRequest request(String path) {
		return new MockHttpServletRequest("GET", path);
	}

}
