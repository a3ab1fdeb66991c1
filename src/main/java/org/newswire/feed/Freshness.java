package org.newswire.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.newswire.article.ArticleService;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;

/**
 * The validators of a machine-readable document: clients and caches revalidate with
 * {@code If-None-Match} or {@code If-Modified-Since} and get a 304 before any body is
 * built.
 *
 * @param tag what the document shows, as an opaque weak entity tag
 * @param lastModified when it last changed
 */
record Freshness(String tag, Instant lastModified) {

	/** Long enough for a cache in front to absorb a crowd, short enough for news. */
	static final Duration MAX_AGE = Duration.ofSeconds(60);

	/**
	 * Validators for a document built from the whole wire: any publication, writethru or
	 * kill makes its article the most recently touched one, which changes the tag.
	 * @param document names the document, so two documents never share a tag
	 */
	static Freshness ofWire(ArticleService articles, String document) {
		return articles.updatedSince(Instant.EPOCH, 1)
			.stream()
			.findFirst()
			.map((last) -> new Freshness(document + "-" + last.id() + "-" + last.updatedAt().toEpochMilli(),
					last.updatedAt()))
			.orElseGet(() -> new Freshness(document + "-empty", Instant.EPOCH));
	}

	/**
	 * A 304 when the client's copy is current, otherwise the body built on demand, both
	 * publicly cacheable.
	 */
	<T> ResponseEntity<T> respond(WebRequest request, MediaType type, Supplier<T> body) {
		return respond(request, type, MAX_AGE, body);
	}

	<T> ResponseEntity<T> respond(WebRequest request, MediaType type, Duration maxAge, Supplier<T> body) {
		String etag = "W/\"" + this.tag + "\"";
		CacheControl cacheControl = CacheControl.maxAge(maxAge).cachePublic();
		if (request.checkNotModified(etag, this.lastModified.toEpochMilli())) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
				.cacheControl(cacheControl)
				.eTag(etag)
				.lastModified(this.lastModified)
				.build();
		}
		return ResponseEntity.ok()
			.contentType(type)
			.cacheControl(cacheControl)
			.eTag(etag)
			.lastModified(this.lastModified)
			.body(body.get());
	}

}
