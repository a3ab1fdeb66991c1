package org.newswire.push;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;

import org.newswire.article.ArticleSummary;
import org.newswire.article.Stories;
import org.newswire.article.VersionView;
import org.newswire.items.ItemFormat;
import org.newswire.items.Items;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a delivery carries: the change as the client's feed has it ({@link Items#entry}),
 * with its position in that feed, so a receiver can order and deduplicate; a test event
 * is a small JSON object of its own.
 */
@Component
class Bodies {

	private final JdbcTemplate jdbc;

	private final Stories stories;

	private final Items items;

	Bodies(JdbcTemplate jdbc, Stories stories, Items items) {
		this.jdbc = jdbc;
		this.stories = stories;
		this.items = items;
	}

	Body of(Deliveries.Delivery delivery, ItemFormat format, Instant now) {
		if (delivery.changeId() == null) {
			String json = "{\"change\":\"test\",\"id\":\"" + delivery.messageId() + "\",\"sentAt\":\"" + now + "\"}";
			return new Body("application/json", json.getBytes(StandardCharsets.UTF_8));
		}
		long changeId = delivery.changeId();
		Change change = this.jdbc.queryForObject(
				"select article_id, version_no, recorded_at from change_record where id = ?",
				(row, n) -> new Change(row.getLong(1), row.getObject(2, Integer.class), row.getTimestamp(3)), changeId);
		ArticleSummary story = this.stories.find(change.articleId())
			.orElseThrow(() -> new IllegalStateException("Story " + change.articleId() + " is not available"));
		VersionView version = (change.version() != null)
				? this.stories.version(change.articleId(), change.version()).orElse(story.current()) : story.current();
		byte[] bytes = this.items.entry(format, new Items.Entry(position(changeId), delivery.event(),
				change.recordedAt().toInstant(), story.withCurrent(version), version));
		return new Body(format.pageType().toString(), bytes);
	}

	/**
	 * The change's position in the client's feed.
	 */
	static String position(long changeId) {
		return Long.toString(changeId);
	}

	private record Change(long articleId, Integer version, Timestamp recordedAt) {
	}

	record Body(String contentType, byte[] bytes) {
	}

}
