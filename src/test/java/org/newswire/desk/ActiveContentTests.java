package org.newswire.desk;

import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The XSS check would notice: each markup vector, pasted raw into a page or an attribute
 * the way an unencoded template would, is reported.
 */
class ActiveContentTests {

	@Test
	void everyMarkupVectorIsCaughtWhenItIsNotEncoded() {
		for (String vector : DeskXssTests.VECTORS) {
			// The split-tag vector only fools filters that strip "<script>"; raw,
			// browsers read it as an unknown element, so there is nothing to catch.
			if (vector.contains("<") && !vector.startsWith("<scr<")) {
				assertThat(ActiveContent.in(Jsoup.parse("<p>" + vector + "</p>"))).as(vector).isNotEmpty();
			}
		}
		assertThat(ActiveContent.in(Jsoup.parse("<input value=\"\" onmouseover=\"alert(1)\">"))).isNotEmpty();
		assertThat(ActiveContent.in(Jsoup.parse("<p><source srcset=\"/x.webp\"></p>")))
			.isEqualTo(List.of("element <source> outside <picture>"));
		assertThat(ActiveContent.in(Jsoup.parse("<input value='' onfocus='alert(1)' autofocus=''>"))).isNotEmpty();
		assertThat(ActiveContent.in(Jsoup.parse(
				"<script type=\"application/ld+json\">{\"headline\":\"</script><script>alert(1)</script>\"}</script>")))
			.isNotEmpty();
	}

	@Test
	void ownScriptsStylesheetsAndEncodedTextPass() {
		assertThat(ActiveContent.in(Jsoup.parse("<html><head><script src=\"/js/site.js\" defer></script>"
				+ "<link rel=\"stylesheet\" href=\"/css/site.css\">"
				+ "<script type=\"application/ld+json\">{\"headline\":\"\\u003cb\\u003e\"}</script></head><body>"
				+ "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><a href=\"/articles/1/x\">x</a>"
				+ "<picture><source type=\"image/webp\" srcset=\"/media/ab/320.webp 320w\">"
				+ "<img src=\"/media/ab/640.jpg\" alt=\"A harbour\"></picture></body></html>")))
			.isEmpty();
	}

}
