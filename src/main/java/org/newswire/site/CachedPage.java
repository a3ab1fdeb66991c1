package org.newswire.site;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A rendered page as sent: body, content type, language and every header the application
 * set, security headers included, so a cached answer is the same as a fresh one.
 */
record CachedPage(byte[] body, String contentType, Locale locale, List<Header> headers) {

	/** Headers the server writes itself for each response. */
	private static final Set<String> PER_RESPONSE = Set.of("content-length", "content-type", "date",
			"transfer-encoding");

	static CachedPage of(ContentCachingResponseWrapper response) {
		List<Header> headers = new ArrayList<>();
		for (String name : response.getHeaderNames()) {
			if (!PER_RESPONSE.contains(name.toLowerCase(Locale.ROOT))) {
				response.getHeaders(name).forEach((value) -> headers.add(new Header(name, value)));
			}
		}
		return new CachedPage(response.getContentAsByteArray(), response.getContentType(), response.getLocale(),
				List.copyOf(headers));
	}

	void writeTo(HttpServletResponse response, boolean headOnly) throws IOException {
		response.setStatus(HttpServletResponse.SC_OK);
		this.headers.forEach((header) -> response.addHeader(header.name(), header.value()));
		// Locale first: it may set a charset, which the content type then fixes.
		response.setLocale(this.locale);
		response.setContentType(this.contentType);
		response.setContentLength(this.body.length);
		if (!headOnly) {
			response.getOutputStream().write(this.body);
		}
	}

	int weight() {
		return this.body.length + 64 * this.headers.size();
	}

	record Header(String name, String value) {
	}

}
