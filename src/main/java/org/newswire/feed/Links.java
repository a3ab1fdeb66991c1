package org.newswire.feed;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute URLs and permanent identifiers for what machines read. Feeds and sitemaps must
 * carry absolute links; they come from {@code newswire.base-url} when set (recommended
 * behind a cache, so a forged Host header cannot end up in a cached feed), otherwise from
 * the request as forwarded by the proxy.
 */
@Component
class Links {

	/**
	 * Tag URI (RFC 4151) authority and date; fixed forever, or every client would see
	 * every story again as new.
	 */
	private static final String TAG = "tag:newswire,2026:";

	private final String baseUrl;

	Links(@Value("${newswire.base-url:}") String baseUrl) {
		this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
	}

	/**
	 * The identity of an article in every format (RSS guid, Atom id, ninjs uri): the same
	 * for all its writethrus and independent of host name and slug.
	 */
	static String articleUri(long articleId) {
		return TAG + "article:" + articleId;
	}

	/**
	 * The identity of a feed, e.g. {@code tag:newswire,2026:feed:sections:world}.
	 */
	static String feedUri(String name) {
		return TAG + "feed:" + name;
	}

	String absolute(String path) {
		return base() + path;
	}

	String base() {
		if (!this.baseUrl.isEmpty()) {
			return this.baseUrl;
		}
		return ServletUriComponentsBuilder.fromCurrentContextPath().replaceQuery(null).build().toUriString();
	}

}
