package org.newswire.ticker;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live ticker as server-sent events. The request thread returns at once; the stream
 * stays open on the connection alone, so open pages do not use up request threads.
 */
@Controller
class TickerStreamController {

	static final String PATH = "/ticker/stream";

	/** Tells a reverse proxy such as nginx not to buffer the stream. */
	static final String PROXY_BUFFERING = "X-Accel-Buffering";

	private static final String RETRY_AFTER_SECONDS = "60";

	private final TickerBroadcaster broadcaster;

	TickerStreamController(TickerBroadcaster broadcaster) {
		this.broadcaster = broadcaster;
	}

	@GetMapping(path = PATH, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	ResponseEntity<SseEmitter> stream() {
		return this.broadcaster.subscribe()
			.map((emitter) -> ResponseEntity.ok()
				.cacheControl(CacheControl.noStore())
				.header(PROXY_BUFFERING, "no")
				.body(emitter))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
				.build());
	}

}
