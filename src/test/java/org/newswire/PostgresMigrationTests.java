package org.newswire;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleService;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Urgency;
import org.newswire.article.StaleWritethruException;
import org.newswire.article.WritethruKind;
import org.newswire.ticker.TickerService;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

/**
 * Production runs on PostgreSQL: the same migrations must build a schema Hibernate
 * validates there, without demo content, and the publishing rules must hold. CI provides
 * the database (see .ci/run); without it the test fails in CI and is reported as skipped
 * on a developer machine.
 */
class PostgresMigrationTests {

	@Test
	void migrationsAndPublishingWorkOnPostgres() {
		String url = System.getenv("NEWSWIRE_TEST_POSTGRES_URL");
		if (url == null) {
			if (System.getenv("CI") != null) {
				fail("CI must provide PostgreSQL through NEWSWIRE_TEST_POSTGRES_URL (see .ci/run)");
			}
			Assumptions.abort("Set NEWSWIRE_TEST_POSTGRES_URL, _USER and _PASSWORD to run this against PostgreSQL");
		}
		String user = System.getenv("NEWSWIRE_TEST_POSTGRES_USER");
		String password = System.getenv("NEWSWIRE_TEST_POSTGRES_PASSWORD");
		Flyway.configure().dataSource(url, user, password).cleanDisabled(false).load().clean();

		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(NewswireApplication.class)
			.profiles("postgres")
			.run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
					"--spring.datasource.password=" + password)) {
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
