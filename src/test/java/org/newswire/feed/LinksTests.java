package org.newswire.feed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinksTests {

	@Test
	void articleIdentityIsATagUriIndependentOfHostAndSlug() {
		assertThat(Links.articleUri(42)).isEqualTo("tag:newswire,2026:article:42");
		assertThat(Links.feedUri("sections:world")).isEqualTo("tag:newswire,2026:feed:sections:world");
	}

	@Test
	void locatedIsThePlaceOfTheDateline() {
		assertThat(Ninjs.located("PORT ELLIS, Nov. 26 (Newswire) --")).isEqualTo("PORT ELLIS");
		assertThat(Ninjs.located("LAKE ORVEN --")).isEqualTo("LAKE ORVEN");
	}

}
