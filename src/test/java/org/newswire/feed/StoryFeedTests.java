package org.newswire.feed;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.newswire.SettableClock;
import org.newswire.TestStories;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.WritethruKind;
import org.xml.sax.InputSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The feed that follows one story, read back as a feed reader would: an entry per
 * version, newest first, with links to each version and to what it changed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StoryFeedTests {

	private static final String ORIGIN = "http://localhost";

	@Autowired
	MockMvc mvc;

	@Autowired
	Publishing publishing;

	@Autowired
	SettableClock clock;

	@Test
	void oneEntryPerVersionNewestFirstLinkingToTheVersionAndItsComparePage() throws Exception {
		Instant filed = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
		Instant led = filed.plus(Duration.ofMinutes(20));
		Instant corrected = filed.plus(Duration.ofMinutes(45));
		long id = this.clock
			.callAt(filed,
					() -> TestStories.story().headline("Harbour pier closes for repairs").publish(this.publishing))
			.id();
		this.clock.runAt(led,
				() -> TestStories.writethru(WritethruKind.LD_WRITETHRU)
					.headline("Harbour pier reopens after repairs")
					.post(this.publishing, id, 1));
		ArticleSummary story = this.clock.callAt(corrected,
				() -> TestStories.writethru(WritethruKind.CORRECTS)
					.headline("Harbour pier reopens after repairs")
					.paragraphs("The pier reopened after inspectors approved the repairs.",
							"Ferries returned to the north berth.")
					.post(this.publishing, id, 2));

		Feed feed = feed(story.path() + "/atom.xml");

		assertThat(feed.getId()).isEqualTo("tag:newswire,2026:feed:article:" + id);
		assertThat(feed.getTitle()).isEqualTo("Newswire: Correction: Harbour pier reopens after repairs");
		assertThat(feed.getUpdated()).isEqualTo(Date.from(corrected));
		assertThat(feed.getAlternateLinks()).extracting(Link::getHref).containsExactly(ORIGIN + story.path());
		assertThat(feed.getOtherLinks()).extracting(Link::getRel, Link::getHref)
			.containsExactly(tuple("self", ORIGIN + story.path() + "/atom.xml"), tuple("hub", ORIGIN + "/websub"));
		List<Entry> entries = feed.getEntries();
		assertThat(entries).extracting(Entry::getId)
			.containsExactly("tag:newswire,2026:article:" + id + ":version:3",
					"tag:newswire,2026:article:" + id + ":version:2", "tag:newswire,2026:article:" + id + ":version:1");
		assertThat(entries).extracting(Entry::getTitle)
			.containsExactly("Correction: Harbour pier reopens after repairs",
					"LD Writethru: Harbour pier reopens after repairs", "Harbour pier closes for repairs");
		assertThat(entries).extracting(Entry::getUpdated)
			.containsExactly(Date.from(corrected), Date.from(led), Date.from(filed));
		assertThat(entries).extracting((entry) -> (entry.getSummary() != null) ? entry.getSummary().getValue() : null)
			.containsExactly("Correction: An earlier version named the wrong berth.",
					"LD Writethru: Eds: UPDATES with pier reopening", null);
		assertThat(entries.get(0).getContents().get(0).getValue())
			.isEqualTo("<p>The pier reopened after inspectors approved the repairs.</p>"
					+ "<p>Ferries returned to the north berth.</p>");
		assertThat(entries.get(2).getContents().get(0).getValue())
			.contains("<p>The harbour master said the pier would reopen &lt;soon&gt; &amp; safely.</p>");

		String versions = ORIGIN + story.path() + "/versions/";
		assertThat(entries).extracting((entry) -> entry.getAlternateLinks().get(0).getHref())
			.containsExactly(versions + "3", versions + "2", versions + "1");
		assertThat(entries.get(0).getOtherLinks()).singleElement().satisfies((compare) -> {
			assertThat(compare.getRel()).isEqualTo("related");
			assertThat(compare.getHref()).isEqualTo(ORIGIN + story.path() + "/compare?from=2&to=3");
			assertThat(compare.getTitle()).isEqualTo("What changed from version 2");
		});
		assertThat(entries.get(1).getOtherLinks()).extracting(Link::getHref)
			.containsExactly(ORIGIN + story.path() + "/compare?from=1&to=2");
		assertThat(entries.get(2).getOtherLinks()).isEmpty();
		// Every link leads to a page a reader can open.
		for (Entry entry : entries) {
			for (Link link : entry.getAlternateLinks()) {
				this.mvc.perform(get(link.getHref().substring(ORIGIN.length()))).andExpect(status().isOk());
			}
			for (Link link : entry.getOtherLinks()) {
				this.mvc.perform(get(link.getHref().substring(ORIGIN.length()))).andExpect(status().isOk());
			}
		}
	}

	@Test
	void everyArticlePageLinksToItsFeed() throws Exception {
		ArticleSummary story = TestStories.story()
			.headline("Lighthouse keepers mark a quiet century")
			.publish(this.publishing);
		String html = this.mvc.perform(get(story.path()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var document = Jsoup.parse(html);
		String feed = story.path() + "/atom.xml";
		assertThat(document.select("head link[rel=alternate][type=application/atom+xml][href=" + feed + "]"))
			.singleElement()
			.satisfies((link) -> assertThat(link.attr("title")).isEqualTo("Atom feed of this story\u2019s updates"));
		assertThat(document.select("main a[href=" + feed + "]")).singleElement()
			.satisfies((link) -> assertThat(link.text()).isEqualTo("Follow this story"));
		assertThat(feed(feed).getEntries()).hasSize(1);
	}

	@Test
	void anOldSlugRedirectsToTheFeedAtItsCanonicalUrlAndUnknownStoriesAreNotFound() throws Exception {
		long id = TestStories.story().headline("Orchard harvest comes in early").publish(this.publishing).id();
		ArticleSummary story = TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Orchard harvest is the earliest on record")
			.post(this.publishing, id, 1);
		this.mvc.perform(get("/articles/" + id + "/orchard-harvest-comes-in-early/atom.xml"))
			.andExpect(status().isMovedPermanently())
			.andExpect(redirectedUrl(story.path() + "/atom.xml"));
		this.mvc.perform(get("/articles/987654321/some-story/atom.xml")).andExpect(status().isNotFound());
		this.mvc.perform(get("/articles/not-a-number/some-story/atom.xml")).andExpect(status().isNotFound());
	}

	@Test
	void aStoryUnderEmbargoHasNoFeedUntilItLifts() throws Exception {
		ArticleSummary story = this.publishing.publish(
				TestStories.story().headline("Observatory opens a night school").draft(),
				Instant.now().plus(Duration.ofHours(1)), "ada");
		this.mvc.perform(get(story.path() + "/atom.xml")).andExpect(status().isNotFound());

		this.publishing.liftEmbargo(story.id(), "ada");
		assertThat(feed(story.path() + "/atom.xml").getEntries()).hasSize(1);
	}

	@Test
	void aKilledStorysFeedIsGoneWithTheKillNoticeAsItsNewestEntry() throws Exception {
		Instant killedAt = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
		ArticleSummary story = this.clock.callAt(killedAt.minus(Duration.ofHours(1)),
				() -> TestStories.story().headline("Museum opens new wing").publish(this.publishing));
		String path = story.path() + "/atom.xml";
		assertThat(feed(path).getEntries()).hasSize(1);

		this.clock.runAt(killedAt,
				() -> this.publishing.kill(story.id(), "Withdrawn: the opening was postponed.", "ada"));

		MockHttpServletResponse gone = this.mvc.perform(get(path))
			.andExpect(status().isGone())
			.andExpect(header().string("Content-Type", "application/atom+xml;charset=UTF-8"))
			.andReturn()
			.getResponse();
		Feed feed = parse(gone.getContentAsString());
		assertThat(feed.getUpdated()).isEqualTo(Date.from(killedAt));
		assertThat(feed.getEntries()).singleElement().satisfies((notice) -> {
			assertThat(notice.getId()).isEqualTo("tag:newswire,2026:article:" + story.id() + ":kill");
			assertThat(notice.getTitle()).isEqualTo("This story has been withdrawn");
			assertThat(notice.getSummary().getValue()).isEqualTo("Withdrawn: the opening was postponed.");
			assertThat(notice.getUpdated()).isEqualTo(Date.from(killedAt));
			assertThat(notice.getContents()).isEmpty();
		});
		assertThat(gone.getContentAsString()).doesNotContain("Museum opens new wing")
			.doesNotContain("The harbour master said");
	}

	@Test
	void aStoryOnHoldLeadsWithTheHoldAndCarriesNoText() throws Exception {
		Instant heldAt = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
		ArticleSummary story = this.clock.callAt(heldAt.minus(Duration.ofHours(1)),
				() -> TestStories.story().headline("Bridge inspection finds cracks").publish(this.publishing));
		String path = story.path() + "/atom.xml";
		this.clock.runAt(heldAt, () -> this.publishing.hold(story.id(), "Figures are being checked.", "ada"));

		MockHttpServletResponse held = this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
		Feed feed = parse(held.getContentAsString());
		assertThat(feed.getUpdated()).isEqualTo(Date.from(heldAt));
		assertThat(feed.getEntries()).extracting(Entry::getTitle)
			.containsExactly("On hold", "Bridge inspection finds cracks");
		assertThat(feed.getEntries().get(0).getSummary().getValue()).isEqualTo("On hold: Figures are being checked.");
		assertThat(feed.getEntries()).allSatisfy((entry) -> assertThat(entry.getContents()).isEmpty());
		assertThat(held.getContentAsString()).doesNotContain("The harbour master said");

		this.publishing.releaseHold(story.id(), "ada");
		assertThat(feed(path).getEntries()).singleElement()
			.satisfies(
					(entry) -> assertThat(entry.getContents().get(0).getValue()).contains("The harbour master said"));
	}

	@Test
	void servedByThePageCacheWithValidatorsAndDroppedByAChangeOfTheStory() throws Exception {
		ArticleSummary story = TestStories.story().headline("Seabird count rises").publish(this.publishing);
		String path = story.path() + "/atom.xml";
		MockHttpServletResponse first = this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control",
					"public, max-age=30, s-maxage=86400, stale-while-revalidate=60, stale-if-error=86400"))
			.andReturn()
			.getResponse();
		String etag = first.getHeader("ETag");
		assertThat(etag).startsWith("W/\"");
		assertThat(first.getHeader("Last-Modified")).isNotBlank();
		this.mvc.perform(get(path).header("If-None-Match", etag)).andExpect(status().isNotModified());
		this.mvc.perform(get(path).header("If-Modified-Since", first.getHeader("Last-Modified")))
			.andExpect(status().isNotModified());

		// Another story's change leaves this feed alone.
		TestStories.story().headline("Rowing club names coach").publish(this.publishing);
		this.mvc.perform(get(path).header("If-None-Match", etag)).andExpect(status().isNotModified());

		TestStories.writethru(WritethruKind.ADDS).headline("Seabird count rises").post(this.publishing, story);
		String after = this.mvc.perform(get(path).header("If-None-Match", etag))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(parse(after).getEntries()).hasSize(2);
	}

	private Feed feed(String path) throws Exception {
		return parse(this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/atom+xml;charset=UTF-8"))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	/**
	 * Well-formed XML, then Atom 1.0 as Rome reads it, with what RFC 4287 requires of
	 * every entry.
	 */
	private static Feed parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		assertThat(factory.newDocumentBuilder()
			.parse(new InputSource(new StringReader(xml)))
			.getDocumentElement()
			.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
		Feed feed = (Feed) new WireFeedInput().build(new StringReader(xml));
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(feed.getId()).isNotBlank();
		assertThat(feed.getUpdated()).isNotNull();
		assertThat(feed.getAuthors()).isNotEmpty();
		assertThat(feed.getEntries()).allSatisfy((entry) -> {
			assertThat(entry.getId()).isNotBlank();
			assertThat(entry.getTitle()).isNotBlank();
			assertThat(entry.getUpdated()).isNotNull();
			assertThat(entry.getAlternateLinks()).hasSize(1);
		});
		return feed;
	}

}
