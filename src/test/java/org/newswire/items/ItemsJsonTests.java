package org.newswire.items;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleSummary;
import org.newswire.article.VersionView;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ninjs 2.2 and 3.0 items, entries and pages, checked against IPTC's schemas and value by
 * value.
 */
class ItemsJsonTests {

	/**
	 * Jackson 2, as the schema validator reads it; the application writes with Jackson 3.
	 */
	private static final ObjectMapper READ = new ObjectMapper();

	private final Items items = new StoryItems(JsonMapper.builder().build(),
			Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC), ItemPhotos.NONE);

	@Test
	void everyStateIsAValidItemInBothVersions() throws Exception {
		List<ArticleSummary> stories = List.of(ItemStories.usable(ItemStories.FIRST),
				ItemStories.usable(ItemStories.CORRECTION), ItemStories.withheld(), ItemStories.canceled(),
				ItemStories.embargoed(), ItemStories.lifted());
		for (ArticleSummary story : stories) {
			ninjs2(story, story.current());
			ninjs3(story, story.current());
		}
	}

	@Test
	void theNinjs3SchemaCheckRejectsWhat3Forbids() {
		String uri = "\"uri\": \"tag:newswire,2026:article:7\"";
		assertThat(StandardSchemas.ninjs(ItemFormat.NINJS_3, "{" + uri + ", \"urgency\": 3}")).isEmpty();
		assertThat(StandardSchemas.ninjs(ItemFormat.NINJS_3, "{" + uri + ", \"urgency\": \"3\"}")).isNotEmpty();
		assertThat(StandardSchemas.ninjs(ItemFormat.NINJS_3, "{" + uri + ", \"pubstatus\": \"usable\"}")).isNotEmpty();
		assertThat(StandardSchemas.ninjs(ItemFormat.NINJS_3, "{" + uri + ", \"embargoedUntil\": \"soon\"}"))
			.isNotEmpty();
	}

	@Test
	void aUsableNinjs3ItemSaysEverythingInCamelCase() throws Exception {
		JsonNode item = ninjs3(ItemStories.usable(ItemStories.FIRST), ItemStories.FIRST);
		assertThat(item).isEqualTo(READ.readTree(
				"""
						{"uri": "tag:newswire,2026:article:7",
						 "standard": {"name": "ninjs", "version": "3.0",
						   "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json"},
						 "type": "text", "representationType": "full", "version": "1",
						 "firstCreated": "2026-11-26T09:00:00Z", "versionCreated": "2026-11-26T09:00:00Z",
						 "pubStatus": "usable", "urgency": 3, "language": "en", "slugline": "Harbour-Test",
						 "located": "PORT ELLIS", "by": "By Ada Quill",
						 "headlines": [{"role": "main", "value": "Harbour pier closes <for> repairs & \\"more\\""}],
						 "bodies": [{"role": "main", "contentType": "text/html", "charCount": 105, "wordCount": 18,
						   "value": "<p>The harbour master said the pier would reopen &lt;soon&gt; &amp; safely.</p><p>Ferries will use the north berth meanwhile.</p>"}],
						 "subjects": [{"name": "World", "rel": "section", "literal": "world"}],
						 "infoSources": [{"name": "Newswire", "role": "originator", "literal": "NWS"}]}
						"""));
	}

	@Test
	void aCorrectionCarriesItsNoteEdNoteAndLabelledHeadline() throws Exception {
		ArticleSummary story = ItemStories.usable(ItemStories.CORRECTION);
		JsonNode three = ninjs3(story, ItemStories.CORRECTION);
		JsonNode two = ninjs2(story, ItemStories.CORRECTION);
		assertThat(three.get("version").asText()).isEqualTo("2").isEqualTo(two.get("version").asText());
		assertThat(three.get("versionCreated").asText()).isEqualTo("2026-11-26T09:40:00Z");
		assertThat(three.get("edNote").asText()).isEqualTo("Eds: CORRECTS berth in paragraph 2");
		assertThat(three.get("descriptions"))
			.isEqualTo(READ
				.readTree("[{\"role\": \"correction\", \"value\": \"An earlier version named the wrong berth.\"}]"))
			.isEqualTo(two.get("descriptions"));
		assertThat(three.at("/headlines/1/value").asText()).isEqualTo("Correction: Harbour pier reopens after repairs");
		assertThat(three.get("pubStatus").asText()).isEqualTo("usable");
	}

	@Test
	void aWithheldItemHasItsHeadlineAndHoldNoticeAndNoText() throws Exception {
		for (JsonNode item : List.of(ninjs3(ItemStories.withheld(), ItemStories.CORRECTION_HELD),
				ninjs2(ItemStories.withheld(), ItemStories.CORRECTION_HELD))) {
			assertThat((item.has("pubStatus") ? item.get("pubStatus") : item.get("pubstatus")).asText())
				.isEqualTo("withheld");
			assertThat(item.has("bodies")).isFalse();
			assertThat(item.get("descriptions"))
				.isEqualTo(READ.readTree("[{\"role\": \"hold\", \"value\": \"On hold: Figures are being checked.\"}]"));
			assertThat(item.at("/headlines/0/value").asText()).isEqualTo("Harbour pier reopens after repairs");
		}
	}

	@Test
	void aCanceledItemHasTheKillNoticeAndNoneOfTheWithdrawnText() throws Exception {
		JsonNode item = ninjs3(ItemStories.canceled(), ItemStories.FIRST);
		assertThat(item.get("pubStatus").asText()).isEqualTo("canceled");
		assertThat(item.get("edNote").asText()).isEqualTo("Withdrawn: the inspection was of another bridge.");
		assertThat(item.get("version").asText()).isEqualTo("2");
		assertThat(item.get("versionCreated").asText()).isEqualTo("2026-11-26T09:50:00Z");
		assertThat(item.has("headlines")).isFalse();
		assertThat(item.has("bodies")).isFalse();
		assertThat(item.has("descriptions")).isFalse();
		assertThat(item.has("by")).isFalse();
	}

	@Test
	void anEmbargoedItemCarriesItsLiftTime() throws Exception {
		assertThat(ninjs3(ItemStories.embargoed(), ItemStories.FIRST).get("embargoedUntil").asText())
			.isEqualTo("2026-11-26T11:00:00Z");
		assertThat(ninjs2(ItemStories.embargoed(), ItemStories.FIRST).get("embargoed").asText())
			.isEqualTo("2026-11-26T11:00:00Z");
		// ninjs 3.0 reads a lift time as "still embargoed until"; 2.2 always kept it.
		assertThat(ninjs3(ItemStories.lifted(), ItemStories.FIRST).has("embargoedUntil")).isFalse();
		assertThat(ninjs2(ItemStories.lifted(), ItemStories.FIRST).get("embargoed").asText())
			.isEqualTo("2026-11-26T11:00:00Z");
	}

	@Test
	void entriesAndPagesWrapEachItemWithItsPositionAndChange() throws Exception {
		Items.Entry published = new Items.Entry("c1", "published", ItemStories.FILED,
				ItemStories.usable(ItemStories.FIRST), ItemStories.FIRST);
		Items.Entry canceled = new Items.Entry("c2", "canceled", Instant.parse("2026-11-26T09:50:00.250Z"),
				ItemStories.canceled(), ItemStories.CORRECTION);
		for (ItemFormat format : List.of(ItemFormat.NINJS_2, ItemFormat.NINJS_3)) {
			JsonNode page = READ.readTree(this.items.page(format, List.of(published, canceled), "c2-next"));
			assertThat(page.get("next_page").asText()).isEqualTo("c2-next");
			assertThat(page.get("entries")).hasSize(2);
			JsonNode first = page.at("/entries/0");
			assertThat(fieldNames(first)).containsExactly("position", "change", "recorded_at", "item");
			assertThat(first.get("position").asText()).isEqualTo("c1");
			assertThat(first.get("change").asText()).isEqualTo("published");
			assertThat(first.get("recorded_at").asText()).isEqualTo("2026-11-26T09:00:00Z");
			assertThat(first.get("item"))
				.isEqualTo(READ.readTree(this.items.item(format, published.story(), published.version())));
			JsonNode second = page.at("/entries/1");
			assertThat(second.get("recorded_at").asText()).isEqualTo("2026-11-26T09:50:00.250Z");
			for (JsonNode entry : page.get("entries")) {
				assertThat(StandardSchemas.ninjs(format, entry.get("item").toString())).isEmpty();
			}
			JsonNode alone = READ.readTree(this.items.entry(format, canceled));
			assertThat(alone).isEqualTo(second);
			assertThat(READ.readTree(this.items.page(format, List.of(), "c0")))
				.isEqualTo(READ.readTree("{\"entries\": [], \"next_page\": \"c0\"}"));
		}
	}

	@Test
	void aLeadPhotoIsAnAssociationWithEveryRenditionInBothVersions() throws Exception {
		Items items = new StoryItems(JsonMapper.builder().build(), Clock.systemUTC(),
				(story, version) -> Optional.of(ItemStories.PHOTO));
		ArticleSummary story = ItemStories.usable(ItemStories.FIRST);
		JsonNode three = valid(items, ItemFormat.NINJS_3, story, ItemStories.FIRST);
		assertThat(three.get("associations")).isEqualTo(READ.readTree("""
				[{"name": "featuremedia", "uri": "tag:newswire,2026:photo:f00d", "type": "picture",
				  "representationType": "full", "by": "Ada Quill / Newswire",
				  "descriptions": [{"role": "caption", "value": "The ferry leaves Port Ellis."},
				                   {"role": "alt", "value": "A ferry leaving the pier"}],
				  "renditions": [
				    {"name": "webp-320", "href": "https://news.example.org/media/f00d/320.webp",
				     "contentType": "image/webp", "width": 320, "height": 213},
				    {"name": "jpg-320", "href": "https://news.example.org/media/f00d/320.jpg",
				     "contentType": "image/jpeg", "width": 320, "height": 213},
				    {"name": "webp-1200", "href": "https://news.example.org/media/f00d/1200.webp",
				     "contentType": "image/webp", "width": 1200, "height": 800},
				    {"name": "jpg-1200", "href": "https://news.example.org/media/f00d/1200.jpg",
				     "contentType": "image/jpeg", "width": 1200, "height": 800}]}]
				"""));
		JsonNode two = valid(items, ItemFormat.NINJS_2, story, ItemStories.FIRST);
		assertThat(two.at("/associations/0/representationtype").asText()).isEqualTo("full");
		assertThat(two.at("/associations/0/renditions/3/contenttype").asText()).isEqualTo("image/jpeg");
		assertThat(two.at("/associations/0/renditions/3/href").asText())
			.isEqualTo("https://news.example.org/media/f00d/1200.jpg");
		assertThat(two.at("/associations/0/descriptions")).isEqualTo(three.at("/associations/0/descriptions"));
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}

	private JsonNode ninjs3(ArticleSummary story, VersionView version) throws Exception {
		return valid(ItemFormat.NINJS_3, story, version);
	}

	private JsonNode ninjs2(ArticleSummary story, VersionView version) throws Exception {
		return valid(ItemFormat.NINJS_2, story, version);
	}

	private JsonNode valid(ItemFormat format, ArticleSummary story, VersionView version) throws Exception {
		return valid(this.items, format, story, version);
	}

	private static JsonNode valid(Items items, ItemFormat format, ArticleSummary story, VersionView version)
			throws Exception {
		String json = new String(items.item(format, story, version), StandardCharsets.UTF_8);
		assertThat(StandardSchemas.ninjs(format, json)).as(json).isEmpty();
		return READ.readTree(json);
	}

}
