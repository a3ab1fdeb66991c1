package org.newswire;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Paths;
import org.newswire.article.Publishing;
import org.newswire.article.Stories;
import org.newswire.items.ItemFormat;
import org.newswire.items.StandardSchemas;
import org.newswire.photo.Photo;
import org.newswire.photo.PhotoLibrary;
import org.w3c.dom.NodeList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What readers and machines see of a story's lead photo: the article page's figure and
 * its link previews, the lists' thumbnails, the feeds, ninjs and the news sitemap; and
 * none of it once the story is on hold or killed.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderPhotosTests {

	private static final String ORIGIN = "http://localhost";

	private static final String ARTICLE_SIZES = "(min-width: 46rem) 44rem, calc(100vw - 2rem)";

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	MockMvc mvc;

	@Autowired
	Publishing publishing;

	@Autowired
	Stories stories;

	@Autowired
	PhotoLibrary library;

	private Photo photo;

	private ArticleSummary story;

	@BeforeAll
	void fileAStoryWithAPhoto() {
		this.photo = TestPhotos.add(this.library);
		this.story = TestStories.story()
			.section("science")
			.headline("Ferry timetable moves to winter hours")
			.photo(this.photo.id())
			.publish(this.publishing);
	}

	@Test
	void theArticlePageShowsTheLeadPhotoAtEveryWidthWithItsWords() throws Exception {
		String html = page(this.story.path());
		Document page = Jsoup.parse(html);

		Element figure = page.selectFirst("article.story figure.story-photo");
		assertThat(figure).isNotNull();
		Element source = figure.selectFirst("picture > source");
		assertThat(source.attr("type")).isEqualTo("image/webp");
		assertThat(source.attr("srcset")).isEqualTo(srcset("webp"));
		assertThat(source.attr("sizes")).isEqualTo(ARTICLE_SIZES);
		Element img = figure.selectFirst("picture > source + img");
		assertThat(img.attr("src")).isEqualTo(media(640, "jpg"));
		assertThat(img.attr("srcset")).isEqualTo(srcset("jpg"));
		assertThat(img.attr("sizes")).isEqualTo(ARTICLE_SIZES);
		assertThat(img.attr("width")).isEqualTo("1200");
		assertThat(img.attr("height")).isEqualTo("800");
		assertThat(img.attr("alt")).isEqualTo(TestPhotos.ALT);
		assertThat(img.attr("fetchpriority")).isEqualTo("high");
		assertThat(img.hasAttr("loading")).isFalse();
		assertThat(figure.selectFirst("figcaption").text()).isEqualTo(TestPhotos.CAPTION + " " + TestPhotos.CREDIT);
		assertThat(figure.selectFirst("figcaption .photo-credit").text()).isEqualTo(TestPhotos.CREDIT);
		NuHtmlChecker.assertValid("article with a photo", html);
	}

	@Test
	void linkPreviewsAndSearchEnginesGetThePhoto() throws Exception {
		Document page = Jsoup.parse(page(this.story.path()));

		assertThat(meta(page, "og:image")).isEqualTo(ORIGIN + media(1200, "jpg"));
		assertThat(meta(page, "og:image:type")).isEqualTo("image/jpeg");
		assertThat(meta(page, "og:image:width")).isEqualTo("1200");
		assertThat(meta(page, "og:image:height")).isEqualTo("800");
		assertThat(meta(page, "og:image:alt")).isEqualTo(TestPhotos.ALT);
		assertThat(page.selectFirst("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
		JsonNode ld = JSON.readTree(page.selectFirst("script[type=application/ld+json]").data());
		assertThat(ld.get("image")).isEqualTo(JSON.readTree("""
				[{"@type": "ImageObject", "url": "%1$s", "contentUrl": "%1$s", "encodingFormat": "image/jpeg",
				  "width": 1200, "height": 675, "caption": "%4$s", "creditText": "%5$s"},
				 {"@type": "ImageObject", "url": "%2$s", "contentUrl": "%2$s", "encodingFormat": "image/jpeg",
				  "width": 1064, "height": 798, "caption": "%4$s", "creditText": "%5$s"},
				 {"@type": "ImageObject", "url": "%3$s", "contentUrl": "%3$s", "encodingFormat": "image/jpeg",
				  "width": 800, "height": 800, "caption": "%4$s", "creditText": "%5$s"}]
				""".formatted(ORIGIN + crop("16x9", 1200), ORIGIN + crop("4x3", 1064), ORIGIN + crop("1x1", 800),
				TestPhotos.CAPTION, TestPhotos.CREDIT)));
	}

	/**
	 * Each image the JSON-LD names is a JPEG of exactly the size it states, in the ratio
	 * its URL names: the 1200 x 800 photo allows 1200 px at 16:9, and only its height at
	 * 4:3 and 1:1.
	 */
	@Test
	void theJsonLdImagesAreThePhotoCroppedToTheirStatedSizes() throws Exception {
		Document page = Jsoup.parse(page(this.story.path()));
		JsonNode images = JSON.readTree(page.selectFirst("script[type=application/ld+json]").data()).get("image");
		List<String> ratios = new ArrayList<>();
		for (JsonNode image : images) {
			String path = image.get("url").asText().substring(ORIGIN.length());
			String ratio = path.split("/")[3];
			ratios.add(ratio);
			int across = Integer.parseInt(ratio.split("x")[0]);
			int down = Integer.parseInt(ratio.split("x")[1]);
			MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(200);
			assertThat(response.getContentType()).isEqualTo("image/jpeg");
			BufferedImage picture = ImageIO.read(new ByteArrayInputStream(response.getContentAsByteArray()));
			assertThat(picture.getWidth()).as(path).isEqualTo(image.get("width").asInt());
			assertThat(picture.getHeight()).as(path).isEqualTo(image.get("height").asInt());
			assertThat(picture.getWidth() * down).as(path + " is " + ratio).isEqualTo(picture.getHeight() * across);
		}
		assertThat(ratios).containsExactly("16x9", "4x3", "1x1");
	}

	@Test
	void listsShowLazyThumbnailsAndStayValid() throws Exception {
		for (String path : List.of("/", "/sections/science")) {
			String html = page(path);
			Element item = Jsoup.parse(html)
				.selectFirst("li.story-item.has-photo:has(a[href=" + this.story.path() + "])");
			assertThat(item).as(path).isNotNull();
			Element img = item.selectFirst(".story-thumb picture > source[type=image/webp] + img");
			assertThat(img.attr("loading")).isEqualTo("lazy");
			assertThat(img.hasAttr("fetchpriority")).isFalse();
			assertThat(img.attr("srcset")).isEqualTo(srcset("jpg"));
			assertThat(img.attr("sizes")).isEqualTo("7rem");
			assertThat(img.attr("width")).isEqualTo("1200");
			assertThat(img.attr("height")).isEqualTo("800");
			assertThat(img.attr("alt")).isEqualTo(TestPhotos.ALT);
			NuHtmlChecker.assertValid(path + " with a photo", html);
		}
	}

	@Test
	void rssCarriesMediaContentAndAtomAnEnclosure() throws Exception {
		org.w3c.dom.Document rss = xml(page("/feeds/sections/science/rss.xml"));
		org.w3c.dom.Element item = rssItem(rss, this.story.id());
		org.w3c.dom.Element content = (org.w3c.dom.Element) item
			.getElementsByTagNameNS("http://search.yahoo.com/mrss/", "content")
			.item(0);
		assertThat(content.getAttribute("url")).isEqualTo(ORIGIN + media(1200, "jpg"));
		assertThat(content.getAttribute("medium")).isEqualTo("image");
		assertThat(content.getAttribute("type")).isEqualTo("image/jpeg");
		assertThat(content.getAttribute("width")).isEqualTo("1200");
		assertThat(content.getAttribute("height")).isEqualTo("800");
		assertThat(text(content, "description")).isEqualTo(TestPhotos.CAPTION);
		assertThat(text(content, "credit")).isEqualTo(TestPhotos.CREDIT);

		SyndFeed atom = new SyndFeedInput().build(new StringReader(page("/feeds/sections/science/atom.xml")));
		SyndEntry entry = atom.getEntries()
			.stream()
			.filter((candidate) -> candidate.getUri().equals(Paths.articleUri(this.story.id())))
			.findFirst()
			.orElseThrow();
		assertThat(entry.getEnclosures()).hasSize(1);
		SyndEnclosure enclosure = entry.getEnclosures().get(0);
		assertThat(enclosure.getUrl()).isEqualTo(ORIGIN + media(1200, "jpg"));
		assertThat(enclosure.getType()).isEqualTo("image/jpeg");
	}

	@Test
	void ninjsAssociatesThePhotoWithEveryRendition() throws Exception {
		String json = page("/api/ninjs/articles/" + this.story.id());
		assertThat(StandardSchemas.ninjs(ItemFormat.NINJS_2, json)).isEmpty();
		JsonNode association = JSON.readTree(json).get("associations").get(0);
		assertThat(association.get("name").asText()).isEqualTo("featuremedia");
		assertThat(association.get("uri").asText()).isEqualTo("tag:newswire,2026:photo:" + this.photo.hash());
		assertThat(association.get("by").asText()).isEqualTo(TestPhotos.CREDIT);
		assertThat(association.get("descriptions")).isEqualTo(JSON.readTree("""
				[{"role": "caption", "value": "%s"}, {"role": "alt", "value": "%s"}]
				""".formatted(TestPhotos.CAPTION, TestPhotos.ALT)));
		assertThat(association.get("renditions").get(0)).isEqualTo(JSON.readTree("""
				{"name": "webp-320", "href": "%s", "contenttype": "image/webp", "width": 320, "height": 213}
				""".formatted(ORIGIN + media(320, "webp"))));
		assertThat(association.get("renditions")).hasSize(8);
	}

	@Test
	void theNewsSitemapNamesThePhoto() throws Exception {
		org.w3c.dom.Document sitemap = xml(page("/sitemap-news.xml"));
		NodeList urls = sitemap.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "url");
		String image = null;
		for (int i = 0; i < urls.getLength(); i++) {
			org.w3c.dom.Element url = (org.w3c.dom.Element) urls.item(i);
			if (url.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc")
				.item(0)
				.getTextContent()
				.equals(ORIGIN + this.story.path())) {
				image = url.getElementsByTagNameNS("http://www.google.com/schemas/sitemap-image/1.1", "loc")
					.item(0)
					.getTextContent();
			}
		}
		assertThat(image).isEqualTo(ORIGIN + media(1200, "jpg"));
	}

	/**
	 * On hold the story keeps its headline everywhere, and its photo nowhere; killed, it
	 * is a canceled item without one.
	 */
	@Test
	void aHeldOrKilledStoryShowsNoPhoto() throws Exception {
		ArticleSummary held = TestStories.story()
			.section("science")
			.headline("Lock gates story under review")
			.photo(this.photo.id())
			.publish(this.publishing);
		ArticleSummary killed = TestStories.story()
			.section("science")
			.headline("Pier story withdrawn")
			.photo(this.photo.id())
			.publish(this.publishing);
		this.publishing.hold(held.id(), "Checking the gate times with the harbour master.", "ada");
		this.publishing.kill(killed.id(), "Withdrawn: it named the wrong pier.", "ada");

		Document page = Jsoup.parse(page(held.path()));
		assertThat(page.select("figure, picture, img")).isEmpty();
		assertThat(page.select("meta[property^=og:image], meta[name=twitter:card]")).isEmpty();
		assertThat(page.selectFirst("script[type=application/ld+json]").data()).doesNotContain("/media/");
		Element listed = Jsoup.parse(page("/sections/science")).selectFirst("li:has(a[href=" + held.path() + "])");
		assertThat(listed.select("img")).isEmpty();
		assertThat(rssItem(xml(page("/feeds/sections/science/rss.xml")), held.id())
			.getElementsByTagNameNS("http://search.yahoo.com/mrss/", "content")
			.getLength()).isZero();
		for (ArticleSummary gone : List.of(held, killed)) {
			JsonNode ninjs = JSON.readTree(page("/api/ninjs/articles/" + gone.id()));
			assertThat(ninjs.has("associations")).as(gone.path()).isFalse();
		}
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String media(int width, String format) {
		return "/media/" + this.photo.hash() + "/" + width + "." + format;
	}

	private String crop(String ratio, int width) {
		return "/media/" + this.photo.hash() + "/" + ratio + "/" + width + ".jpg";
	}

	private String srcset(String format) {
		return String.join(", ",
				List.of(320, 640, 960, 1200)
					.stream()
					.map((width) -> media(width, format) + " " + width + "w")
					.toList());
	}

	private static String meta(Document page, String property) {
		return page.selectFirst("meta[property=" + property + "]").attr("content");
	}

	private static org.w3c.dom.Document xml(String text) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static org.w3c.dom.Element rssItem(org.w3c.dom.Document rss, long id) {
		NodeList items = rss.getElementsByTagName("item");
		for (int i = 0; i < items.getLength(); i++) {
			org.w3c.dom.Element item = (org.w3c.dom.Element) items.item(i);
			if (item.getElementsByTagName("guid").item(0).getTextContent().equals(Paths.articleUri(id))) {
				return item;
			}
		}
		throw new AssertionError("No RSS item for story " + id);
	}

	private static String text(org.w3c.dom.Element parent, String mediaName) {
		return parent.getElementsByTagNameNS("http://search.yahoo.com/mrss/", mediaName).item(0).getTextContent();
	}

}
