package org.newswire;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
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
