package org.newswire.pagecache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A rendered page as sent, with every header the application set (security headers
 * included) and its tags for the edge, split around {@link PageCache#MARKER} when the
 * live fragment belongs there. Its compressed form is made once per live-fragment
 * version, on first demand.
 *
 * @param status 200, or 301 for an old address of a page (its Location is among the
 * headers): a story whose headline changed is still asked for at its old slug
 * @param head the body up to the live fragment, or the whole body
 * @param tail the body after the live fragment, or {@code null} when the page has none
 * @param version a digest of the body as rendered: with the live fragment's version it
 * makes the page's entity tag, so a page dropped by a change that did not alter it (a
 * sitemap of other articles, say) keeps its validator
 */
record CachedPage(int status, byte[] head, byte[] tail, String contentType, Locale locale, List<Header> headers,
		String version, Instant renderedAt, Set<String> tags, Duration maxAge, AtomicReference<Compressed> compressed) {

	/** Headers the server writes itself for each response. */
	private static final Set<String> PER_RESPONSE = Set.of("content-length", "content-type", "date",
			"transfer-encoding", "etag", "last-modified", "cache-control", "content-language");

	private static final byte[] MARKER = PageCache.MARKER.getBytes(StandardCharsets.US_ASCII);

	static CachedPage of(ContentCachingResponseWrapper response, Instant renderedAt, Set<String> tags,
			Duration maxAge) {
		List<Header> headers = new ArrayList<>();
		for (String name : response.getHeaderNames()) {
			if (!PER_RESPONSE.contains(name.toLowerCase(Locale.ROOT))) {
				response.getHeaders(name).forEach((value) -> headers.add(new Header(name, value)));
			}
		}
		byte[] body = response.getContentAsByteArray();
		byte[][] parts = split(body);
		return new CachedPage(response.getStatus(), parts[0], parts[1], response.getContentType(), response.getLocale(),
				List.copyOf(headers), digest(body), renderedAt, Set.copyOf(tags), maxAge, new AtomicReference<>());
	}

	/**
	 * Two checksums of different polynomials over the body, 64 bits in all: the validator
	 * only has to move when the page does, and nobody gains by forging a page to match
	 * another. SHA-256 showed in the profile of every render of a page the cache did not
	 * hold (docs/benchmark.md); both CRCs run on the processor's own instructions.
	 */
	private static String digest(byte[] body) {
		CRC32C castagnoli = new CRC32C();
		castagnoli.update(body);
		CRC32 ieee = new CRC32();
		ieee.update(body);
		return HexFormat.of().toHexDigits((castagnoli.getValue() << 32) | ieee.getValue());
	}

	/** The body before and after the marker, or the whole body and {@code null}. */
	static byte[][] split(byte[] body) {
		int at = indexOf(body, MARKER);
		if (at < 0) {
			return new byte[][] { body, null };
		}
		byte[] head = new byte[at];
		System.arraycopy(body, 0, head, 0, at);
		byte[] tail = new byte[body.length - at - MARKER.length];
		System.arraycopy(body, at + MARKER.length, tail, 0, tail.length);
		return new byte[][] { head, tail };
	}

	boolean carriesFragment() {
		return this.tail != null;
	}

	boolean taggedWithAny(Collection<String> changed) {
		for (String tag : changed) {
			if (this.tags.contains(tag)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Weak, since the same entity goes out gzip-compressed or not: it moves with the body
	 * and with the live fragment the page carries.
	 */
	String etag(PageCache.Fragment fragment) {
		return "W/\"" + this.version + (carriesFragment() ? "." + fragmentVersion(fragment) : "") + "\"";
	}

	Instant lastModified(PageCache.Fragment fragment) {
		if (carriesFragment() && fragment != null && fragment.renderedAt().isAfter(this.renderedAt)) {
			return fragment.renderedAt();
		}
		return this.renderedAt;
	}

	void writeHeaders(HttpServletResponse response) {
		this.headers.forEach((header) -> response.addHeader(header.name(), header.value()));
	}

	void writeBody(HttpServletResponse response, PageCache.Fragment fragment, boolean gzip, boolean headOnly)
			throws IOException {
		// Locale first: it may set a charset, which the content type then fixes.
		response.setLocale(this.locale);
		response.setContentType(this.contentType);
		if (gzip) {
			byte[] body = compressed(fragment);
			response.setHeader("Content-Encoding", "gzip");
			response.setContentLength(body.length);
			if (!headOnly) {
				response.getOutputStream().write(body);
			}
			return;
		}
		byte[] middle = fragmentBytes(fragment);
		response.setContentLength(this.head.length + middle.length + ((this.tail != null) ? this.tail.length : 0));
		if (!headOnly) {
			write(response.getOutputStream(), fragment);
		}
	}

	private void write(OutputStream out, PageCache.Fragment fragment) throws IOException {
		out.write(this.head);
		if (this.tail != null) {
			out.write(fragmentBytes(fragment));
			out.write(this.tail);
		}
	}

	private byte[] compressed(PageCache.Fragment fragment) {
		long version = fragmentVersion(fragment);
		Compressed current = this.compressed.get();
		if (current != null && current.fragmentVersion() == version) {
			return current.bytes();
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(this.head.length / 3 + 64);
		try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
			write(gzip, fragment);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Compressed made = new Compressed(version, bytes.toByteArray());
		this.compressed.set(made);
		return made.bytes();
	}

	private byte[] fragmentBytes(PageCache.Fragment fragment) {
		return (this.tail != null && fragment != null) ? fragment.bytes() : new byte[0];
	}

	private long fragmentVersion(PageCache.Fragment fragment) {
		return (carriesFragment() && fragment != null) ? fragment.version() : -1;
	}

	/**
	 * What the page costs in memory, its compressed copy included (HTML compresses to
	 * about a quarter; the copy is made on first demand, the weight is counted at once).
	 */
	int weight() {
		int body = this.head.length + ((this.tail != null) ? this.tail.length : 0);
		return body + body / 4 + 64 * this.headers.size() + 256;
	}

	private static int indexOf(byte[] body, byte[] marker) {
		outer: for (int i = 0; i <= body.length - marker.length; i++) {
			for (int j = 0; j < marker.length; j++) {
				if (body[i + j] != marker[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	record Header(String name, String value) {
	}

	record Compressed(long fragmentVersion, byte[] bytes) {
	}

}
