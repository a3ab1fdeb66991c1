package org.newswire.pagecache;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long browsers and the edge keep an answer, as the policy writes it.
 */
class EdgeCachingTests {

	@Test
	void aCacheableAnswerTellsBrowsersHalfAMinuteAndTheEdgeADayWithItsTags() {
		MockHttpServletResponse response = new MockHttpServletResponse();

		EdgeCaching.cacheable(response, Set.of("lists"), EdgeCaching.EDGE);

		assertThat(response.getHeader("Cache-Control"))
			.isEqualTo("public, max-age=30, s-maxage=86400, stale-while-revalidate=60, stale-if-error=86400");
		assertThat(response.getHeader("xkey")).isEqualTo("lists");
		assertThat(response.getHeader("Surrogate-Key")).isEqualTo("lists");
	}

	@Test
	void anImmutableAnswerKeepsItsOwnCacheControlAndNeedsNoTag() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setHeader("Cache-Control", "public, max-age=31536000, immutable");

		EdgeCaching.cacheable(response, Set.of("article:1"), EdgeCaching.EDGE);

		assertThat(response.getHeader("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
		assertThat(response.getHeaderNames()).containsExactly("Cache-Control");
	}

	@Test
	void aPageThatAlsoExpiresWithTimeLeavesTheEdgeOnlyWhatIsLeftOfItsTime() {
		assertThat(EdgeCaching.edgeFor(Duration.ofHours(1), Duration.ofMinutes(20))).isEqualTo(Duration.ofMinutes(40));
		assertThat(EdgeCaching.edgeFor(Duration.ofHours(1), Duration.ofMinutes(70))).isEqualTo(Duration.ZERO);
		assertThat(EdgeCaching.edgeFor(null, Duration.ofDays(3))).isEqualTo(Duration.ofDays(1));
		assertThat(EdgeCaching.cacheControl(Duration.ofMinutes(40)))
			.isEqualTo("public, max-age=30, s-maxage=2400, stale-while-revalidate=60, stale-if-error=86400");
	}

}
