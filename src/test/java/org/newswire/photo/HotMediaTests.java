package org.newswire.photo;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory in front of the media controller answers as the controller would, and keeps
 * nothing it must not give to everyone.
 */
class HotMediaTests {

	private static final String URL = "/media/" + "a".repeat(64) + "/640.jpg";

	private static final String ETAG = "\"" + "a".repeat(64) + "-640-jpg\"";

	private final AtomicInteger served = new AtomicInteger();

	@Test
	void aListOfTagsOrAWeakTagIsAnswered304FromMemoryAsTheControllerAnswersIt() throws Exception {
		HotMedia.Filter filter = new HotMedia.Filter();
		assertThat(ask(filter, null, false).getStatus()).isEqualTo(200);
		for (String asked : new String[] { ETAG, "\"other\", " + ETAG, "W/" + ETAG, "*" }) {
			MockHttpServletResponse again = ask(filter, asked, false);
			assertThat(again.getStatus()).as(asked).isEqualTo(304);
			assertThat(again.getContentAsByteArray()).as(asked).isEmpty();
			assertThat(again.getHeaders("ETag")).as(asked).containsExactly(ETAG);
		}
		assertThat(ask(filter, "\"other\"", false).getContentAsByteArray()).isEqualTo(new byte[] { 1, 2, 3 });
		assertThat(this.served).as("answered from memory after the first").hasValue(1);
	}

	@Test
	void anAnswerThatSetsACookieIsNeverReplayed() throws Exception {
		HotMedia.Filter filter = new HotMedia.Filter();
		ask(filter, null, true);
		assertThat(ask(filter, null, false).getHeader("Set-Cookie")).isNull();
		assertThat(this.served).as("asked of the controller each time").hasValue(2);
	}

	private MockHttpServletResponse ask(HotMedia.Filter filter, String ifNoneMatch, boolean cookie) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", URL);
		if (ifNoneMatch != null) {
			request.addHeader("If-None-Match", ifNoneMatch);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		FilterChain controller = (req, res) -> {
			this.served.incrementAndGet();
			HttpServletResponse answer = (HttpServletResponse) res;
			answer.setHeader("Cache-Control", MediaController.CACHE_CONTROL.getHeaderValue());
			answer.setHeader("ETag", ETAG);
			answer.setContentType("image/jpeg");
			if (cookie) {
				answer.addHeader("Set-Cookie", "SESSION=editor; Path=/; HttpOnly");
			}
			answer.getOutputStream().write(new byte[] { 1, 2, 3 });
		};
		filter.doFilter(request, response, controller);
		return response;
	}

}
