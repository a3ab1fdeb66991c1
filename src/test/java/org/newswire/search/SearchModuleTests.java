package org.newswire.search;

import org.junit.jupiter.api.Test;
import org.newswire.TestStories;
import org.newswire.article.ArticleEvent;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search module with the articles it indexes: a published story is found once its
 * transaction commits, a killed one no longer.
 */
@ApplicationModuleTest(BootstrapMode.ALL_DEPENDENCIES)
class SearchModuleTests {

	@Autowired
	Publishing publishing;

	@Autowired
	ArticleIndex index;

	@Test
	void aPublishedStoryIsFound(Scenario scenario) {
		scenario.stimulate(() -> TestStories.story().headline("Quarrendale lighthouse relit").publish(this.publishing))
			.andWaitForStateChange(() -> this.index.search("quarrendale", 1).hits(), (hits) -> !hits.isEmpty())
			.andVerify((hits, story) -> assertThat(hits).extracting(SearchHit::path).containsExactly(story.path()));
	}

	@Test
	void aKilledStoryIsNoLongerFound(Scenario scenario) {
		ArticleSummary story = TestStories.story().headline("Brenmoor dam inspected").publish(this.publishing);
		assertThat(this.index.search("brenmoor", 1).total()).isOne();

		scenario.stimulate(() -> this.publishing.kill(story.id(), "Withdrawn.", "ada"))
			.andWaitForStateChange(() -> this.index.search("brenmoor", 1).total(), (total) -> total == 0)
			.andVerifyEvents((events) -> assertThat(events).contains(ArticleEvent.Killed.class)
				.matching(ArticleEvent.Killed::articleId, story.id()));
	}

}
