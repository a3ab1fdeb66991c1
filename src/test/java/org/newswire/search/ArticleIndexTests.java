package org.newswire.search;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.newswire.PortalDates;
import org.newswire.TestStories;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Listings;
import org.newswire.article.Publishing;
import org.newswire.article.Stories;
import org.newswire.article.Urgency;
import org.newswire.change.ChangeFollower;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index itself: built from the database at startup, and correct while stories are
 * published and searched at the same time.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ArticleIndexTests {

	@Autowired
	Publishing publishing;

	@Autowired
	Stories stories;

	@Autowired
	Listings listings;

	@Autowired
	ArticleIndex index;

	@Autowired
	ChangeFollower changes;

	@Test
	void aBuildFromTheDatabaseHoldsEveryVisibleStoryAndNoKilledOne() throws Exception {
		ArticleSummary kept = publish("Pellowarth tram line opens");
		ArticleSummary killed = publish("Pellowarth tram line delayed");
		this.publishing.kill(killed.id(), "Withdrawn: superseded by a new story.", "desk");

		try (ArticleIndex fresh = new ArticleIndex(new ByteBuffersDirectory(), new PortalDates(ZoneId.of("UTC")))) {
			new ArticleIndexUpdater(this.stories, this.listings, this.changes, fresh).build();

			SearchResults results = fresh.search("pellowarth", 1);
			assertThat(results.hits()).extracting(SearchHit::path).containsExactly(kept.path());
		}
	}

	@Test
	void storiesPublishedWhileOthersSearchAreAllFound() throws Exception {
		int stories = 12;
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int i = 0; i < stories; i++) {
				int n = i;
				work.add(pool.submit(() -> publish("Drummelow quarry report part " + n)));
				work.add(pool.submit(() -> this.index.search("drummelow", 1)));
			}
			for (Future<?> done : work) {
				done.get();
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(this.index.search("drummelow", 1).total()).isEqualTo(stories);
	}

	private ArticleSummary publish(String headline) {
		return TestStories.story()
			.section("business")
			.slugline("Index-Test")
			.byline(null)
			.urgency(Urgency.ROUTINE)
			.headline(headline)
			.paragraphs("A paragraph about " + headline + ".")
			.editor("desk")
			.publish(this.publishing);
	}

}
