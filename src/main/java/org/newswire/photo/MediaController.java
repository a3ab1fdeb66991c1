package org.newswire.photo;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * Renditions, by the hash of their original: a URL always names the same bytes, so any
 * browser, proxy or edge may keep them a year without asking again. They are read from
 * the database, which every node shares. A killed story's photo still answers: its URLs
 * leave every page, feed and API with the kill, and caches would keep answering them for
 * the year they were promised whatever the portal did.
 */
@Controller
class MediaController {

	/**
	 * The one caching policy of media: the edge and browsers follow it as it is.
	 */
	static final CacheControl CACHE_CONTROL = CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable();

	private static final MediaType WEBP = MediaType.parseMediaType("image/webp");

	private final PhotoStore store;

	private final PhotoService photos;

	MediaController(PhotoStore store, PhotoService photos) {
		this.store = store;
		this.photos = photos;
	}

	@GetMapping("/media/{hash:[0-9a-f]{64}}/{width:[0-9]{1,5}}.{format:webp|jpg}")
	ResponseEntity<byte[]> rendition(@PathVariable String hash, @PathVariable int width, @PathVariable String format,
			WebRequest request) {
		return serve(hash + "-" + width + "-" + format, format, request,
				() -> this.store.rendition(hash, Renditions.NONE, width, format));
	}

	/**
	 * A centre crop ({@link Photo#crops()}): the first time any node is asked for one of
	 * a photo, its crops are rendered and stored.
	 */
	@GetMapping("/media/{hash:[0-9a-f]{64}}/{ratio:16x9|4x3|1x1}/{width:[0-9]{1,5}}.jpg")
	ResponseEntity<byte[]> crop(@PathVariable String hash, @PathVariable String ratio, @PathVariable int width,
			WebRequest request) {
		return serve(hash + "-" + ratio + "-" + width + "-jpg", "jpg", request,
				() -> this.photos.crop(hash, ratio, width));
	}

	private ResponseEntity<byte[]> serve(String key, String format, WebRequest request,
			Supplier<Optional<byte[]>> stored) {
		String etag = "\"" + key + "\"";
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(CACHE_CONTROL).eTag(etag).build();
		}
		// Renditions asked for lately are answered from memory before they reach here
		// (HotMedia).
		byte[] bytes = stored.get()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such rendition"));
		return ResponseEntity.ok()
			.cacheControl(CACHE_CONTROL)
			.eTag(etag)
			.contentType(format.equals("webp") ? WEBP : MediaType.IMAGE_JPEG)
			.header("X-Content-Type-Options", "nosniff")
			.body(bytes);
	}

}
