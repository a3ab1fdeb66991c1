package org.newswire;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.Urgency;
import org.newswire.article.WritethruKind;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What a hold withholds is withheld on every surface a reader or a client reads: a story
 * on hold keeps its headline and shows the hold notice, and none of its versions' text,
 * editor's notes or correction notes appears anywhere, HTML, feeds, ninjs, search,
 * JSON-LD, sitemaps or the live ticker. Released, each surface carries again what it
 * carries of any story, so the same walk shows the check can fail.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HeldStorySurfacesTests {

	/** A word in the first paragraph of every version, so lists quote it too. */
	private static final String BODY = "quokka5519";

	private static final String EDNOTE = "ZEBRA-ednote-7731";

	private static final String CORRECTION = "OKAPI-correction-4402";

	private static final String HEADLINE = "Skerrymoor ferry pier reopens to traffic";

	private static final String HOLD_NOTE = "The reopening date is being checked with the harbour master.";

	/** What each version carries that a hold withholds. */
	enum Withheld {

		BODY(HeldStorySurfacesTests.BODY), EDNOTE(HeldStorySurfacesTests.EDNOTE),
		CORRECTION(HeldStorySurfacesTests.CORRECTION);

		private final String text;

		Withheld(String text) {
			this.text = text;
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Publishing publishing;

	@Autowired
	NewswireProperties properties;

	@Test
	void aHeldStorysTextEdnotesAndCorrectionsAreOnNoSurfaceUntilItIsReleased() throws Exception {
		ArticleSummary first = TestStories.story()
			.slugline("Skerrymoor-Pier")
			.urgency(Urgency.ROUTINE)
			.headline(HEADLINE)
			.paragraphs("The " + BODY + " pier took its first ferry in a month.", "Cars queued from dawn.")
			.ednote("Eds: first filing, " + EDNOTE)
			.publish(this.publishing);
		ArticleSummary corrected = TestStories.writethru(WritethruKind.CORRECTS)
			.headline(HEADLINE)
			.paragraphs("The " + BODY + " pier took its first ferry in five weeks.", "Cars queued from dawn.")
			.ednote("Eds: CORRECTS length of closure, " + EDNOTE)
			.correctionNote(CORRECTION + ": an earlier version said the pier was closed for a month.")
			.post(this.publishing, first);
		ArticleSummary story = TestStories.writethru(WritethruKind.ADDS)
			.headline(HEADLINE)
			.paragraphs("The " + BODY + " pier took its first ferry in five weeks.", "Cars queued from dawn.",
					"Tolls stay as before.")
			.ednote("Eds: ADDS tolls, " + EDNOTE)
			.post(this.publishing, corrected);

		awaitTicker((stream) -> stream.contains(story.path()));

		this.publishing.hold(story.id(), HOLD_NOTE, "ada");
		// The ticker leaves a held story's headline out: once it has, the stream shows
		// the
		// hold.
		awaitTicker((stream) -> !stream.contains(story.path()));
		Map<String, Set<Withheld>> nothing = new LinkedHashMap<>();
		surfaces(story).keySet().forEach((surface) -> nothing.put(surface, EnumSet.noneOf(Withheld.class)));
		assertThat(carried(story)).isEqualTo(nothing);
		Document page = Jsoup.parse(body(story.path()));
		assertThat(page.select("h1").text()).isEqualTo("Adds: " + HEADLINE);
		assertThat(page.select(".hold-notice").text()).contains(HOLD_NOTE);

		this.publishing.releaseHold(story.id(), "ada");
		awaitTicker((stream) -> stream.contains(story.path()));
		assertThat(carried(story)).isEqualTo(surfaces(story));
	}

	/**
	 * Every surface that shows the story, with what it carries of a story that is not on
	 * hold.
	 */
	private Map<String, Set<Withheld>> surfaces(ArticleSummary story) {
		String path = story.path();
		long id = story.id();
		Map<String, Set<Withheld>> surfaces = new LinkedHashMap<>();
		surfaces.put(path, EnumSet.allOf(Withheld.class));
		surfaces.put(path + " JSON-LD", EnumSet.of(Withheld.CORRECTION));
		surfaces.put(path + "/versions", EnumSet.of(Withheld.EDNOTE, Withheld.CORRECTION));
		surfaces.put(path + "/versions/1", EnumSet.of(Withheld.BODY, Withheld.EDNOTE));
		surfaces.put(path + "/versions/2", EnumSet.allOf(Withheld.class));
		surfaces.put(path + "/versions/3", EnumSet.of(Withheld.BODY, Withheld.EDNOTE));
		surfaces.put(path + "/compare?from=1&to=2", EnumSet.allOf(Withheld.class));
		surfaces.put(path + "/compare?from=2&to=3", EnumSet.of(Withheld.BODY, Withheld.EDNOTE));
		surfaces.put("/corrections", EnumSet.of(Withheld.CORRECTION));
		surfaces.put("/", EnumSet.of(Withheld.BODY));
		surfaces.put("/sections/world", EnumSet.of(Withheld.BODY));
		surfaces.put("/search?q=skerrymoor", EnumSet.of(Withheld.BODY));
		surfaces.put("/feeds/rss.xml", EnumSet.of(Withheld.BODY));
		surfaces.put("/feeds/sections/world/rss.xml", EnumSet.of(Withheld.BODY));
		surfaces.put("/feeds/atom.xml", EnumSet.of(Withheld.BODY, Withheld.EDNOTE));
		surfaces.put("/feeds/sections/world/atom.xml", EnumSet.of(Withheld.BODY, Withheld.EDNOTE));
		surfaces.put(path + "/atom.xml", EnumSet.allOf(Withheld.class));
		surfaces.put("/api/ninjs/articles/" + id, EnumSet.of(Withheld.BODY, Withheld.EDNOTE));
		surfaces.put("/api/ninjs/articles/" + id + "/versions/1", EnumSet.of(Withheld.BODY, Withheld.EDNOTE));
		surfaces.put("/api/ninjs/articles/" + id + "/versions/2", EnumSet.allOf(Withheld.class));
		surfaces.put("/api/ninjs/articles/" + id + "/versions/3", EnumSet.of(Withheld.BODY, Withheld.EDNOTE));
		surfaces.put("/api/ninjs/articles?since=" + story.firstPublishedAt(),
				EnumSet.of(Withheld.BODY, Withheld.EDNOTE));
		surfaces.put("/sitemap-news.xml", EnumSet.noneOf(Withheld.class));
		surfaces.put(articleSitemap(id), EnumSet.noneOf(Withheld.class));
		surfaces.put("/ticker/stream", EnumSet.noneOf(Withheld.class));
		return surfaces;
	}

	/**
	 * What each surface carries now of the story's withheld parts.
	 */
	private Map<String, Set<Withheld>> carried(ArticleSummary story) throws Exception {
		Map<String, Set<Withheld>> carried = new LinkedHashMap<>();
		for (String surface : surfaces(story).keySet()) {
			String text = surface.endsWith(" JSON-LD")
					? Jsoup.parse(body(story.path())).select("script[type=application/ld+json]").html()
					: surface.equals("/ticker/stream") ? tickerStream() : body(surface);
			Set<Withheld> found = EnumSet.noneOf(Withheld.class);
			for (Withheld part : Withheld.values()) {
				if (text.contains(part.text)) {
					found.add(part);
				}
			}
			carried.put(surface, found);
		}
		return carried;
	}

	private String body(String path) throws Exception {
		MvcResult result = this.mvc.perform(get(path)).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private String articleSitemap(long id) {
		int perSitemap = this.properties.sitemap().maxUrls();
		return "/sitemaps/articles-" + ((id - 1) / perSitemap + 1) + ".xml";
	}

	/**
	 * The first frame a new stream gets: the ticker as it stands.
	 */
	private String tickerStream() throws Exception {
		MvcResult result = this.mvc.perform(get("/ticker/stream")).andReturn();
		try {
			return result.getResponse().getContentAsString();
		}
		finally {
			// Ends the stream, so it does not count against the open streams.
			result.getRequest().getAsyncContext().complete();
		}
	}

	/**
	 * The stream's snapshot is built after the change record is followed, on a thread of
	 * its own.
	 */
	private void awaitTicker(Predicate<String> standing) {
		await().until(this::tickerStream, standing);
	}

}
