package org.newswire.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.newswire.TestStories;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Paths;
import org.newswire.article.Publishing;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A story on hold as machines read it: its RSS item and Atom entry keep their place but
 * say it is on hold and no longer carry the text, and its ninjs is {@code withheld}
 * without the text, every version of it included; after the release all of them carry the
 * text again.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HeldStoryFeedsTests {

	private static final String TEXT = "The crane fell across the container berth shortly after noon.";

	private final ObjectMapper json = new ObjectMapper();

	@Autowired
	MockMvc mvc;

	@Autowired
	Publishing publishing;

	@Test
	void aHeldStorysFeedEntriesSayItIsOnHoldAndNinjsIsWithheldWithoutTheText() throws Exception {
		ArticleSummary story = TestStories.story()
			.slugline("Hold-Feeds")
			.headline("Harbour crane topples in high wind")
			.paragraphs(TEXT)
			.publish(this.publishing);
		String uri = Paths.articleUri(story.id());
		assertThat(entry("/feeds/atom.xml", "entry", "id", uri).text()).contains(TEXT);

		this.publishing.hold(story.id(), "Reports of injuries are being checked.", "ada");

		for (String feed : new String[] { "/feeds/rss.xml", "/feeds/sections/world/rss.xml" }) {
			Element item = entry(feed, "item", "guid", uri);
			assertThat(item.select("title").text()).as(feed).contains("Harbour crane topples in high wind");
			assertThat(item.text()).as(feed).containsIgnoringCase("on hold").doesNotContain(TEXT);
		}
		for (String feed : new String[] { "/feeds/atom.xml", "/feeds/sections/world/atom.xml" }) {
			Element entry = entry(feed, "entry", "id", uri);
			assertThat(entry.select("title").text()).as(feed).contains("Harbour crane topples in high wind");
			assertThat(entry.text()).as(feed).containsIgnoringCase("on hold").doesNotContain(TEXT);
		}
		JsonNode item = ninjs("/api/ninjs/articles/" + story.id());
		assertThat(item.get("pubstatus").asText()).isEqualTo("withheld");
		assertThat(item.toString()).doesNotContain(TEXT);
		JsonNode polled = ninjs("/api/ninjs/articles?since=" + story.firstPublishedAt());
		assertThat(polled.get("items")).filteredOn((i) -> i.get("uri").asText().equals(uri))
			.singleElement()
			.satisfies((i) -> {
				assertThat(i.get("pubstatus").asText()).isEqualTo("withheld");
				assertThat(i.toString()).doesNotContain(TEXT);
			});
		String version = this.mvc.perform(get("/api/ninjs/articles/{id}/versions/1", story.id()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(version).doesNotContain(TEXT);

		this.publishing.releaseHold(story.id(), "ada");

		assertThat(entry("/feeds/atom.xml", "entry", "id", uri).text()).contains(TEXT)
			.doesNotContainIgnoringCase("on hold");
		JsonNode released = ninjs("/api/ninjs/articles/" + story.id());
		assertThat(released.get("pubstatus").asText()).isEqualTo("usable");
		assertThat(released.toString()).contains(TEXT);
	}

	/**
	 * The feed's entry whose {@code key} element reads {@code value}.
	 */
	private Element entry(String feed, String tag, String key, String value) throws Exception {
		String xml = this.mvc.perform(get(feed))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(xml, Parser.xmlParser())
			.select(tag)
			.stream()
			.filter((entry) -> entry.select(key).text().equals(value))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + tag + " " + value + " in " + feed));
	}

	private JsonNode ninjs(String path) throws Exception {
		return this.json.readTree(
				this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

}
