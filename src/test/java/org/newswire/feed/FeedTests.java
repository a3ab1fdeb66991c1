package org.newswire.feed;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import org.junit.jupiter.api.Test;
import org.newswire.SettableClock;
import org.newswire.TestStories;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.WritethruKind;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * RSS and Atom parsed back with Rome, as a feed reader would.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FeedTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Publishing publishing;

	@Autowired
	SettableClock clock;

	@Test
	void atomEntryKeepsItsIdAcrossAWritethruWhileUpdatedMovesAndTheTitleTakesTheLabel() throws Exception {
		// Only just backdated: the shared test database holds other classes' stories,
		// and this one must stay within the feed's newest entries.
		Instant secondsAgo = Instant.now().minus(Duration.ofSeconds(2)).truncatedTo(ChronoUnit.SECONDS);
		ArticleSummary first = this.clock.callAt(secondsAgo,
				() -> TestStories.story()
					.section("world")
					.headline("Harbour pier closes for repairs")
					.publish(this.publishing));
		long id = first.id();
		SyndEntry before = atomEntry(atom("/feeds/atom.xml"), id);

		TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Harbour pier reopens after repairs")
			.post(this.publishing, id, 1);
		SyndFeed after = atom("/feeds/atom.xml");

		assertThat(before.getUri()).isEqualTo("tag:newswire,2026:article:" + id);
		assertThat(before.getTitle()).isEqualTo("Harbour pier closes for repairs");
		assertThat(after.getEntries()).filteredOn((entry) -> entry.getUri().equals(before.getUri())).hasSize(1);
		SyndEntry updated = atomEntry(after, id);
		assertThat(updated.getTitle()).isEqualTo("LD Writethru: Harbour pier reopens after repairs");
		assertThat(updated.getUpdatedDate()).isAfter(before.getUpdatedDate());
		assertThat(updated.getPublishedDate()).isEqualTo(before.getPublishedDate()).isEqualTo(Date.from(secondsAgo));
		assertThat(updated.getLink()).startsWith("http://localhost/articles/" + id + "/harbour-pier-reopens");
		assertThat(updated.getContents().get(0).getValue())
			.contains("<p>The pier reopened after inspectors approved the repairs.</p>");
		assertThat(updated.getCategories()).extracting((category) -> category.getName()).containsExactly("world");
		assertThat(updated.getAuthors()).extracting((author) -> author.getName()).containsExactly("Ada Quill");
	}

	@Test
	void rssItemKeepsOneGuidThatIsNoPermalink() throws Exception {
		ArticleSummary first = this.clock.callAt(Instant.now().minus(Duration.ofSeconds(2)),
				() -> TestStories.story()
					.section("business")
					.headline("Port tolls to rise next year")
					.publish(this.publishing));
		long id = first.id();
		Item before = rssItem(rss("/feeds/rss.xml"), id);

		TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Port tolls to rise by a tenth next year")
			.post(this.publishing, id, 1);
		TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Port tolls rise confirmed by council")
			.post(this.publishing, id, 2);
		Channel after = rss("/feeds/rss.xml");

		assertThat(after.getItems()).filteredOn((item) -> item.getGuid().getValue().equals(before.getGuid().getValue()))
			.singleElement()
			.satisfies((item) -> {
				assertThat(item.getGuid().isPermaLink()).isFalse();
				assertThat(item.getTitle()).isEqualTo("2nd LD Writethru: Port tolls rise confirmed by council");
				assertThat(item.getPubDate()).isAfter(before.getPubDate());
				assertThat(item.getLink())
					.isEqualTo("http://localhost/articles/" + id + "/port-tolls-rise-confirmed-by-council");
			});
		assertThat(before.getGuid().getValue()).isEqualTo("tag:newswire,2026:article:" + id);
	}

	@Test
	void atomSummarySaysWhatChangedAndRssOpensWithTheCorrectionNote() throws Exception {
		Instant filed = newestMoment();
		long id = this.clock.callAt(filed, () -> TestStories.story().section("world").publish(this.publishing)).id();
		assertThat(atomEntry(atom("/feeds/atom.xml"), id).getDescription().getValue())
			.isEqualTo("The harbour master said the pier would reopen <soon> & safely.");

		Instant led = filed.plusSeconds(1);
		this.clock.runAt(led, () -> TestStories.writethru(WritethruKind.LD_WRITETHRU).post(this.publishing, id, 1));
		SyndEntry writethru = atomEntry(atom("/feeds/atom.xml"), id);
		assertThat(writethru.getDescription().getValue()).isEqualTo("LD Writethru: Eds: UPDATES with pier reopening");
		assertThat(writethru.getUpdatedDate()).isEqualTo(Date.from(led));
		assertThat(rssItem(rss("/feeds/rss.xml"), id).getDescription().getValue())
			.startsWith("<p>The pier reopened after inspectors approved the repairs.</p>");

		Instant corrected = led.plusSeconds(1);
		this.clock.runAt(corrected, () -> TestStories.writethru(WritethruKind.CORRECTS).post(this.publishing, id, 2));
		SyndEntry correction = atomEntry(atom("/feeds/atom.xml"), id);
		assertThat(correction.getDescription().getValue())
			.isEqualTo("Correction: An earlier version named the wrong berth.");
		assertThat(correction.getUpdatedDate()).isEqualTo(Date.from(corrected));
		assertThat(rssItem(rss("/feeds/sections/world/rss.xml"), id).getDescription().getValue())
			.isEqualTo("<p>Correction: An earlier version named the wrong berth.</p>"
					+ "<p>The pier reopened after inspectors approved the repairs.</p>"
					+ "<p>Ferries returned to the south berth.</p>");
		this.publishing.kill(id, "Test story withdrawn.", "ada");
	}

	@Test
	void aStoryOnHoldSaysSoInEveryFeedWithoutItsText() throws Exception {
		Instant filed = newestMoment();
		long id = this.clock.callAt(filed, () -> TestStories.story().section("business").publish(this.publishing)).id();
		Instant heldAt = filed.plusSeconds(1);
		this.clock.runAt(heldAt, () -> this.publishing.hold(id, "Figures are being checked.", "ada"));

		for (String path : List.of("/feeds/atom.xml", "/feeds/sections/business/atom.xml")) {
			SyndEntry held = atomEntry(atom(path), id);
			assertThat(held.getTitle()).isEqualTo("Harbour pier closes for repairs");
			assertThat(held.getDescription().getValue()).isEqualTo("On hold: Figures are being checked.");
			assertThat(held.getContents()).isEmpty();
			assertThat(held.getUpdatedDate()).isEqualTo(Date.from(heldAt));
		}
		for (String path : List.of("/feeds/rss.xml", "/feeds/sections/business/rss.xml")) {
			assertThat(rssItem(rss(path), id).getDescription().getValue())
				.isEqualTo("<p>On hold: Figures are being checked.</p>");
		}

		this.clock.runAt(heldAt.plusSeconds(1), () -> this.publishing.releaseHold(id, "ada"));
		SyndEntry released = atomEntry(atom("/feeds/atom.xml"), id);
		assertThat(released.getContents().get(0).getValue()).contains("The harbour master said");
		assertThat(released.getUpdatedDate()).isAfter(Date.from(heldAt));
		this.publishing.kill(id, "Test story withdrawn.", "ada");
	}

	/**
	 * A whole second just ahead of every story the shared test database holds, so the
	 * story filed then leads the feeds (they carry the newest 50) however many stories
	 * the tests before this one published in the last seconds. The stories these tests
	 * date so are killed afterwards, out of every later test's lists.
	 */
	private Instant newestMoment() {
		return Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
	}

	@Test
	void killedStoryLeavesEveryFeed() throws Exception {
		long id = TestStories.story()
			.section("culture")
			.headline("Museum opens new wing")
			.publish(this.publishing)
			.id();
		assertThat(atom("/feeds/atom.xml").getEntries()).extracting(SyndEntry::getUri).contains(uri(id));
		assertThat(atom("/feeds/sections/culture/atom.xml").getEntries()).extracting(SyndEntry::getUri)
			.contains(uri(id));

		this.publishing.kill(id, "The story is withdrawn: the opening was postponed.", "ada");

		assertThat(atom("/feeds/atom.xml").getEntries()).extracting(SyndEntry::getUri).doesNotContain(uri(id));
		assertThat(atom("/feeds/sections/culture/atom.xml").getEntries()).extracting(SyndEntry::getUri)
			.doesNotContain(uri(id));
		assertThat(rss("/feeds/rss.xml").getItems()).extracting((item) -> item.getGuid().getValue())
			.doesNotContain(uri(id));
		assertThat(rss("/feeds/sections/culture/rss.xml").getItems()).extracting((item) -> item.getGuid().getValue())
			.doesNotContain(uri(id));
	}

	@Test
	void sectionFeedsCarryOnlyTheirSection() throws Exception {
		long id = TestStories.story()
			.section("science")
			.headline("Survey counts seabirds on the cliffs")
			.publish(this.publishing)
			.id();

		SyndFeed science = atom("/feeds/sections/science/atom.xml");
		assertThat(science.getTitle()).isEqualTo("Newswire: Science");
		assertThat(science.getEntries()).extracting(SyndEntry::getUri).contains(uri(id));
		assertThat(science.getEntries())
			.allSatisfy((entry) -> assertThat(entry.getCategories()).extracting((category) -> category.getName())
				.containsExactly("science"));
		assertThat(atom("/feeds/sections/sports/atom.xml").getEntries()).extracting(SyndEntry::getUri)
			.doesNotContain(uri(id));
		assertThat(rss("/feeds/sections/science/rss.xml").getItems()).extracting((item) -> item.getGuid().getValue())
			.contains(uri(id));
	}

	@Test
	void unknownSectionIsNotFound() throws Exception {
		this.mvc.perform(get("/feeds/sections/astrology/rss.xml")).andExpect(status().isNotFound());
		this.mvc.perform(get("/feeds/sections/astrology/atom.xml")).andExpect(status().isNotFound());
	}

	@Test
	void titlesAndBodiesAreEscapedNotInjected() throws Exception {
		long id = TestStories.story()
			.section("technology")
			.headline("Chips & <b>boards</b>: \"supply\" eases")
			.publish(this.publishing)
			.id();
		SyndEntry entry = atomEntry(atom("/feeds/atom.xml"), id);
		assertThat(entry.getTitle()).isEqualTo("Chips & <b>boards</b>: \"supply\" eases");
		assertThat(entry.getContents().get(0).getValue())
			.contains("<p>The harbour master said the pier would reopen &lt;soon&gt; &amp; safely.</p>");
		assertThat(rssItem(rss("/feeds/rss.xml"), id).getTitle()).isEqualTo("Chips & <b>boards</b>: \"supply\" eases");
	}

	@Test
	void feedsAreServedByThePageCacheAndAnswerConditionalRequests() throws Exception {
		MockHttpServletResponse first = this.mvc.perform(get("/feeds/rss.xml"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/rss+xml;charset=UTF-8"))
			.andExpect(header().string("Cache-Control",
					"public, max-age=30, s-maxage=86400, stale-while-revalidate=60, stale-if-error=86400"))
			.andReturn()
			.getResponse();
		String etag = first.getHeader("ETag");
		assertThat(etag).startsWith("W/\"");
		assertThat(this.mvc.perform(get("/feeds/rss.xml")).andReturn().getResponse().getContentAsString())
			.isEqualTo(first.getContentAsString());
		assertThat(first.getHeader("Last-Modified")).isNotBlank();
		this.mvc.perform(get("/feeds/atom.xml"))
			.andExpect(header().string("Content-Type", "application/atom+xml;charset=UTF-8"));

		this.mvc.perform(get("/feeds/rss.xml").header("If-None-Match", etag))
			.andExpect(status().isNotModified())
			.andExpect(header().string("ETag", etag));

		TestStories.story().section("sports").headline("Rowing club names new coach").publish(this.publishing);
		this.mvc.perform(get("/feeds/rss.xml").header("If-None-Match", etag)).andExpect(status().isOk());
	}

	private static String uri(long id) {
		return "tag:newswire,2026:article:" + id;
	}

	private SyndFeed atom(String path) throws Exception {
		String xml = this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		return feed;
	}

	private Channel rss(String path) throws Exception {
		String xml = this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Channel channel = (Channel) new WireFeedInput().build(new StringReader(xml));
		assertThat(channel.getFeedType()).isEqualTo("rss_2.0");
		return channel;
	}

	private static SyndEntry atomEntry(SyndFeed feed, long id) {
		List<SyndEntry> entries = feed.getEntries().stream().filter((entry) -> entry.getUri().equals(uri(id))).toList();
		assertThat(entries).hasSize(1);
		return entries.get(0);
	}

	private static Item rssItem(Channel channel, long id) {
		List<Item> items = channel.getItems()
			.stream()
			.filter((item) -> item.getGuid().getValue().equals(uri(id)))
			.toList();
		assertThat(items).hasSize(1);
		return items.get(0);
	}

}
