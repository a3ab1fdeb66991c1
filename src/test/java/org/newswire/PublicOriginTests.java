package org.newswire;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class PublicOriginTests {

	@Test
	void aConfiguredPublicUrlWinsOverTheRequestSoACachedFeedCannotCarryAForgedHost() {
		PublicOrigin origin = new PublicOrigin(TestProperties.of("newswire.public-url", "https://wire.example.org/"));
		MockHttpServletRequest forged = new MockHttpServletRequest();
		forged.setServerName("evil.example");
		assertThat(origin.of(forged)).isEqualTo("https://wire.example.org");
		assertThat(origin.isConfigured()).isTrue();
	}

	@Test
	void withoutOneTheRequestsOwnOriginIsUsed() {
		PublicOrigin origin = new PublicOrigin(TestProperties.of());
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setServerName("news.example.org");
		request.setServerPort(8080);
		assertThat(origin.of(request)).isEqualTo("http://news.example.org:8080");
		request.setServerPort(80);
		assertThat(origin.of(request)).isEqualTo("http://news.example.org");
	}

}
