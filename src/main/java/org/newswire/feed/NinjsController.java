package org.newswire.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.newswire.article.ArticleException;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Listings;
import org.newswire.article.Paths;
import org.newswire.article.Stories;
import org.newswire.article.VersionView;
import org.newswire.items.ItemFormat;
import org.newswire.items.Items;
import tools.jackson.databind.util.RawValue;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Articles as ninjs 2.2 for news clients: the current version, any earlier version, and
 * what changed since a given time for clients that poll. ninjs has no registered media
 * type, so items are served as {@code application/json} with a {@code describedby} link
 * to the schema; errors are {@code application/problem+json} (RFC 9457).
 */
@RestController
@RequestMapping("/api/ninjs/articles")
class NinjsController {

	/** Most items one poll returns. */
	static final int MAX_ITEMS = 100;

	private static final String DESCRIBED_BY = "<" + ItemFormat.NINJS_2.schema().orElseThrow()
			+ ">; rel=\"describedby\"";

	private final Stories articles;

	private final Listings listings;

	private final Items items;

	NinjsController(Stories articles, Listings listings, Items items) {
		this.articles = articles;
		this.listings = listings;
		this.items = items;
	}

	@GetMapping("/{id}")
	ResponseEntity<byte[]> current(@PathVariable long id) {
		ArticleSummary story = this.articles.find(id).orElseThrow(() -> new ArticleException.NotFound(id));
		return described(this.items.item(ItemFormat.NINJS_2, story, story.current()));
	}

	@GetMapping("/{id}/versions/{sequence}")
	ResponseEntity<byte[]> version(@PathVariable long id, @PathVariable int sequence) {
		ArticleSummary article = this.articles.readable(id);
		VersionView version = this.articles.version(id, sequence)
			.orElseThrow(() -> new ArticleException.NotFound(id, sequence));
		return described(this.items.item(ItemFormat.NINJS_2, article, version));
	}

	/**
	 * Every article published, updated or killed since the given instant, the most recent
	 * change first. At most {@link #MAX_ITEMS}; {@code truncated} tells a client that it
	 * polled too rarely and older changes were left out.
	 */
	@GetMapping
	ResponseEntity<Changes> since(@RequestParam String since) {
		Instant from = parseInstant(since);
		List<ArticleSummary> changed = this.listings.updatedSince(from, MAX_ITEMS + 1);
		List<RawValue> items = changed.stream()
			.limit(MAX_ITEMS)
			.map((story) -> new RawValue(
					new String(this.items.item(ItemFormat.NINJS_2, story, story.current()), StandardCharsets.UTF_8)))
			.toList();
		return described(new Changes(from.toString(), changed.size() > MAX_ITEMS, items));
	}

	/**
	 * The answer to a poll: ninjs defines single items only, so the list is wrapped; each
	 * item goes in as {@link Items} wrote it.
	 */
	record Changes(String since, boolean truncated, List<RawValue> items) {
	}

	private static Instant parseInstant(String text) {
		try {
			if (text.length() > 40) {
				throw new DateTimeParseException("Too long", text, 40);
			}
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new BadParameterException("'since' must be an ISO 8601 instant such as 2026-11-26T09:00:00Z");
		}
	}

	/**
	 * Publicly cacheable: the page cache answers conditional requests and sets the
	 * validators (FeedPages).
	 */
	private static <T> ResponseEntity<T> described(T body) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header("Link", DESCRIBED_BY).body(body);
	}

	@ExceptionHandler(ArticleException.NotFound.class)
	ResponseEntity<ProblemDetail> notFound(ArticleException.NotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler(ArticleException.Killed.class)
	ResponseEntity<ProblemDetail> killed(ArticleException.Killed ex) {
		ResponseEntity<ProblemDetail> gone = problem(HttpStatus.GONE, "Article withdrawn", ex.getKillNotice());
		gone.getBody().setProperty("uri", Paths.articleUri(ex.getArticleId()));
		return gone;
	}

	@ExceptionHandler(BadParameterException.class)
	ResponseEntity<ProblemDetail> badParameter(BadParameterException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Bad parameter", ex.getMessage());
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Missing parameter",
				"'" + ex.getParameterName() + "' is required, e.g. since=2026-11-26T09:00:00Z");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", "No such article or version");
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * A request parameter that cannot be understood; answered with 400.
	 */
	static final class BadParameterException extends RuntimeException {

		BadParameterException(String message) {
			super(message);
		}

	}

}
