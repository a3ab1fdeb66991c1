package org.newswire.wire;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.newswire.NewswireProperties;
import org.newswire.article.Listings;
import org.newswire.article.Urgency;
import org.newswire.clients.WireClient;
import org.newswire.items.ItemFormat;
import org.newswire.items.Items;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * {@code GET /api/v1/feed}: the changes after a cursor, or, when there are none yet, the
 * first that comes within {@code newswire.wire.long-poll}, waited for without a servlet
 * thread (docs/api.md).
 */
@RestController
@RequestMapping("/api/v1")
class WireFeedController {

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 500;

	/** The cursor of an empty NewsML-G2 page, which has no news message to carry it. */
	static final String NEXT_PAGE = "Next-Page";

	private final WireFeed feed;

	private final LongPolls polls;

	private final Items items;

	private final Listings listings;

	private final FeedLag lag;

	private final long longPollMillis;

	WireFeedController(WireFeed feed, LongPolls polls, Items items, Listings listings, FeedLag lag,
			NewswireProperties properties) {
		this.feed = feed;
		this.polls = polls;
		this.items = items;
		this.listings = listings;
		this.lag = lag;
		this.longPollMillis = properties.wire().longPoll().toMillis();
	}

	@GetMapping("/feed")
	@Operation(summary = "Every change to every story you receive, in change order", description = """
			Each entry is one change (published, writethru, correction, withheld, released, canceled, \
			embargoed, embargo-lifted) with the story as it stood after it. Follow next_page: send it \
			back as cursor= and you see every change once, in order, across nodes and restarts. It names \
			the last change scanned, so filters never make you read changes twice. With nothing new the \
			request waits up to 15 s for the next change (long poll) and then answers an empty page \
			whose next_page has moved on. Without cursor or since it starts at the newest change.\
			""")
	@ApiResponse(responseCode = "200", description = "A page of entries and next_page")
	@ApiResponse(responseCode = "204",
			description = "An empty page in NewsML-G2, which has no empty news message: next_page is the Next-Page "
					+ "header")
	@ApiResponse(responseCode = "400",
			description = "Invalid, forged or future cursor; since, limit, urgency or section not understood",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "403", description = "A section outside your subscription",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "406", description = "An unknown format",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "410",
			description = "The cursor is past retention or of another database: restart with since=",
			content = @Content(mediaType = "application/problem+json"))
	DeferredResult<ResponseEntity<byte[]>> feed(WireClient client,
			@Parameter(description = "next_page of the previous answer, exactly as received") @RequestParam(
					required = false) String cursor,
			@Parameter(description = "Start at the first change recorded at or after this ISO-8601 time "
					+ "(within retention, 30 days)") @RequestParam(required = false) String since,
			@Parameter(description = "Section codes, comma-separated, within your subscription; "
					+ "default: all of yours") @RequestParam(required = false) String sections,
			@Parameter(description = "Least urgent level wanted, 1 (Flash) to 8: stories of that urgency or more "
					+ "urgent") @RequestParam(required = false) String urgency,
			@Parameter(description = "Entries at most, default 50; above 500 taken as 500") @RequestParam(
					required = false) String limit,
			@Parameter(description = "ninjs2 (default), ninjs3 or newsml-g2; wins over Accept") @RequestParam(
					required = false) String format,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		ItemFormat itemFormat = format(accept, format);
		FeedQuery query = new FeedQuery(client, sections(client, sections), urgency(urgency), limit(limit));
		if (cursor != null && since != null) {
			throw WireProblem.badRequest("cursor-and-since", "Cursor and since together",
					"Send either cursor (to resume) or since (to start at a time), not both.");
		}
		WireState.Now now = this.feed.now();
		long after = this.feed.start(cursor, since(since), now);
		DeferredResult<ResponseEntity<byte[]>> result = new DeferredResult<>(this.longPollMillis);
		WireFeed.Page page = this.feed.page(query, after, now);
		if (!page.entries().isEmpty() || !page.atEnd()) {
			result.setResult(answer(query, written(itemFormat, page)));
			return result;
		}
		Waiter waiter = new Waiter(query, itemFormat, result, page.scanned());
		result.onTimeout(() -> {
			this.polls.timedOut(waiter);
			try {
				result.setResult(answer(query, written(itemFormat, this.feed.page(query, waiter.after()))));
			}
			catch (RuntimeException ex) {
				result.setErrorResult(ex);
			}
		});
		result.onCompletion(() -> this.polls.forget(waiter));
		if (!this.polls.add(waiter)) {
			result.setResult(answer(query, written(itemFormat, page)));
		}
		return result;
	}

	/**
	 * A page written in its format; no body for an empty NewsML-G2 page, as a news
	 * message carries one item or more (docs/formats.md).
	 */
	private record Written(WireFeed.Page page, ItemFormat format, byte[] body) {
	}

	private Written written(ItemFormat format, WireFeed.Page page) {
		return new Written(page, format, (page.entries().isEmpty() && format == ItemFormat.NEWSML_G2) ? null
				: this.items.page(format, page.entries(), page.nextPage()));
	}

	private ResponseEntity<byte[]> answer(FeedQuery query, Written written) {
		WireFeed.Page page = written.page();
		page.newestRecordedAt().ifPresent((recordedAt) -> this.lag.delivered(query.client(), recordedAt));
		if (written.body() == null) {
			return ResponseEntity.noContent()
				.header(NEXT_PAGE, page.nextPage())
				.header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
				.build();
		}
		return ResponseEntity.ok()
			.contentType(written.format().pageType())
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
			.body(written.body());
	}

	static ItemFormat format(String accept, String format) {
		return ItemFormat.negotiate(accept, format)
			.orElseThrow(() -> WireProblem.notAcceptable("Formats: format=ninjs2 (the default), ninjs3 or newsml-g2, "
					+ "or Accept: application/json or application/vnd.iptc.g2.newsitem+xml."));
	}

	private Set<String> sections(WireClient client, String wanted) {
		if (wanted == null) {
			return client.sections();
		}
		Set<String> codes = new LinkedHashSet<>(Arrays.asList(wanted.split(",", -1)));
		for (String code : codes) {
			if (this.listings.section(code).isEmpty()) {
				throw WireProblem.badRequest("unknown-section", "Unknown section",
						"No section '" + code + "'. Sections are named by their codes, comma-separated, e.g. "
								+ "sections=world,business; GET /api/v1/account lists yours.");
			}
			if (!client.receives(code)) {
				throw WireProblem.forbidden("section-not-entitled", "Section not in your subscription",
						"Your subscription does not include section '" + code + "'; GET /api/v1/account lists yours.");
			}
		}
		return codes;
	}

	private static Integer urgency(String level) {
		if (level == null) {
			return null;
		}
		try {
			return Urgency.of(Integer.parseInt(level.strip())).level();
		}
		catch (IllegalArgumentException ex) {
			throw WireProblem.badRequest("invalid-urgency", "Invalid urgency",
					"urgency is a level from " + Urgency.HIGHEST + " (Flash) to " + Urgency.LOWEST
							+ ": the feed sends stories of that urgency or more urgent.");
		}
	}

	private static int limit(String limit) {
		if (limit == null) {
			return DEFAULT_LIMIT;
		}
		try {
			int value = Integer.parseInt(limit.strip());
			if (value < 1) {
				throw new NumberFormatException();
			}
			return Math.min(value, MAX_LIMIT);
		}
		catch (NumberFormatException ex) {
			throw WireProblem.badRequest("invalid-limit", "Invalid limit",
					"limit is a whole number of entries from 1; above " + MAX_LIMIT + " it is taken as " + MAX_LIMIT
							+ ".");
		}
	}

	private static Instant since(String since) {
		if (since == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(since.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw WireProblem.badRequest("invalid-since", "Invalid since",
					"since is an ISO-8601 time with its offset, e.g. since=2026-11-26T09:00:00Z.");
		}
	}

	/**
	 * What a waiting request's page depends on.
	 */
	private record Question(long after, Set<String> sections, Integer urgency, int limit, boolean embargoAhead,
			ItemFormat format) {
	}

	/**
	 * One feed request waiting for a change: its page is read again on a long-poll
	 * worker.
	 */
	private final class Waiter implements LongPolls.Waiter {

		private final FeedQuery query;

		private final ItemFormat format;

		private final DeferredResult<ResponseEntity<byte[]>> result;

		private volatile long after;

		Waiter(FeedQuery query, ItemFormat format, DeferredResult<ResponseEntity<byte[]>> result, long after) {
			this.query = query;
			this.format = format;
			this.result = result;
			this.after = after;
		}

		@Override
		public long after() {
			return this.after;
		}

		@Override
		public FeedQuery query() {
			return this.query;
		}

		/**
		 * The page depends on the client only through its entitlement to embargoes, so
		 * clients that wait at the same change with the same filters and format are
		 * answered with the same bytes.
		 */
		@Override
		public boolean retry(LongPolls.Round round) {
			if (this.result.isSetOrExpired()) {
				return true;
			}
			try {
				Question question = new Question(this.after, this.query.sections(), this.query.urgency(),
						this.query.limit(), this.query.client().embargoAhead(), this.format);
				Written written = round.read(question,
						() -> written(this.format, WireFeedController.this.feed.page(this.query, this.after)));
				WireFeed.Page page = written.page();
				if (page.entries().isEmpty() && page.atEnd()) {
					this.after = page.scanned();
					return false;
				}
				this.result.setResult(answer(this.query, written));
			}
			catch (RuntimeException ex) {
				this.result.setErrorResult(ex);
			}
			return true;
		}

	}

}
