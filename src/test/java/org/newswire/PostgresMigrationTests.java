package org.newswire;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleService;
import org.newswire.article.ArticleSummary;
import org.newswire.article.StaleWritethruException;
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
			ArticleService articles = app.getBean(ArticleService.class);
			assertThat(articles.count()).as("no demo content on PostgreSQL").isZero();
			assertThat(articles.sections()).isNotEmpty();

			ArticleSummary first = Stories.story()
				.section("science")
				.slugline("Glacier-Survey")
				.dateline("TROMSO, Nov. 26 (Newswire) --")
				.byline(null)
				.urgency(Urgency.ROUTINE)
				.headline("Survey maps retreat of northern glacier")
				.paragraphs("A survey team mapped the glacier.", "Its edge moved 40 metres.")
				.ednote("Eds: first")
				.editor("ci")
				.publish(articles);
			long id = first.id();
			Stories.writethru(WritethruKind.CORRECTS)
				.headline("Survey maps retreat of northern glacier")
				.paragraphs("A survey team mapped the glacier.", "Its edge moved 14 metres.")
				.ednote("Eds: Corrects distance")
				.correctionNote("Corrects the distance in paragraph 2 to 14 metres")
				.byline(null)
				.urgency(Urgency.ROUTINE)
				.editor("ci")
				.post(articles, id, 1);

			assertThat(articles.find(id)).get().satisfies((current) -> {
				assertThat(current.current().label()).isEqualTo("Correction");
				assertThat(current.current().paragraphs()).contains("Its edge moved 14 metres.");
			});
			assertThatExceptionOfType(StaleWritethruException.class)
				.isThrownBy(() -> Stories.writethru(WritethruKind.ADDS)
					.headline("x")
					.paragraphs("y")
					.ednote("Eds: ADDS")
					.byline(null)
					.urgency(Urgency.ROUTINE)
					.editor("ci")
					.post(articles, id, 1));
			assertThat(app.getBean(TickerService.class).latest()).singleElement()
				.satisfies((headline) -> assertThat(headline.getText()).startsWith("Correction: "));
		}
	}

}
