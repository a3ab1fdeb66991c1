package org.newswire.feed;

import org.newswire.PublicOrigin;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Absolute URLs and permanent identifiers for what machines read. Feeds and sitemaps must
 * carry absolute links; they start from {@link PublicOrigin}, so a forged Host or
 * forwarded header cannot end up in a feed a cache shares.
 */
@Component
class Links {

	/**
	 * Tag URI (RFC 4151) authority and date; fixed forever, or every client would see
	 * every story again as new.
	 */
	private static final String TAG = "tag:newswire,2026:";

	private final PublicOrigin origin;

	Links(PublicOrigin origin) {
		this.origin = origin;
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

	/**
	 * The absolute URL of a path of this site, for the request being answered.
	 */
	String absolute(String path) {
		return this.origin.of(((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest())
				+ path;
	}

}
