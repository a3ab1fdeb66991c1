package org.newswire.items;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.newswire.Paragraphs;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Paths;
import org.newswire.article.VersionView;
import org.newswire.photo.Photo;

/**
 * One article version as an IPTC ninjs 2.2 news item. Field names and types follow the
 * ninjs 2.2 JSON schema; {@code uri} is the same for every version of an article and
 * {@code version} is the writethru sequence (a string, as the schema types it);
 * {@code pubstatus} is {@code usable}, {@code withheld} while the story is on hold, or
 * {@code canceled} once killed; {@code embargoed} is the time a story's embargo lifted. A
 * story on hold is a partial item: its headlines and the hold note, and of the version
 * what the article module hands out, which is no text, ednote or correction note. A
 * killed article is a canceled item that carries the kill notice and none of the
 * withdrawn text.
 * <p>
 * A version with a lead photo carries it as an association named {@value #LEAD_PHOTO}: a
 * picture item with its caption and alt text as descriptions, its credit as {@code by},
 * and every rendition with its size and media type.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "uri", "standard", "type", "representationtype", "version", "firstcreated", "versioncreated",
		"embargoed", "pubstatus", "urgency", "language", "slugline", "located", "by", "ednote", "headlines",
		"descriptions", "bodies", "subjects", "infosources", "associations" })
record Ninjs(String uri, Standard standard, String type, String representationtype, String version, String firstcreated,
		String versioncreated, String embargoed, String pubstatus, Integer urgency, String language, String slugline,
		String located, String by, String ednote, List<Headline> headlines, List<Description> descriptions,
		List<Body> bodies, List<Subject> subjects, List<InfoSource> infosources, List<Association> associations) {

	/** The name of the lead photo among an item's associations, as Superdesk names it. */
	static final String LEAD_PHOTO = "featuremedia";

	private static final Standard NINJS_2_2 = new Standard("ninjs", "2.2", ItemFormat.NINJS_2.schema().orElseThrow());

	/**
	 * The item for one version; a killed article always shows as canceled, whatever
	 * version is asked for.
	 */
	static Ninjs of(ArticleSummary article, VersionView version, ItemPhotos.ItemPhoto photo) {
		if (article.killed()) {
			return canceled(article);
		}
		List<Headline> headlines = new ArrayList<>();
		headlines.add(new Headline("main", version.headline()));
		if (version.label() != null) {
			// As the portal shows it: "2nd LD Writethru: ...".
			headlines.add(new Headline("labelled", version.labelledHeadline()));
		}
		List<Description> descriptions = new ArrayList<>();
		if (article.held()) {
			descriptions.add(new Description("hold", article.holdNotice()));
		}
		if (version.correctionNote() != null) {
			descriptions.add(new Description("correction", version.correctionNote()));
		}
		boolean text = !version.paragraphs().isEmpty();
		return new Ninjs(Paths.articleUri(article.id()), NINJS_2_2, "text", text ? "full" : "partial",
				String.valueOf(version.sequence()), iso(article.firstPublishedAt()), iso(version.publishedAt()),
				embargoed(article), article.pubstatus().ninjs(), article.urgency().level(), article.language(),
				article.slugline(), located(article.dateline()), article.byline(), version.ednote(), headlines,
				descriptions, text ? List.of(Body.html(version.paragraphs())) : List.of(), subjects(article),
				infosources(article), (photo != null) ? List.of(Association.of(photo)) : List.of());
	}

	private static Ninjs canceled(ArticleSummary article) {
		return new Ninjs(Paths.articleUri(article.id()), NINJS_2_2, "text", "partial",
				String.valueOf(article.current().sequence()), iso(article.firstPublishedAt()), iso(article.killedAt()),
				embargoed(article), article.pubstatus().ninjs(), article.urgency().level(), article.language(),
				article.slugline(), located(article.dateline()), null, article.killNotice(), List.of(), List.of(),
				List.of(), subjects(article), infosources(article), List.of());
	}

	/**
	 * When the story's embargo lifted: ninjs says "embargoed" for the time before which
	 * the item was not to be used, and clients keep it after the lift.
	 */
	private static String embargoed(ArticleSummary article) {
		return (article.embargoUntil() != null) ? iso(article.embargoUntil()) : null;
	}

	/**
	 * The place a dateline names: {@code PORT ELLIS} for a story filed from there.
	 */
	static String located(String dateline) {
		int comma = dateline.indexOf(',');
		String place = (comma > 0) ? dateline.substring(0, comma) : dateline.replaceFirst("\\s*--\\s*$", "");
		return place.strip();
	}

	private static List<Subject> subjects(ArticleSummary article) {
		return List.of(new Subject(article.section().name(), "section", article.section().code()));
	}

	private static List<InfoSource> infosources(ArticleSummary article) {
		return List.of(new InfoSource(article.source().name(), "originator", article.source().code()));
	}

	private static String iso(Instant instant) {
		return instant.toString();
	}

	record Standard(String name, String version, String schema) {
	}

	record Headline(String role, String value) {
	}

	record Description(String role, String value) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Body(String role, String contenttype, Integer charcount, Integer wordcount, String value) {

		static Body html(List<String> paragraphs) {
			int chars = 0;
			int words = 0;
			for (String paragraph : paragraphs) {
				chars += paragraph.length();
				words += paragraph.isBlank() ? 0 : paragraph.strip().split("\\s+").length;
			}
			return new Body("main", "text/html", chars, words, Paragraphs.html(paragraphs));
		}

	}

	record Subject(String name, String rel, String literal) {
	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "name", "uri", "type", "representationtype", "by", "descriptions", "renditions" })
	record Association(String name, String uri, String type, String representationtype, String by,
			List<Description> descriptions, List<Rendition> renditions) {

		static Association of(ItemPhotos.ItemPhoto lead) {
			Photo photo = lead.photo();
			List<Description> descriptions = new ArrayList<>();
			if (photo.caption() != null) {
				descriptions.add(new Description("caption", photo.caption()));
			}
			descriptions.add(new Description("alt", photo.alt()));
			return new Association(LEAD_PHOTO, lead.uri(), "picture", "full", photo.credit(), descriptions,
					photo.renditions()
						.stream()
						.map((rendition) -> new Rendition(rendition.format() + "-" + rendition.width(),
								lead.href(rendition), rendition.mediaType(), rendition.width(), rendition.height()))
						.toList());
		}

	}

	/**
	 * One rendition of a picture; {@code name} says its format and width
	 * ({@code jpg-1280}).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Rendition(String name, String href, String contenttype, Integer width, Integer height) {
	}

	record InfoSource(String name, String role, String literal) {
	}

}
