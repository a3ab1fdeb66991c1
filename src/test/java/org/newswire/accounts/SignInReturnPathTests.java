package org.newswire.accounts;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After sign-in the editor goes back to the page they asked for, always on this portal: a
 * saved request's full URL names whatever host the browser or a proxy claimed, so only
 * its path and query are kept.
 */
class SignInReturnPathTests {

	private final MockHttpServletRequest request = new MockHttpServletRequest();

	@Test
	void aPathIsKeptAsItIs() {
		assertThat(SignInEvents.path(this.request, "/desk/articles/3/writethru?from=2"))
			.isEqualTo("/desk/articles/3/writethru?from=2");
	}

	@Test
	void aFullUrlKeepsOnlyItsPathAndQueryWhateverHostItNames() {
		assertThat(SignInEvents.path(this.request, "https://elsewhere.example/desk/articles/3?from=2"))
			.isEqualTo("/desk/articles/3?from=2");
		assertThat(SignInEvents.path(this.request, "//elsewhere.example/desk")).isEqualTo("/desk");
		assertThat(SignInEvents.path(this.request, "https://elsewhere.example")).isEqualTo("/");
	}

	@Test
	void theApplicationsContextPathIsLeftOutOfTheReturnPath() {
		this.request.setContextPath("/wire");
		assertThat(SignInEvents.path(this.request, "http://localhost:8080/wire/desk/audit?before=40"))
			.isEqualTo("/desk/audit?before=40");
	}

}
