package org.newswire.ticker;

import org.junit.jupiter.api.Test;
import org.newswire.Stories;
import org.newswire.article.ArticlePublished;
import org.newswire.article.ArticleService;
import org.newswire.article.ArticleSummary;
import org.newswire.article.WritethruKind;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ticker module with the articles it follows and nothing else: a writethru replaces
 * its article's headline, and a kill withdraws it.
 */
@ApplicationModuleTest(BootstrapMode.DIRECT_DEPENDENCIES)
class TickerModuleTests {

	@Autowired
	ArticleService articles;

	@Autowired
	TickerService ticker;

	@Test
	void aWritethruReplacesItsArticlesHeadline(Scenario scenario) {
		ArticleSummary story = Stories.story().headline("Harbour pier closes for repairs").publish(this.articles);

		scenario
			.stimulate(() -> Stories.writethru(WritethruKind.LD_WRITETHRU)
				.headline("Harbour pier reopens after repairs")
				.post(this.articles, story))
			.andWaitForEventOfType(TickerChanged.class)
			.toArriveAndVerify((changed) -> assertThat(this.ticker.latest())
				.filteredOn((headline) -> Long.valueOf(story.id()).equals(headline.getArticleId()))
				.extracting(Headline::getText)
				.containsExactly("LD Writethru: Harbour pier reopens after repairs"));
	}

	@Test
	void aKillWithdrawsItsArticlesHeadline(Scenario scenario) {
		ArticleSummary story = Stories.story().headline("Bank merger agreed").publish(this.articles);

		scenario.stimulate(() -> this.articles.kill(story.id(), "Withdrawn: no merger.", "ada"))
			.andWaitForEventOfType(TickerChanged.class)
			.toArriveAndVerify((changed) -> assertThat(this.ticker.latest())
				.noneMatch((headline) -> Long.valueOf(story.id()).equals(headline.getArticleId())));
	}

	@Test
	void aPublicationEventAloneIsEnoughToPostAHeadline(Scenario scenario) {
		ArticleSummary story = Stories.story().headline("Ferry timetable changes").publish(this.articles);

		scenario
			.publish(new ArticlePublished(story.id(), 2, WritethruKind.ADDS, "Adds: Ferry timetable changes",
					story.urgency(), story.path(), "ada"))
			.andWaitForEventOfType(TickerChanged.class)
			.toArriveAndVerify((changed) -> assertThat(this.ticker.latest())
				.filteredOn((headline) -> Long.valueOf(story.id()).equals(headline.getArticleId()))
				.extracting(Headline::getText)
				.containsExactly("Adds: Ferry timetable changes"));
	}

}
