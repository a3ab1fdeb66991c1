package org.newswire.items;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The formats a story is sent to machines in, with the media types they are served as and
 * the {@code format=} value that names each.
 * <p>
 * IANA registers {@code application/vnd.iptc.g2.newsitem+xml} and
 * {@code application/vnd.iptc.g2.newsmessage+xml} for NewsML-G2; ninjs has no registered
 * type, so both ninjs versions are {@code application/json} and told apart by their
 * schema, which responses name in a {@code describedby} link and an {@code Accept} may
 * name as a {@code profile} parameter.
 */
public enum ItemFormat {

	/** IPTC ninjs 2.2, as the public ninjs API has always served it. */
	NINJS_2("ninjs2", "application/json", "application/json", "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"),

	/** IPTC ninjs 3.0: camelCase, integer urgency, {@code embargoedUntil}. */
	NINJS_3("ninjs3", "application/json", "application/json", "http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json"),

	/** An IPTC NewsML-G2 {@code newsItem}; entries and pages are {@code newsMessage}s. */
	NEWSML_G2("newsml-g2", "application/vnd.iptc.g2.newsitem+xml", "application/vnd.iptc.g2.newsmessage+xml", null);

	private final String parameter;

	private final MediaType itemType;

	private final MediaType pageType;

	private final String schema;

	ItemFormat(String parameter, String itemType, String pageType, String schema) {
		this.parameter = parameter;
		this.itemType = MediaType.parseMediaType(itemType);
		this.pageType = MediaType.parseMediaType(pageType);
		this.schema = schema;
	}

	/**
	 * What {@code format=} names it: {@code ninjs2}, {@code ninjs3}, {@code newsml-g2}.
	 */
	public String parameter() {
		return this.parameter;
	}

	/** The media type of {@link Items#item}. */
	public MediaType itemType() {
		return this.itemType;
	}

	/** The media type of {@link Items#entry} and {@link Items#page}. */
	public MediaType pageType() {
		return this.pageType;
	}

	/**
	 * The JSON schema its items follow, for a {@code describedby} link; empty for
	 * NewsML-G2, which names its standard inside each item.
	 */
	public Optional<String> schema() {
		return Optional.ofNullable(this.schema);
	}

	/**
	 * The format a request asks for. An explicit {@code format} wins over {@code Accept},
	 * so a client that cannot set headers can still choose; without either, or for
	 * {@code *}{@code /*} and plain {@code application/json}, it is {@link #NINJS_2},
	 * what the public API has always served. Media types are tried in order of quality,
	 * the client's order breaking ties.
	 * @param accept the {@code Accept} header, or {@code null}
	 * @param format the {@code format} request parameter, or {@code null}
	 * @return empty for an unknown {@code format} or an {@code Accept} no format matches:
	 * the caller answers 406
	 */
	public static Optional<ItemFormat> negotiate(String accept, String format) {
		if (format != null) {
			String wanted = format.strip().toLowerCase(Locale.ROOT);
			return List.of(values()).stream().filter((candidate) -> candidate.parameter.equals(wanted)).findFirst();
		}
		if (accept == null || accept.isBlank()) {
			return Optional.of(NINJS_2);
		}
		List<MediaType> types;
		try {
			types = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			return Optional.empty();
		}
		return types.stream()
			.filter((type) -> type.getQualityValue() > 0)
			.sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
			.map(ItemFormat::matching)
			.flatMap(Optional::stream)
			.findFirst();
	}

	private static Optional<ItemFormat> matching(MediaType type) {
		if (NEWSML_G2.itemType.equalsTypeAndSubtype(type) || NEWSML_G2.pageType.equalsTypeAndSubtype(type)) {
			return Optional.of(NEWSML_G2);
		}
		if (!type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
			return Optional.empty();
		}
		String profile = type.getParameter("profile");
		if (profile == null) {
			return Optional.of(NINJS_2);
		}
		String schema = profile.replaceAll("^\"|#?\"?$", "");
		return List.of(NINJS_2, NINJS_3).stream().filter((json) -> json.schema.equals(schema)).findFirst();
	}

}
