package org.newswire.items;

import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.newswire.article.ArticleSummary;
import org.newswire.article.VersionView;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Writes items, entries and pages. JSON goes through the application's own mapper, so
 * ninjs 2.2 reads exactly as the public API wrote it before this module existed. Both
 * JSON formats wrap items in the same envelope, in the snake_case the issue fixed for
 * {@code next_page}: {@code position}, {@code change}, {@code recorded_at}, {@code item};
 * only the item inside follows its format's naming.
 */
@Service
class StoryItems implements Items {

	private final JsonMapper json;

	private final Clock clock;

	private final ItemPhotos photos;

	StoryItems(JsonMapper json, Clock clock, ItemPhotos photos) {
		this.json = json;
		this.clock = clock;
		this.photos = photos;
	}

	@Override
	public byte[] item(ItemFormat format, ArticleSummary story, VersionView version) {
		return switch (format) {
			case NINJS_2, NINJS_3 -> this.json.writeValueAsBytes(json(format, story, version, photo(story, version)));
			case NEWSML_G2 -> NewsmlG2.item(story, version, photo(story, version));
		};
	}

	@Override
	public byte[] entry(ItemFormat format, Entry entry) {
		return switch (format) {
			case NINJS_2, NINJS_3 -> this.json.writeValueAsBytes(envelope(format, entry, this::photo));
			case NEWSML_G2 -> NewsmlG2.message(List.of(entry), null, this.clock.instant(), this::photo);
		};
	}

	@Override
	public byte[] page(ItemFormat format, List<Entry> entries, String nextPage) {
		BiFunction<ArticleSummary, VersionView, ItemPhotos.ItemPhoto> photos = this.photos.page(entries);
		return switch (format) {
			case NINJS_2, NINJS_3 -> this.json.writeValueAsBytes(
					new JsonPage(entries.stream().map((entry) -> envelope(format, entry, photos)).toList(), nextPage));
			case NEWSML_G2 -> NewsmlG2.message(entries, nextPage, this.clock.instant(), photos);
		};
	}

	private static Object json(ItemFormat format, ArticleSummary story, VersionView version,
			ItemPhotos.ItemPhoto photo) {
		return (format == ItemFormat.NINJS_3) ? Ninjs3.of(story, version, photo) : Ninjs.of(story, version, photo);
	}

	private ItemPhotos.ItemPhoto photo(ArticleSummary story, VersionView version) {
		return this.photos.lead(story, version).orElse(null);
	}

	private static JsonEntry envelope(ItemFormat format, Entry entry,
			BiFunction<ArticleSummary, VersionView, ItemPhotos.ItemPhoto> photos) {
		return new JsonEntry(entry.position(), entry.change(), entry.recordedAt().toString(),
				json(format, entry.story(), entry.version(), photos.apply(entry.story(), entry.version())));
	}

	@JsonPropertyOrder({ "position", "change", "recorded_at", "item" })
	record JsonEntry(String position, String change, @JsonProperty("recorded_at") String recordedAt, Object item) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "entries", "next_page" })
	record JsonPage(List<JsonEntry> entries, @JsonProperty("next_page") String nextPage) {
	}

}
