package org.newswire.feed;

import org.newswire.PublicOrigin;
import org.newswire.article.Paths;

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

	private final PublicOrigin origin;

	Links(PublicOrigin origin) {
		this.origin = origin;
	}

	/**
	 * The identity of a feed, e.g. {@code tag:newswire,2026:feed:sections:world}.
	 */
	static String feedUri(String name) {
		return Paths.tagUri("feed:" + name);
	}

	/**
	 * The absolute URL of a path of this site, for the request being answered.
	 */
	String absolute(String path) {
		return origin() + path;
	}

	/**
	 * The origin absolute links start from, for the request being answered.
	 */
	String origin() {
		return this.origin
			.of(((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest());
	}

	/**
	 * The {@code Link} header of a feed: its WebSub hub and itself, as the feed's body
	 * says too.
	 */
	static String header(String origin, String selfUrl) {
		return "<" + origin + FeedDocuments.HUB_PATH + ">; rel=\"hub\", <" + selfUrl + ">; rel=\"self\"";
	}

}
