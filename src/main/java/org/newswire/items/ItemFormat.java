package org.newswire.items;

/**
 * The formats a story is sent to machines in.
 */
public enum ItemFormat {

	/** IPTC ninjs 2.2, as the public ninjs API has always served it. */
	NINJS_2,

	/** IPTC ninjs 3.0: camelCase, integer urgency, {@code embargoedUntil}. */
	NINJS_3,

	/** An IPTC NewsML-G2 {@code newsItem}. */
	NEWSML_G2

}
