package org.newswire.items;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ItemFormatTests {

	@Test
	void withoutAPreferenceAClientGetsNinjs2AsThePublicApiAlwaysServed() {
		assertThat(ItemFormat.negotiate(null, null)).contains(ItemFormat.NINJS_2);
		assertThat(ItemFormat.negotiate("", null)).contains(ItemFormat.NINJS_2);
		assertThat(ItemFormat.negotiate("*/*", null)).contains(ItemFormat.NINJS_2);
		assertThat(ItemFormat.negotiate("application/json", null)).contains(ItemFormat.NINJS_2);
		assertThat(ItemFormat.negotiate("application/*", null)).contains(ItemFormat.NINJS_2);
	}

	@Test
	void acceptChoosesByMediaTypeProfileAndQuality() {
		assertThat(ItemFormat.negotiate("application/vnd.iptc.g2.newsitem+xml", null)).contains(ItemFormat.NEWSML_G2);
		assertThat(ItemFormat.negotiate("application/vnd.iptc.g2.newsmessage+xml", null))
			.contains(ItemFormat.NEWSML_G2);
		assertThat(ItemFormat
			.negotiate("application/json; profile=\"http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json#\"", null))
			.contains(ItemFormat.NINJS_3);
		assertThat(ItemFormat
			.negotiate("application/json;profile=\"http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json\"", null))
			.contains(ItemFormat.NINJS_2);
		assertThat(ItemFormat.negotiate("application/json;q=0.5, application/vnd.iptc.g2.newsitem+xml", null))
			.contains(ItemFormat.NEWSML_G2);
		assertThat(ItemFormat.negotiate("text/html, application/vnd.iptc.g2.newsitem+xml;q=0.9, */*;q=0.1", null))
			.contains(ItemFormat.NEWSML_G2);
		assertThat(ItemFormat.negotiate("application/vnd.iptc.g2.newsitem+xml;q=0, application/json", null))
			.contains(ItemFormat.NINJS_2);
	}

	@Test
	void theFormatParameterWinsOverAccept() {
		assertThat(ItemFormat.negotiate("application/json", "newsml-g2")).contains(ItemFormat.NEWSML_G2);
		assertThat(ItemFormat.negotiate(null, "ninjs3")).contains(ItemFormat.NINJS_3);
		assertThat(ItemFormat.negotiate("text/html", " NINJS2 ")).contains(ItemFormat.NINJS_2);
	}

	@Test
	void whatNoFormatMatchesIsNotAcceptable() {
		assertThat(ItemFormat.negotiate(null, "nitf")).isEqualTo(Optional.empty());
		assertThat(ItemFormat.negotiate(null, "")).isEqualTo(Optional.empty());
		assertThat(ItemFormat.negotiate("text/html", null)).isEqualTo(Optional.empty());
		assertThat(ItemFormat.negotiate("application/xml", null)).isEqualTo(Optional.empty());
		assertThat(ItemFormat.negotiate("application/json;q=0", null)).isEqualTo(Optional.empty());
		assertThat(ItemFormat.negotiate("application/json;profile=\"http://example.org/other.json\"", null))
			.isEqualTo(Optional.empty());
		assertThat(ItemFormat.negotiate("not a media type", null)).isEqualTo(Optional.empty());
	}

	@Test
	void eachFormatNamesItsTypesAndParameter() {
		assertThat(ItemFormat.NINJS_2.parameter()).isEqualTo("ninjs2");
		assertThat(ItemFormat.NINJS_3.parameter()).isEqualTo("ninjs3");
		assertThat(ItemFormat.NEWSML_G2.parameter()).isEqualTo("newsml-g2");
		assertThat(ItemFormat.NINJS_3.itemType()).hasToString("application/json");
		assertThat(ItemFormat.NEWSML_G2.itemType()).hasToString("application/vnd.iptc.g2.newsitem+xml");
		assertThat(ItemFormat.NEWSML_G2.pageType()).hasToString("application/vnd.iptc.g2.newsmessage+xml");
		assertThat(ItemFormat.NINJS_3.schema()).contains("http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json");
		assertThat(ItemFormat.NEWSML_G2.schema()).isEqualTo(Optional.empty());
	}

}
