package org.newswire.ticker;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.newswire.pagecache.EdgeCaching;
import org.newswire.pagecache.PageTags;
import org.newswire.ticker.TickerBroadcaster.Refusal;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live ticker as server-sent events. The request thread returns at once; the stream
 * stays open on the connection alone, so open pages do not use up request threads. Each
 * client holds a few streams at most and the node as many as its heap allows; beyond that
 * a request is refused at once, with {@code Retry-After}.
 */
@Controller
class TickerStreamController {

	static final String PATH = "/ticker/stream";

	/** The stream's ticker as one document, for pages refused a stream. */
	static final String SNAPSHOT_PATH = "/ticker/snapshot";

	/** Tells a reverse proxy such as nginx not to buffer the stream. */
	static final String PROXY_BUFFERING = "X-Accel-Buffering";

	/**
	 * A browser may keep the snapshot this long: refused pages ask for it every few
	 * seconds at most, and a ticker this old is still news. The edge, which is purged,
	 * keeps it longer.
	 */
	static final Duration SNAPSHOT_MAX_AGE = Duration.ofSeconds(10);

	private final TickerBroadcaster broadcaster;

	private final TickerMetrics metrics;

	TickerStreamController(TickerBroadcaster broadcaster, TickerMetrics metrics) {
		this.broadcaster = broadcaster;
		this.metrics = metrics;
	}

	/**
	 * {@code getRemoteAddr()} is the client: Tomcat's RemoteIpValve has put the address
	 * forwarded by a trusted proxy there, and only from a trusted proxy.
	 */
	@GetMapping(path = PATH, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	ResponseEntity<SseEmitter> stream(HttpServletRequest request) {
		SseEmitter emitter = this.broadcaster.newEmitter();
		Optional<Refusal> refused = this.broadcaster.register(emitter, request.getRemoteAddr());
		if (refused.isPresent()) {
			this.metrics.refused(refused.get());
			return refusal(refused.get()).build();
		}
		return streamHeaders(ResponseEntity.ok()).body(emitter);
	}

	/**
	 * What a {@code GET} would be answered now, without opening a stream: a stream opened
	 * for {@code HEAD} had no body to write to, so no write ever failed and it stayed
	 * registered for its whole 30 minutes. The browser asks this after a refusal, as
	 * {@code EventSource} shows it neither the status nor {@code Retry-After}.
	 */
	@RequestMapping(path = PATH, method = RequestMethod.HEAD)
	ResponseEntity<Void> head(HttpServletRequest request) {
		return this.broadcaster.admission(request.getRemoteAddr())
			.map((reason) -> refusal(reason).<Void>build())
			.orElseGet(() -> streamHeaders(ResponseEntity.ok()).contentType(MediaType.TEXT_EVENT_STREAM).build());
	}

	/**
	 * The data of the stream's latest {@code ticker} event. Built once per ticker change,
	 * so it costs no query, and cacheable by any proxy: the edge keeps it until the next
	 * ticker change purges its tag, the one the ticker fragment of pages carries.
	 */
	@GetMapping(path = SNAPSHOT_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> snapshot(HttpServletResponse response) {
		// Asked first: a build done before the snapshot is read only makes it newer.
		Duration edge = this.broadcaster.snapshotCurrent() ? EdgeCaching.EDGE : Duration.ZERO;
		return this.broadcaster.snapshot().map((snapshot) -> {
			EdgeCaching.cacheable(response, Set.of(PageTags.TICKER), SNAPSHOT_MAX_AGE, edge);
			return ResponseEntity.ok().eTag(Long.toString(snapshot.revision())).body(snapshot.json());
		})
			// Only in the moment between start and the first snapshot: answered as by a
			// node that serves no streams.
			.orElseGet(() -> refusal(Refusal.STOPPING).build());
	}

	private static ResponseEntity.BodyBuilder streamHeaders(ResponseEntity.BodyBuilder response) {
		return response.cacheControl(CacheControl.noStore()).header(PROXY_BUFFERING, "no");
	}

	/**
	 * A client at its share may be a reader on its next page whose earlier pages' streams
	 * are found gone within a second or two, so it may come back soon; room on a full
	 * node comes back more slowly; a stopping node's readers move to another node.
	 */
	private static ResponseEntity.BodyBuilder refusal(Refusal reason) {
		long retryAfterSeconds = switch (reason) {
			case CLIENT_LIMIT -> 2;
			case NODE_LIMIT -> 60;
			case STOPPING -> 5;
		};
		return ResponseEntity
			.status((reason == Refusal.CLIENT_LIMIT) ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.SERVICE_UNAVAILABLE)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
	}

}
