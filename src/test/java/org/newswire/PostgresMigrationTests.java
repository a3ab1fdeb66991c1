package org.newswire;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleException;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Listings;
import org.newswire.article.Publishing;
import org.newswire.article.Stories;
import org.newswire.article.Urgency;
import org.newswire.article.WritethruKind;
import org.newswire.ticker.TickerService;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Production runs on PostgreSQL: the same migrations must build a schema Hibernate
 * validates there, without demo content, and the publishing rules must hold. CI provides
 * the database ({@link TestPostgres}).
 */
class PostgresMigrationTests {

	@Test
	void migrationsAndPublishingWorkOnPostgres() {
		TestPostgres db = TestPostgres.required();
		Flyway.configure().dataSource(db.url(), db.user(), db.password()).cleanDisabled(false).load().clean();

		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(NewswireApplication.class)
			.profiles("postgres")
			.run(db.arguments("--server.port=0", "--management.server.port=0"))) {
			Listings listings = app.getBean(Listings.class);
			Publishing publishing = app.getBean(Publishing.class);
			Stories stories = app.getBean(Stories.class);
			assertThat(listings.count()).as("no demo content on PostgreSQL").isZero();
			assertThat(listings.sections()).isNotEmpty();

			ArticleSummary first = TestStories.story()
				.section("science")
				.slugline("Glacier-Survey")
				.dateline("TROMSO, Nov. 26 (Newswire) --")
				.byline(null)
				.urgency(Urgency.ROUTINE)
				.headline("Survey maps retreat of northern glacier")
				.paragraphs("A survey team mapped the glacier.", "Its edge moved 40 metres.")
				.ednote("Eds: first")
				.editor("ci")
				.publish(publishing);
			long id = first.id();
			TestStories.writethru(WritethruKind.CORRECTS)
				.headline("Survey maps retreat of northern glacier")
				.paragraphs("A survey team mapped the glacier.", "Its edge moved 14 metres.")
				.ednote("Eds: Corrects distance")
				.correctionNote("Corrects the distance in paragraph 2 to 14 metres")
				.byline(null)
				.urgency(Urgency.ROUTINE)
				.editor("ci")
				.post(publishing, id, 1);

			assertThat(stories.find(id)).get().satisfies((current) -> {
				assertThat(current.current().label()).isEqualTo("Correction");
				assertThat(current.current().paragraphs()).contains("Its edge moved 14 metres.");
			});
			assertThatExceptionOfType(ArticleException.Stale.class)
				.isThrownBy(() -> TestStories.writethru(WritethruKind.ADDS)
					.headline("x")
					.paragraphs("y")
					.ednote("Eds: ADDS")
					.byline(null)
					.urgency(Urgency.ROUTINE)
					.editor("ci")
					.post(publishing, id, 1));
			assertThat(app.getBean(TickerService.class).latest()).singleElement()
				.satisfies((headline) -> assertThat(headline.getText()).startsWith("Correction: "));
		}
	}

}
