package org.newswire.items;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.newswire.article.ArticleSummary;
import org.newswire.article.VersionView;

/**
 * One article version as an IPTC ninjs 3.0 news item: the {@link Ninjs ninjs 2.2} item
 * with 3.0's camelCase names, so both versions say the same of every story, withheld and
 * canceled alike. Where they differ: {@code embargoedUntil} is there only while the story
 * waits for its embargo, since 3.0 defines its absence as "not embargoed" (2.2's
 * {@code embargoed} keeps the lift time afterwards, as the public API always served it).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "uri", "standard", "type", "representationType", "version", "firstCreated", "versionCreated",
		"embargoedUntil", "pubStatus", "urgency", "language", "slugline", "located", "by", "edNote", "headlines",
		"descriptions", "bodies", "subjects", "infoSources", "associations" })
record Ninjs3(String uri, Ninjs.Standard standard, String type, String representationType, String version,
		String firstCreated, String versionCreated, String embargoedUntil, String pubStatus, Integer urgency,
		String language, String slugline, String located, String by, String edNote, List<Ninjs.Headline> headlines,
		List<Ninjs.Description> descriptions, List<Body> bodies, List<Ninjs.Subject> subjects,
		List<Ninjs.InfoSource> infoSources, List<Association> associations) {

	private static final Ninjs.Standard NINJS_3_0 = new Ninjs.Standard("ninjs", "3.0",
			ItemFormat.NINJS_3.schema().orElseThrow());

	static Ninjs3 of(ArticleSummary article, VersionView version, ItemPhotos.ItemPhoto photo) {
		Ninjs two = Ninjs.of(article, version, photo);
		String embargoedUntil = article.embargoed() ? article.embargoUntil().toString() : null;
		return new Ninjs3(two.uri(), NINJS_3_0, two.type(), two.representationtype(), two.version(), two.firstcreated(),
				two.versioncreated(), embargoedUntil, two.pubstatus(), two.urgency(), two.language(), two.slugline(),
				two.located(), two.by(), two.ednote(), two.headlines(), two.descriptions(),
				two.bodies().stream().map(Body::of).toList(), two.subjects(), two.infosources(),
				two.associations().stream().map(Association::of).toList());
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "role", "contentType", "charCount", "wordCount", "value" })
	record Body(String role, String contentType, Integer charCount, Integer wordCount, String value) {

		static Body of(Ninjs.Body two) {
			return new Body(two.role(), two.contenttype(), two.charcount(), two.wordcount(), two.value());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "name", "uri", "type", "representationType", "by", "descriptions", "renditions" })
	record Association(String name, String uri, String type, String representationType, String by,
			List<Ninjs.Description> descriptions, List<Rendition> renditions) {

		static Association of(Ninjs.Association two) {
			return new Association(two.name(), two.uri(), two.type(), two.representationtype(), two.by(),
					two.descriptions(), two.renditions().stream().map(Rendition::of).toList());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "name", "href", "contentType", "width", "height" })
	record Rendition(String name, String href, String contentType, Integer width, Integer height) {

		static Rendition of(Ninjs.Rendition two) {
			return new Rendition(two.name(), two.href(), two.contenttype(), two.width(), two.height());
		}

	}

}
