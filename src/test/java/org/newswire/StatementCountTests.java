package org.newswire;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.WritethruKind;
import org.newswire.change.ChangeFollower;
import org.newswire.photo.Photo;
import org.newswire.photo.PhotoLibrary;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reader pages and feeds issue as many SQL statements with 200 stories as with 20: no
 * query per listed story. Filters are left out so every request renders (the page cache
 * would otherwise answer without any statement).
 * <p>
 * Shares the embargo tests' context, where the release job does not poll on its own: its
 * poll would add its statements to the count at random. Statements are counted during
 * these tests only.
 */
@SpringBootTest(properties = "newswire.release.poll=1h")
@AutoConfigureMockMvc
class StatementCountTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WebApplicationContext context;

	MockMvc mvc;

	@Autowired
	Publishing publishing;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	ChangeFollower follower;

	@Autowired
	PhotoLibrary library;

	private int photoStories;

	@BeforeEach
	void renderEveryRequestAndCountStatements() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
		statistics().setStatisticsEnabled(true);
	}

	@AfterEach
	void stopCounting() {
		statistics().setStatisticsEnabled(false);
	}

	@Test
	void pagesIssueTheSameStatementsWhateverTheArchiveSize() throws Exception {
		ArticleSummary story = publish(20);
		TestStories.writethru(WritethruKind.CORRECTS).headline("Harbour story, corrected").post(this.publishing, story);
		Map<String, Long> small = statements(story);
		publish(180);
		Map<String, Long> large = statements(story);

		assertThat(large).isEqualTo(small);
		assertThat(small.values()).allSatisfy((count) -> assertThat(count).isPositive());
	}

	/**
	 * The article page is what readers open most and the page cache misses most at a
	 * million stories: one statement reads the story, its current version and its
	 * corrections, however many versions it has.
	 */
	@Test
	void anArticlePageRendersFromOneStatement() throws Exception {
		ArticleSummary story = publish(1);
		story = TestStories.writethru(WritethruKind.CORRECTS)
			.headline("Harbour story, corrected")
			.post(this.publishing, story);
		story = TestStories.writethru(WritethruKind.CORRECTS)
			.headline("Harbour story, corrected twice")
			.correctionNote("An earlier version gave the wrong tide.")
			.post(this.publishing, story);
		TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Harbour story, updated")
			.post(this.publishing, story);
		String article = "/articles/" + story.id() + "/harbour-story-updated";
		allChangesFollowed();
		this.mvc.perform(get(article)).andExpect(status().isOk());
		Statistics statistics = statistics();
		statistics.clear();

		this.mvc.perform(get(article))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("An earlier version named the wrong berth.")))
			.andExpect(content().string(containsString("An earlier version gave the wrong tide.")));

		assertThat(statistics.getPrepareStatementCount()).isEqualTo(1);
	}

	/**
	 * Lists and feeds read their stories' photos with the stories, in a fixed number of
	 * statements: as many with ten photos shown as with two.
	 */
	@Test
	void listsReadTheirPhotosInTheSameStatementsWhateverTheirCount() throws Exception {
		publishWithPhotos(2);
		Map<String, Long> few = listStatements();
		publishWithPhotos(8);
		Map<String, Long> many = listStatements();

		assertThat(many).isEqualTo(few);
		assertThat(few.get("/sections/world photos")).as("photo statements seen").isPositive();
		assertThat(this.mvc.perform(get("/sections/world")).andReturn().getResponse().getContentAsString())
			.contains("Pier photo story 9");
	}

	private void publishWithPhotos(int stories) {
		for (int i = 0; i < stories; i++) {
			Photo photo = this.library.add(new PhotoLibrary.Upload(TestPhotos.jpeg(320, 200 + i).bytes(), "pier.jpg",
					"Pier " + i, "Credit", "The pier from the water"), "ada");
			TestStories.story()
				.section("world")
				.headline("Pier photo story " + this.photoStories++)
				.photo(photo.id())
				.publish(this.publishing);
		}
	}

	/**
	 * Statements of each page by Hibernate, and the photo module's, which reads through
	 * JDBC and which Hibernate's statistics do not see: H2 counts those itself.
	 */
	private Map<String, Long> listStatements() throws Exception {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.follower.lastSeen() == this.follower.newest());
		Statistics statistics = statistics();
		this.jdbc.execute("set query_statistics true");
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String path : List.of("/", "/sections/world", "/feeds/rss.xml", "/feeds/sections/world/atom.xml",
				"/sitemap-news.xml")) {
			this.mvc.perform(get(path)).andExpect(status().isOk());
			statistics.clear();
			long photoReads = photoStatements();
			this.mvc.perform(get(path)).andExpect(status().isOk());
			counts.put(path, statistics.getPrepareStatementCount());
			counts.put(path + " photos", photoStatements() - photoReads);
		}
		this.jdbc.execute("set query_statistics false");
		return counts;
	}

	private long photoStatements() {
		return this.jdbc.queryForObject(
				"select coalesce(sum(execution_count), 0) from "
						+ "information_schema.query_statistics where lower(sql_statement) like '%from photo%'",
				Long.class);
	}

	private ArticleSummary publish(int stories) {
		ArticleSummary first = null;
		for (int i = 0; i < stories; i++) {
			ArticleSummary story = TestStories.story()
				.section((i % 2 == 0) ? "world" : "business")
				.headline("Harbour story " + i)
				.publish(this.publishing);
			first = (first != null) ? first : story;
		}
		return first;
	}

	/**
	 * Statements each page issues when rendered again, once the ticker and sections are
	 * built.
	 */
	private Map<String, Long> statements(ArticleSummary story) throws Exception {
		String article = "/articles/" + story.id() + "/harbour-story-corrected";
		allChangesFollowed();
		Statistics statistics = statistics();
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String path : List.of("/", "/sections/world", article, article + "/versions", article + "/versions/1",
				"/corrections", "/feeds/rss.xml", "/feeds/atom.xml", "/feeds/sections/world/rss.xml",
				article + "/atom.xml")) {
			this.mvc.perform(get(path)).andExpect(status().isOk());
			statistics.clear();
			this.mvc.perform(get(path)).andExpect(status().isOk());
			counts.put(path, statistics.getPrepareStatementCount());
		}
		return counts;
	}

	/**
	 * A change followed between a page's two renders would drop the ticker's memo and
	 * make the second render read it again.
	 */
	private void allChangesFollowed() {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.follower.lastSeen() == this.follower.newest());
	}

	private Statistics statistics() {
		return this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
	}

}
