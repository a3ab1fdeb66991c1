package org.newswire.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.h2.Driver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newswire.NewswireApplication;
import org.newswire.TestStories;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.Stories;
import org.newswire.article.WritethruKind;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index on disk across restarts: whole applications started one after another on one
 * H2 file, as a node is restarted. A story's text changed in the database behind the
 * index's back (no change recorded) shows whether a start read the archive again.
 */
class SearchIndexRestartTests {

	@TempDir
	Path data;

	@Test
	void aRestartKeepsTheIndexAndReadsOnlyWhatChangedWhileDown() {
		long kept;
		long rewritten;
		long killed;
		try (ConfigurableApplicationContext node = start("search")) {
			Publishing publishing = node.getBean(Publishing.class);
			Stories stories = node.getBean(Stories.class);
			kept = publish(publishing, "Hollowmere bridge reopens").id();
			rewritten = publish(publishing, "Hollowmere council meets").id();
			killed = publish(publishing, "Hollowmere fair postponed").id();
		}
		// Behind the index's back: a start that read the archive again would find this.
		jdbc().update("update writethru set headline = 'Hollowmere bridge reopens to Brackenvale traffic' "
				+ "where article_id = ?", kept);
		// While this node is down, another node (its own index) changes two stories and
		// publishes a new one.
		long added;
		try (ConfigurableApplicationContext other = start("other-node")) {
			Publishing publishing = other.getBean(Publishing.class);
			Stories stories = other.getBean(Stories.class);
			TestStories.writethru(WritethruKind.LD_WRITETHRU)
				.headline("Hollowmere council agrees Quenbury levy")
				.paragraphs("The levy passed.")
				.editor("desk")
				.post(publishing, rewritten, 1);
			publishing.kill(killed, "Withdrawn: published in error.", "desk");
			added = publish(publishing, "Hollowmere school extended").id();
		}

		try (ConfigurableApplicationContext node = start("search")) {
			ArticleIndex index = node.getBean(ArticleIndex.class);
			Publishing publishing = node.getBean(Publishing.class);
			Stories stories = node.getBean(Stories.class);

			assertThat(paths(index, "hollowmere")).containsExactlyInAnyOrder(path(stories, kept),
					path(stories, rewritten), path(stories, added));
			assertThat(paths(index, "quenbury")).containsExactly(path(stories, rewritten));
			assertThat(paths(index, "brackenvale")).as("not read again").isEmpty();
		}
	}

	@Test
	void anUnreadableIndexIsBuiltAgainFromTheDatabaseAtStart() throws IOException {
		long story;
		try (ConfigurableApplicationContext node = start("search")) {
			story = publish(node.getBean(Publishing.class), "Tarnwick lighthouse relit").id();
		}
		try (Stream<Path> files = Files.list(this.data.resolve("search"))) {
			for (Path file : files.filter((file) -> file.getFileName().toString().startsWith("segments")).toList()) {
				Files.write(file, new byte[] { 1, 2, 3 });
			}
		}

		try (ConfigurableApplicationContext node = start("search")) {
			Publishing publishing = node.getBean(Publishing.class);
			Stories stories = node.getBean(Stories.class);
			assertThat(paths(node.getBean(ArticleIndex.class), "tarnwick")).containsExactly(path(stories, story));
		}
	}

	@Test
	void anEmptyIndexBesideStoriesWrittenWithoutTheChangeRecordIsBuiltOnce() {
		long story;
		try (ConfigurableApplicationContext node = start("other-node")) {
			story = publish(node.getBean(Publishing.class), "Orrinford mill sold").id();
		}
		// As the archive generator leaves it: stories, and no change recorded for them.
		jdbc().update("delete from change_record");

		try (ConfigurableApplicationContext node = start("search")) {
			Publishing publishing = node.getBean(Publishing.class);
			Stories stories = node.getBean(Stories.class);
			assertThat(paths(node.getBean(ArticleIndex.class), "orrinford")).containsExactly(path(stories, story));
		}
	}

	@Test
	void aNodeDownLongerThanTheRetentionBuildsItsIndexAgain() {
		long kept;
		try (ConfigurableApplicationContext node = start("search")) {
			kept = publish(node.getBean(Publishing.class), "Quillon harbour dredged").id();
		}
		long added;
		long newest;
		try (ConfigurableApplicationContext other = start("other-node")) {
			added = publish(other.getBean(Publishing.class), "Quillon ferry returns").id();
			newest = publish(other.getBean(Publishing.class), "Quillon museum opens").id();
		}
		// As the wire's retention job leaves the record a month on: the oldest records
		// gone, among them the change this node's index has not applied, the newest kept.
		jdbc().update("delete from change_record where id < (select max(id) from change_record)");

		try (ConfigurableApplicationContext node = start("search")) {
			Stories stories = node.getBean(Stories.class);
			assertThat(paths(node.getBean(ArticleIndex.class), "quillon"))
				.containsExactlyInAnyOrder(path(stories, kept), path(stories, added), path(stories, newest));
		}
	}

	private ConfigurableApplicationContext start(String indexName) {
		return new SpringApplicationBuilder(NewswireApplication.class).run("--server.port=0",
				"--management.server.port=-1", "--spring.datasource.url=" + url(),
				"--newswire.search.directory=" + this.data.resolve(indexName));
	}

	private String url() {
		return "jdbc:h2:file:" + this.data.resolve("newswire").toAbsolutePath();
	}

	private JdbcTemplate jdbc() {
		return new JdbcTemplate(new SimpleDriverDataSource(new Driver(), url(), "sa", ""));
	}

	private static List<String> paths(ArticleIndex index, String query) {
		return index.search(query, 1).hits().stream().map(SearchHit::path).toList();
	}

	private static String path(Stories stories, long id) {
		return stories.find(id).orElseThrow().path();
	}

	private static ArticleSummary publish(Publishing publishing, String headline) {
		return TestStories.story()
			.section("business")
			.slugline("Restart-Test")
			.headline(headline)
			.paragraphs("A paragraph about " + headline + ".")
			.editor("desk")
			.publish(publishing);
	}

}
