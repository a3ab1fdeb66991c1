package org.newswire.pagecache;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser or proxy revalidating its copy of a page gets back.
 */
class RevalidationTests {

	private static final String ETAG = "W/\"3028c8dc7e43.338\"";

	/** Mon, 30 Nov 2026 00:30:45 GMT */
	private static final long MODIFIED = 1_795_998_645_000L;

	@Test
	void aCopyWithTheCurrentTagIsNotSentAgain() {
		assertThat(status("If-None-Match", ETAG)).isEqualTo(304);
		assertThat(status("If-None-Match", "\"3028c8dc7e43.338\"")).as("weak comparison").isEqualTo(304);
		assertThat(status("If-None-Match", "W/\"old\", " + ETAG)).as("one of a list").isEqualTo(304);
		assertThat(status("If-None-Match", "*")).isEqualTo(304);
	}

	@Test
	void aCopyWithAnotherTagGetsThePage() {
		assertThat(status("If-None-Match", "W/\"3028c8dc7e43.337\"")).as("older ticker").isEqualTo(200);
		assertThat(status("If-None-Match", "\"" + "x".repeat(5000) + "\"")).isEqualTo(200);
	}

	@Test
	void theTagDecidesWhenBothAreSent() {
		MockHttpServletRequest request = request("If-None-Match", "W/\"old\"");
		request.addHeader("If-Modified-Since", "Mon, 30 Nov 2026 00:30:45 GMT");
		assertThat(status(request)).isEqualTo(200);
	}

	@Test
	void aDatedCopyIsCurrentFromTheSecondThePageChanged() {
		assertThat(status("If-Modified-Since", "Mon, 30 Nov 2026 00:30:45 GMT")).isEqualTo(304);
		assertThat(status("If-Modified-Since", "Mon, 30 Nov 2026 01:00:00 GMT")).isEqualTo(304);
		assertThat(status("If-Modified-Since", "Mon, 30 Nov 2026 00:30:44 GMT")).isEqualTo(200);
		assertThat(status("If-Modified-Since", "garbage")).isEqualTo(200);
	}

	/** The rare preconditions of an update are answered as Spring always did. */
	@Test
	void preconditionsKeepSpringsAnswers() {
		assertThat(status("If-Match", "W/\"other\"")).as("ignored on a read").isEqualTo(200);
		assertThat(status("If-Unmodified-Since", "Mon, 30 Nov 2026 00:00:00 GMT")).isEqualTo(412);
		assertThat(status("If-Unmodified-Since", "Mon, 30 Nov 2026 00:30:45 GMT")).isEqualTo(200);
	}

	@Test
	void noConditionGetsThePage() {
		assertThat(status(new MockHttpServletRequest("GET", "/"))).isEqualTo(200);
	}

	private static int status(String header, String value) {
		return status(request(header, value));
	}

	private static MockHttpServletRequest request(String header, String value) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/articles/1/a");
		request.addHeader(header, value);
		return request;
	}

	private static int status(MockHttpServletRequest request) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setHeader("ETag", ETAG);
		response.setDateHeader("Last-Modified", MODIFIED);
		Revalidation.notModified(request, response, ETAG, MODIFIED);
		return response.getStatus();
	}

}
