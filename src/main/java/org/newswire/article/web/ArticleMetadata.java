package org.newswire.article.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.newswire.NewswireProperties;
import org.newswire.Paragraphs;
import org.newswire.photo.Photo;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * What search engines and link previews read of an article page: schema.org
 * {@code NewsArticle} JSON-LD and Open Graph tags.
 */
@Component
class ArticleMetadata {

	private static final int DESCRIPTION_LENGTH = 200;

	/**
	 * The width link previews and search engines ask of a picture at least: Google's
	 * article guidance and Facebook's large previews both say 1200 px.
	 */
	static final int PREVIEW_WIDTH = 1200;

	private final JsonMapper json;

	private final String publication;

	ArticleMetadata(JsonMapper json, NewswireProperties properties) {
		this.json = json;
		this.publication = properties.publicationName();
	}

	/**
	 * The JSON-LD, safe to place inside a {@code <script>} element: Jackson escapes
	 * quotes and control characters, and {@code <}, {@code >} and {@code &} become
	 * {@code \}{@code u} escapes so a headline containing a closing script tag cannot end
	 * the element. Those characters only ever occur inside JSON strings, where the escape
	 * means the same.
	 * <p>
	 * {@code dateModified} is the time of the current version, so it moves with every
	 * writethru; each correction readers are shown is a schema.org
	 * {@code CorrectionComment} with its note and time. There is no article text in it,
	 * so a story on hold gives nothing away here either.
	 * <p>
	 * {@code image} is the lead photo as {@code ImageObject}s in the three aspect ratios
	 * Google's article guidance asks for, 16:9, 4:3 and 1:1: its centre crops
	 * ({@link Photo#crops()}), {@link Photo#CROP_WIDTH} px wide or as wide as the photo
	 * allows.
	 * @param origin where absolute links start
	 * @param canonical the page's absolute URL, the same as its canonical link
	 */
	String jsonLd(ArticlePage page, String origin, String canonical) {
		Map<String, Object> ld = new LinkedHashMap<>();
		ld.put("@context", "https://schema.org");
		ld.put("@type", "NewsArticle");
		ld.put("headline", page.labelledHeadline());
		ld.put("datePublished", page.publishedIso());
		ld.put("dateModified", page.updatedIso());
		ld.put("articleSection", page.sectionName());
		ld.put("inLanguage", page.language());
		ld.put("url", canonical);
		if (page.photo() != null) {
			ld.put("image", images(page.photo(), origin));
		}
		if (!page.corrections().isEmpty()) {
			ld.put("correction", page.corrections().stream().map(ArticleMetadata::correction).toList());
		}
		Map<String, String> publisher = thing("Organization", this.publication);
		ld.put("author", (page.byline() != null) ? thing("Person", author(page.byline())) : publisher);
		ld.put("publisher", publisher);
		return this.json.writeValueAsString(ld).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
	}

	/**
	 * Open Graph properties in the order they are written to the page.
	 */
	Map<String, String> openGraph(ArticlePage page, String origin) {
		Map<String, String> og = new LinkedHashMap<>();
		og.put("og:type", "article");
		og.put("og:site_name", this.publication);
		og.put("og:title", page.labelledHeadline());
		og.put("og:description", description(page));
		og.put("article:published_time", page.publishedIso());
		og.put("article:modified_time", page.updatedIso());
		og.put("article:section", page.sectionName());
		if (page.photo() != null) {
			Photo.Rendition image = page.photo().atLeast("jpg", PREVIEW_WIDTH);
			og.put("og:image", origin + image.url());
			og.put("og:image:type", image.mediaType());
			og.put("og:image:width", String.valueOf(image.width()));
			og.put("og:image:height", String.valueOf(image.height()));
			og.put("og:image:alt", page.photo().alt());
		}
		return og;
	}

	/**
	 * The first paragraph, cut at a word before {@value #DESCRIPTION_LENGTH} characters.
	 */
	String description(ArticlePage page) {
		String first = page.paragraphs().isEmpty() ? page.headline() : page.paragraphs().get(0);
		return Paragraphs.cutAtWord(first, DESCRIPTION_LENGTH);
	}

	private static List<Map<String, Object>> images(Photo photo, String origin) {
		return photo.crops().stream().map((source) -> {
			Map<String, Object> image = new LinkedHashMap<>();
			image.put("@type", "ImageObject");
			image.put("url", origin + source.url());
			image.put("contentUrl", origin + source.url());
			image.put("encodingFormat", source.mediaType());
			image.put("width", source.width());
			image.put("height", source.height());
			if (photo.caption() != null) {
				image.put("caption", photo.caption());
			}
			if (photo.credit() != null) {
				image.put("creditText", photo.credit());
			}
			return image;
		}).toList();
	}

	private static Map<String, String> correction(ArticlePage.Correction correction) {
		Map<String, String> comment = new LinkedHashMap<>();
		comment.put("@type", "CorrectionComment");
		comment.put("text", correction.note());
		comment.put("datePublished", correction.publishedIso());
		return comment;
	}

	private static Map<String, String> thing(String type, String name) {
		Map<String, String> thing = new LinkedHashMap<>();
		thing.put("@type", type);
		thing.put("name", name);
		return thing;
	}

	private static String author(String byline) {
		return byline.replaceFirst("(?i)^by\\s+", "");
	}

}
