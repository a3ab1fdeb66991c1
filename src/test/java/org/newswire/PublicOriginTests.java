package org.newswire;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class PublicOriginTests {

	@Test
	void configuredPublicUrlWinsWhateverTheRequestClaims() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/robots.txt");
		request.setServerName("evil.example");
		request.addHeader("Host", "evil.example");
		PublicOrigin origin = origin(Map.of("newswire.public-url", " https://news.example.org/ "));
		assertThat(origin.of(request)).isEqualTo("https://news.example.org");
		assertThat(origin.isConfigured()).isTrue();
	}

	@Test
	void withoutConfigurationTheRequestsOwnOriginIsUsedWithoutItsDefaultPort() {
		MockHttpServletRequest plain = new MockHttpServletRequest("GET", "/robots.txt");
		plain.setServerName("localhost");
		plain.setServerPort(8080);
		MockHttpServletRequest secure = new MockHttpServletRequest("GET", "/robots.txt");
		secure.setScheme("https");
		secure.setServerName("news.example.org");
		secure.setServerPort(443);
		PublicOrigin origin = origin(Map.of());
		assertThat(origin.of(plain)).isEqualTo("http://localhost:8080");
		assertThat(origin.of(secure)).isEqualTo("https://news.example.org");
		assertThat(origin.isConfigured()).isFalse();
	}

	private static PublicOrigin origin(Map<String, String> settings) {
		return new PublicOrigin(TestProperties.of(settings));
	}

}
