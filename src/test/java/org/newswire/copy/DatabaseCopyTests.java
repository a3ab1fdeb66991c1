package org.newswire.copy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newswire.NewswireApplication;
import org.newswire.TestPostgres;
import org.newswire.TestStories;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Listings;
import org.newswire.article.Paths;
import org.newswire.article.Publishing;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An embedded H2 wire (the demo stories with their writethrus and a kill, ticker
 * headlines, the generated admin and the audit log) moved to an empty PostgreSQL with
 * {@code --newswire.copy-from}: every row arrives unchanged, new ids continue past the
 * copied ones, and the copy serves the same reader pages.
 */
class DatabaseCopyTests {

	private static final String[] TABLES = { "article", "writethru", "headline", "editor", "audit_entry" };

	@TempDir
	Path dir;

	@Test
	void anEmbeddedWireCopiedToPostgresServesTheSameStories() throws Exception {
		String h2 = "jdbc:h2:file:" + this.dir.resolve("newswire").toAbsolutePath();
		Map<String, List<Map<String, Object>>> before;
		List<ArticleSummary> stories;
		try (ConfigurableApplicationContext embedded = new SpringApplicationBuilder(NewswireApplication.class).run(
				"--server.port=0", "--management.server.port=0", "--spring.datasource.url=" + h2,
				"--newswire.demo.enabled=true")) {
			before = rows(embedded.getBean(JdbcTemplate.class));
			stories = embedded.getBean(Listings.class).latestWithText(null, null, 100);
		}
		assertThat(before.get("writethru")).hasSizeGreaterThan(before.get("article").size());
		assertThat(before.get("headline")).isNotEmpty();
		assertThat(before.get("editor")).isNotEmpty();

		TestPostgres db = TestPostgres.required().emptySchema("copy_from_h2");
		try (ConfigurableApplicationContext copy = new SpringApplicationBuilder(NewswireApplication.class)
			.profiles("postgres")
			.run(db.arguments("--server.port=0", "--management.server.port=0", "--newswire.copy-from=" + h2))) {
			JdbcTemplate jdbc = copy.getBean(JdbcTemplate.class);
			assertThat(rows(jdbc)).isEqualTo(before);

			Publishing publishing = copy.getBean(Publishing.class);
			long newest = before.get("article")
				.stream()
				.mapToLong((row) -> ((Number) row.get("id")).longValue())
				.max()
				.orElseThrow();
			ArticleSummary next = TestStories.story()
				.slugline("After-Copy")
				.headline("First story after the move")
				.paragraphs("Published on PostgreSQL.")
				.publish(publishing);
			assertThat(next.id()).isGreaterThan(newest);

			HttpClient http = HttpClient.newHttpClient();
			String origin = "http://localhost:" + copy.getEnvironment().getProperty("local.server.port");
			String home = get(http, origin + "/");
			String feed = get(http, origin + "/feeds/atom.xml");
			String listed = Jsoup.parse(home).text() + " " + Jsoup.parse(feed).text();
			for (ArticleSummary story : stories) {
				if (story.killed()) {
					continue;
				}
				String headline = story.current().headline();
				assertThat(Jsoup.parse(get(http, origin + story.path())).select("h1").text()).contains(headline);
				assertThat(Jsoup.parse(get(http, origin + Paths.versions(story.id(), story.slug()))).text())
					.contains(headline);
				assertThat(listed).contains(headline);
			}
		}
	}

	private static Map<String, List<Map<String, Object>>> rows(JdbcTemplate jdbc) {
		return java.util.Arrays.stream(TABLES)
			.collect(java.util.stream.Collectors.toMap((table) -> table,
					(table) -> jdbc.queryForList("select * from " + table + " order by id")
						.stream()
						.map(DatabaseCopyTests::comparable)
						.toList()));
	}

	/**
	 * Column names and times as both databases agree on them.
	 */
	private static Map<String, Object> comparable(Map<String, Object> row) {
		Map<String, Object> same = new java.util.TreeMap<>();
		row.forEach((column, value) -> same.put(column.toLowerCase(java.util.Locale.ROOT),
				(value instanceof java.time.OffsetDateTime time) ? time.toInstant()
						: (value instanceof java.sql.Timestamp time) ? time.toInstant() : value));
		return same;
	}

	private static String get(HttpClient http, String uri) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(uri).isEqualTo(200);
		return response.body();
	}

}
