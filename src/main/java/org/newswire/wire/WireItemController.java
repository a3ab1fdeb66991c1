package org.newswire.wire;

import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.newswire.article.ArticleSummary;
import org.newswire.article.EditorialListing;
import org.newswire.article.Stories;
import org.newswire.clients.WireClient;
import org.newswire.items.ItemFormat;
import org.newswire.items.Items;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * {@code GET /api/v1/items/{id}}: one story as it stands now, in the negotiated format,
 * with an {@code ETag} of its version and state for conditional requests.
 * <p>
 * A story the client may not receive is not found (404), whether it waits for an embargo
 * the client is not entitled to see ahead or belongs to another section: a 403 would tell
 * the client it exists. A killed story is served with pubstatus {@code canceled}, which
 * is what a client that has it must learn.
 */
@RestController
@RequestMapping("/api/v1")
class WireItemController {

	private final Stories stories;

	private final EditorialListing desk;

	private final Items items;

	WireItemController(Stories stories, EditorialListing desk, Items items) {
		this.stories = stories;
		this.desk = desk;
		this.items = items;
	}

	@GetMapping("/items/{id}")
	@Operation(summary = "One story as it stands now",
			description = "With an ETag of its version and state: send it as If-None-Match to get 304 while "
					+ "nothing changed. A story outside your subscription, or under an embargo you do not receive "
					+ "ahead, is not found.")
	@ApiResponse(responseCode = "200", description = "The item")
	@ApiResponse(responseCode = "304", description = "Unchanged since the ETag you sent")
	@ApiResponse(responseCode = "404", description = "No such story in your subscription",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "406", description = "An unknown format",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<byte[]> item(WireClient client, @PathVariable String id,
			@Parameter(description = "ninjs2 (default), ninjs3 or newsml-g2; wins over Accept") @RequestParam(
					required = false) String format,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			WebRequest request) {
		ItemFormat itemFormat = WireFeedController.format(accept, format);
		ArticleSummary story = story(client, id)
			.orElseThrow(() -> WireProblem.notFound("No story " + id + " in your subscription."));
		String etag = "\"" + story.current().sequence() + "-" + story.pubstatus().ninjs() + "-"
				+ (story.embargoed() ? story.embargoUntil().toEpochMilli() : 0) + "-" + itemFormat.parameter() + "\"";
		if (request.checkNotModified(etag)) {
			return null;
		}
		return ResponseEntity.ok()
			.contentType(itemFormat.itemType())
			.eTag(etag)
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
			.body(this.items.item(itemFormat, story, story.current()));
	}

	private Optional<ArticleSummary> story(WireClient client, String id) {
		long articleId;
		try {
			articleId = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		Optional<ArticleSummary> found = this.stories.find(articleId);
		if (found.isEmpty() && client.embargoAhead()) {
			// The desk's read is the only one that has a story still under embargo; such
			// a
			// story cannot be on hold (Article.hold refuses), so it has no text to
			// withhold.
			found = this.desk.story(articleId).filter(ArticleSummary::embargoed);
		}
		return found.filter((story) -> client.receives(story.section().code()));
	}

}
