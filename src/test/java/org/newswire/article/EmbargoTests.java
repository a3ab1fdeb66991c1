package org.newswire.article;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.newswire.SettableClock;
import org.newswire.TestStories;
import org.newswire.ticker.TickerLine;
import org.newswire.ticker.TickerService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A story filed under embargo exists only on the desk until its time: every public
 * surface answers as if it did not exist. The release job (run here at pinned times, as
 * the scheduler runs it on every node) then publishes it once, with the lift time as its
 * publication time, and every surface shows it.
 * <p>
 * The embargo tests share a context of their own: what they release carries the pinned
 * clock's times, hours ahead, and would lead every list other tests read. Its scheduler
 * is left out (a poll of an hour): the tests run the job themselves at pinned times;
 * {@code TwoNodeTests} checks the scheduler.
 */
@SpringBootTest(properties = "newswire.release.poll=1h")
@AutoConfigureMockMvc
class EmbargoTests {

	private static final AtomicInteger counter = new AtomicInteger();

	/**
	 * Every public surface that lists or shows stories; the article's own pages aside.
	 */
	private static final List<String> LISTINGS = List.of("/", "/sections/world", "/corrections", "/feeds/rss.xml",
			"/feeds/atom.xml", "/feeds/sections/world/rss.xml", "/feeds/sections/world/atom.xml", "/sitemap-news.xml",
			"/sitemaps/sections.xml");

	private static final Pattern LOC = Pattern.compile("<loc>https?://[^/<]+([^<]+)</loc>");

	/** Changes every node's caches, search and ticker follow. */
	private static final String PUBLIC_CHANGES = "select count(*) from change_record where article_id = ? "
			+ "and embargo_until is null";

	private static final String EMBARGOED_CHANGES = "select count(*) from change_record where article_id = ? "
			+ "and embargo_until is not null";

	@Autowired
	MockMvc mvc;

	@Autowired
	Publishing publishing;

	@Autowired
	Stories stories;

	@Autowired
	EditorialListing listing;

	@Autowired
	TickerService ticker;

	@Autowired
	SettableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anEmbargoedStoryIsNowhereUntilItsTimeAndEverywhereOnceReleased() throws Exception {
		Instant until = inAnHour();
		String word = uniqueWord();
		ArticleSummary filed = embargoed(word, until);
		// A correction filed while it waits must not reach the corrections page either.
		TestStories.writethru(WritethruKind.CORRECTS)
			.headline("Observatory confirms the new star " + word)
			.post(this.publishing, filed.id(), 1);

		this.clock.runAt(until.minusSeconds(1), this.publishing::releaseDue);
		assertAbsentEverywhere(filed.id(), word);
		assertThat(this.listing.story(filed.id())).hasValueSatisfying((story) -> {
			assertThat(story.embargoed()).isTrue();
			assertThat(story.current().sequence()).isEqualTo(2);
		});

		this.clock.runAt(until, this.publishing::releaseDue);
		ArticleSummary released = this.stories.readable(filed.id());
		assertThat(released.embargoed()).isFalse();
		assertThat(released.firstPublishedAt()).isEqualTo(until);
		assertThat(released.updatedAt()).isEqualTo(until);
		assertThat(released.embargoUntil()).as("ninjs 'embargoed' says when it lifted").isEqualTo(until);
		assertThat(this.stories.versions(filed.id())).extracting(VersionView::publishedAt)
			.as("the versions filed under embargo appear at the lift")
			.containsExactly(until, until);
		assertPresentEverywhere(released, word);
	}

	@Test
	void twoReleaseJobsRacingReleaseAStoryOnce() throws Exception {
		Instant until = inAnHour().plus(Duration.ofHours(1));
		ArticleSummary filed = embargoed(uniqueWord(), until);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (int node = 0; node < 2; node++) {
				runs.add(nodes.submit(() -> {
					go.await();
					return this.clock.callAt(until, this.publishing::releaseDue);
				}));
			}
			go.countDown();
			for (Future<Integer> run : runs) {
				run.get();
			}
		}
		finally {
			nodes.shutdownNow();
		}
		long id = filed.id();
		assertThat(this.stories.versions(id)).hasSize(1);
		assertThat(count("select count(*) from headline where article_id = ?", id)).as("ticker lines").isOne();
		assertThat(count("select count(*) from audit_entry where article_id = ? and action = 'PUBLISHED'", id)).isOne();
		assertThat(count("select count(*) from change_record where article_id = ? and kinds like '%PUBLISHED%'", id))
			.isOne();
	}

	@Test
	void nothingPublicIsRecordedWhileAStoryWaitsAndAKillKeepsItUnknown() throws Exception {
		Instant until = inAnHour();
		String word = uniqueWord();
		ArticleSummary filed = embargoed(word, until);
		assertThat(count(PUBLIC_CHANGES, filed.id())).isZero();
		assertThat(count(EMBARGOED_CHANGES, filed.id())).as("for entitled clients").isOne();
		assertThat(count("select count(*) from headline where article_id = ?", filed.id())).isZero();

		this.publishing.kill(filed.id(), "Withdrawn before release.", "ada");
		this.clock.runAt(until, this.publishing::releaseDue);
		assertThat(status(filed.path())).as("never published, so never gone: unknown").isEqualTo(404);
		assertThat(count(PUBLIC_CHANGES, filed.id())).isZero();
		assertThat(count(EMBARGOED_CHANGES + " and kinds = 'KILLED' and pub_status = 'canceled'", filed.id()))
			.as("the kill, for entitled clients")
			.isOne();
		assertThat(this.listing.story(filed.id())).hasValueSatisfying((story) -> {
			assertThat(story.killed()).isTrue();
			assertThat(story.embargoed()).isTrue();
		});
	}

	@Test
	void aStoryUnderEmbargoCannotBeHeldAndAnEmbargoCannotBeSetInThePast() {
		Instant until = inAnHour();
		ArticleSummary filed = embargoed(uniqueWord(), until);
		assertThatExceptionOfType(ArticleException.Embargoed.class)
			.isThrownBy(() -> this.publishing.hold(filed.id(), "Checking.", "ada"))
			.satisfies((ex) -> assertThat(ex.getEmbargoUntil()).isEqualTo(until));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(
				() -> this.publishing.publish(TestStories.story().draft(), Instant.now().minusSeconds(1), "ada"));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.publishing.moveEmbargo(filed.id(), Instant.now().minusSeconds(1), "ada"));
	}

	private void assertAbsentEverywhere(long id, String word) throws Exception {
		String lower = word.toLowerCase(Locale.ROOT);
		for (String page : List.of("/articles/" + id, "/articles/" + id + "/x", "/articles/" + id + "/x/versions",
				"/articles/" + id + "/x/versions/1", "/articles/" + id + "/x/compare?from=1&to=2",
				"/articles/" + id + "/x/atom.xml", "/api/ninjs/articles/" + id,
				"/api/ninjs/articles/" + id + "/versions/1")) {
			assertThat(status(page)).as(page).isEqualTo(404);
		}
		for (String page : publicListings(word)) {
			String body = body(page);
			assertThat(body).as(page).doesNotContain("/articles/" + id + "/");
			if (!page.startsWith("/search")) {
				// The search page repeats the words it was asked for.
				assertThat(body.toLowerCase(Locale.ROOT)).as(page).doesNotContain(lower);
			}
		}
		assertThat(this.ticker.lines()).extracting(TickerLine::text).noneMatch((text) -> text.contains(word));
		assertThat(this.stories.current(List.of(id))).as("what the live stream and search read").isEmpty();
	}

	private void assertPresentEverywhere(ArticleSummary story, String word) throws Exception {
		String lower = word.toLowerCase(Locale.ROOT);
		for (String page : List.of(story.path(), story.path() + "/versions", story.path() + "/versions/1",
				story.path() + "/atom.xml", "/api/ninjs/articles/" + story.id())) {
			assertThat(status(page)).as(page).isEqualTo(200);
		}
		assertThat(body("/api/ninjs/articles/" + story.id()))
			.contains("\"embargoed\":\"" + story.embargoUntil() + "\"");
		for (String page : publicListings(word)) {
			if (!page.startsWith("/sitemaps/sections")) {
				assertThat(body(page).toLowerCase(Locale.ROOT)).as(page).contains(lower);
			}
		}
		assertThat(body("/search?q=" + word)).contains(story.path());
		assertThat(publicListings(word).stream().filter((page) -> page.startsWith("/sitemaps/articles")).toList())
			.anySatisfy((page) -> assertThat(body(page)).contains(story.path()));
		assertThat(this.ticker.lines()).extracting(TickerLine::text).anyMatch((text) -> text.contains(word));
	}

	/**
	 * The listings, the ninjs poll, search for the story's word and every sitemap the
	 * index names.
	 */
	private List<String> publicListings(String word) throws Exception {
		List<String> pages = new ArrayList<>(LISTINGS);
		pages.add("/api/ninjs/articles?since=2000-01-01T00:00:00Z");
		pages.add("/search?q=" + word);
		String index = body("/sitemap.xml");
		Matcher loc = LOC.matcher(index);
		while (loc.find()) {
			pages.add(loc.group(1));
		}
		return pages;
	}

	private ArticleSummary embargoed(String word, Instant until) {
		return this.publishing.publish(TestStories.story()
			.slugline("Star-" + word)
			.headline("Observatory names a new star " + word)
			.paragraphs("Astronomers at the hill observatory named the star " + word + " at dawn.")
			.draft(), until, "ada");
	}

	private int status(String path) throws Exception {
		return this.mvc.perform(get(path)).andReturn().getResponse().getStatus();
	}

	private String body(String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	private int count(String sql, long articleId) {
		return this.jdbc.queryForObject(sql, Integer.class, articleId);
	}

	private static Instant inAnHour() {
		return Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
	}

	/** A word no other story has, to find this one on every surface. */
	private static String uniqueWord() {
		return "Quillmoor" + (char) ('a' + counter.get() % 26) + "x" + counter.incrementAndGet();
	}

}
