package org.newswire.feed;

import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Listings;
import org.newswire.article.PubStatus;
import org.newswire.article.SectionView;
import org.newswire.article.SourceView;
import org.newswire.article.Stories;
import org.newswire.article.Urgency;
import org.newswire.article.VersionView;
import org.newswire.article.WritethruKind;
import org.newswire.items.Items;
import org.newswire.photo.Photos;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The feeds module alone, with the articles' reads and the items mocked: the RSS feed is
 * what the listing says, each item titled with its writethru label, linked to the story's
 * page and identified by a guid that is no permalink. {@code FeedTests} reads real
 * stories. The reader security chain belongs to {@code site}; a chain that lets readers
 * in stands in for it.
 */
@ApplicationModuleTest
@AutoConfigureMockMvc
class FeedModuleTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Listings listings;

	@MockitoBean
	Stories stories;

	/** What the ninjs pages serve their stories through. */
	@MockitoBean
	Items items;

	/** The listing's stories lead with no photo. */
	@MockitoBean
	Photos photos;

	@Test
	void theRssFeedIsTheListingWithLabelledTitlesLinksAndGuids() throws Exception {
		Instant at = Instant.parse("2026-11-26T09:30:00Z");
		VersionView current = new VersionView(41, 2, WritethruKind.LD_WRITETHRU, "LD Writethru", "Tide tables revised",
				List.of("The harbour master revised the tide tables."), null, null, "ada", at);
		ArticleSummary story = new ArticleSummary(41, "tide-tables-revised", new SectionView("world", "World"),
				new SourceView("NWS", "Newswire", "Endi"), "Tides", "PORT ELLIS, Nov. 26 (Newswire) --", null, "en",
				Urgency.ROUTINE, PubStatus.USABLE, at.minusSeconds(3600), at, null, null, null, false, null, null,
				current);
		given(this.listings.latestWithText(null, null, FeedController.SIZE)).willReturn(List.of(story));

		String rss = this.mvc.perform(get("/feeds/rss.xml"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		Document feed = Jsoup.parse(rss, Parser.xmlParser());
		assertThat(feed.select("item > title").eachText()).containsExactly("LD Writethru: Tide tables revised");
		assertThat(feed.select("item > link").eachText())
			.containsExactly("http://localhost/articles/41/tide-tables-revised");
		assertThat(feed.select("item > guid").eachText()).containsExactly("tag:newswire,2026:article:41");
		assertThat(feed.select("item > guid").attr("isPermaLink")).isEqualTo("false");
	}

	@TestConfiguration
	static class Readers {

		@Bean
		SecurityFilterChain readerChain(HttpSecurity http) throws Exception {
			return http.build();
		}

	}

}
