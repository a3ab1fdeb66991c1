package org.newswire;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleService;
import org.newswire.article.ArticleSummary;
import org.newswire.article.NewArticle;
import org.newswire.article.StaleWritethruException;
import org.newswire.article.WritethruDraft;
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

			ArticleSummary first = articles.publish(
					new NewArticle("science", "Glacier-Survey", "NWS", "TROMSO, Nov. 26 (Newswire) --", null, "en", 4,
							"Survey maps retreat of northern glacier",
							List.of("A survey team mapped the glacier.", "Its edge moved 40 metres."), "Eds: first"),
					"ci");
			long id = first.article().getId();
			articles.postWritethru(id, 1,
					new WritethruDraft(WritethruKind.CORRECTS, "Survey maps retreat of northern glacier",
							List.of("A survey team mapped the glacier.", "Its edge moved 14 metres."),
							"Eds: Corrects distance", "Corrects the distance in paragraph 2 to 14 metres", null, 4),
					"ci");

			assertThat(articles.find(id)).get().satisfies((current) -> {
				assertThat(current.current().getLabel()).isEqualTo("Correction");
				assertThat(current.current().getParagraphs()).contains("Its edge moved 14 metres.");
			});
			assertThatExceptionOfType(StaleWritethruException.class).isThrownBy(() -> articles.postWritethru(id, 1,
					new WritethruDraft(WritethruKind.ADDS, "x", List.of("y"), "Eds: ADDS", null, null, 4), "ci"));
			assertThat(app.getBean(TickerService.class).latest()).singleElement()
				.satisfies((headline) -> assertThat(headline.getText()).startsWith("Correction: "));
		}
	}

}
