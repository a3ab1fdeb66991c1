package org.newswire.feed;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newswire.PublicOrigin;
import org.newswire.article.Paths;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class LinksTests {

	@AfterEach
	void forgetRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void absoluteLinksStartFromThePublicOriginOfTheRequestBeingServed() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		PublicOrigin origin = mock(PublicOrigin.class);
		given(origin.of(request)).willReturn("https://wire.example.org");
		assertThat(new Links(origin).absolute("/articles/7/pier-reopens"))
			.isEqualTo("https://wire.example.org/articles/7/pier-reopens");
	}

	@Test
	void articleIdentityIsATagUriIndependentOfHostAndSlug() {
		assertThat(Paths.articleUri(42)).isEqualTo("tag:newswire,2026:article:42");
		assertThat(Links.feedUri("sections:world")).isEqualTo("tag:newswire,2026:feed:sections:world");
	}

}
