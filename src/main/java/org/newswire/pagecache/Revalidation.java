package org.newswire.pagecache;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Answers a conditional GET or HEAD for a served page (RFC 9110, section 13.2.2).
 * Readers' browsers and proxies send If-None-Match or If-Modified-Since, and this path is
 * the whole cost of a 304; Spring's
 * {@link ServletWebRequest#checkNotModified(String, long)} parses the Last-Modified it is
 * given back from a formatted date on every call, a visible share of a served page's time
 * (docs/benchmark.md). The rare If-Match and If-Unmodified-Since still go to Spring.
 */
final class Revalidation {

	private Revalidation() {
	}

	/**
	 * Whether the client's copy is current; if so the response is made a 304. The
	 * validators must be on the response already.
	 */
	static boolean notModified(HttpServletRequest request, HttpServletResponse response, String etag,
			long lastModified) {
		if (request.getHeader(HttpHeaders.IF_MATCH) != null
				|| request.getHeader(HttpHeaders.IF_UNMODIFIED_SINCE) != null) {
			return new ServletWebRequest(request, response).checkNotModified(etag, lastModified);
		}
		boolean current;
		String noneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (noneMatch != null) {
			// When both are sent, the entity tag decides and the date is not looked at.
			current = anyMatches(noneMatch, etag);
		}
		else {
			long since = modifiedSince(request);
			current = since >= 0 && lastModified / 1000 <= since / 1000;
		}
		if (current) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
		}
		return current;
	}

	/** Weak comparison against each tag of the list, or "*". */
	static boolean anyMatches(String list, String etag) {
		String ours = opaque(etag);
		for (String tag : list.split(",")) {
			String theirs = tag.strip();
			if (theirs.equals("*") || opaque(theirs).equals(ours)) {
				return true;
			}
		}
		return false;
	}

	private static String opaque(String tag) {
		return tag.startsWith("W/") ? tag.substring(2) : tag;
	}

	/** The date the client holds a copy from, or -1 for none or one it wrote wrongly. */
	private static long modifiedSince(HttpServletRequest request) {
		try {
			return request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
		}
		catch (IllegalArgumentException ex) {
			return -1;
		}
	}

}
