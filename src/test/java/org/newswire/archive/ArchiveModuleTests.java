package org.newswire.archive;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.newswire.NewswireProperties;
import org.newswire.TestStories;
import org.newswire.article.Publishing;
import org.newswire.article.WritethruKind;
import org.newswire.ticker.TickerService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The archive module with the articles it writes and the ticker its newest stories reach:
 * a small archive generated at start-up, as {@code --newswire.archive.generate=2000}
 * would, checked row by row against what the archive promises.
 */
@ApplicationModuleTest(extraIncludes = { "article", "change", "photo", "ticker" })
@TestPropertySource(properties = "newswire.archive.generate=" + ArchiveModuleTests.STORIES)
class ArchiveModuleTests {

	static final int STORIES = 2_000;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ArchiveGenerator generator;

	@Autowired
	Publishing publishing;

	@Autowired
	TickerService ticker;

	@Test
	void fillsTheArchiveWithTheAskedDistribution() {
		assertThat(this.jdbc.queryForObject("select count(*) from writethru where sequence_number = 1 and editor = ?",
				Integer.class, ArchiveGenerator.EDITOR))
			.isEqualTo(STORIES);
		assertThat(this.jdbc.queryForObject("select count(distinct section_code) from article", Integer.class))
			.isGreaterThanOrEqualTo(6);
		Map<Long, List<Version>> byArticle = new HashMap<>();
		this.jdbc.query("select * from writethru where editor = ? order by article_id, sequence_number",
				(RowCallbackHandler) (row) -> byArticle
					.computeIfAbsent(row.getLong("article_id"), (id) -> new ArrayList<>())
					.add(new Version(row.getInt("sequence_number"), WritethruKind.valueOf(row.getString("kind")),
							row.getString("label"), row.getString("body"), row.getString("correction_note"),
							row.getObject("published_at", java.time.OffsetDateTime.class).toInstant())),
				ArchiveGenerator.EDITOR);
		assertThat(byArticle).hasSize(STORIES);
		double average = byArticle.values().stream().mapToInt(List::size).average().orElseThrow();
		assertThat(average).isBetween(1.35, 1.7);
		assertThat(byArticle.values()).allSatisfy((versions) -> assertThat(versions).hasSizeBetween(1, 4));
		Map<WritethruKind, Integer> laterKinds = new HashMap<>();
		for (List<Version> versions : byArticle.values()) {
			List<WritethruKind> earlier = new ArrayList<>();
			Instant previous = Instant.MIN;
			for (Version version : versions) {
				assertThat(version.sequence()).isEqualTo(earlier.size() + 1);
				assertThat(version.label()).isEqualTo(version.kind().labelAfter(earlier));
				assertThat(ArchiveText.countWords(version.body())).isBetween(120, 900);
				assertThat(version.correctionNote() != null).isEqualTo(version.kind() == WritethruKind.CORRECTS);
				assertThat(version.publishedAt()).isAfter(previous);
				previous = version.publishedAt();
				if (!earlier.isEmpty()) {
					laterKinds.merge(version.kind(), 1, Integer::sum);
				}
				earlier.add(version.kind());
			}
		}
		assertThat(laterKinds.keySet()).containsExactlyInAnyOrder(WritethruKind.values());
	}

	@Test
	void articlesAgreeWithTheirVersions() {
		Integer inconsistent = this.jdbc.queryForObject("""
				select count(*) from article a where a.current_sequence <> (select max(w.sequence_number)
				from writethru w where w.article_id = a.id)
				or a.updated_at <> (select max(w.published_at) from writethru w where w.article_id = a.id)
				or a.first_published_at <> (select w.published_at from writethru w where w.article_id = a.id
				and w.sequence_number = 1) or a.updated_at > current_timestamp""", Integer.class);
		assertThat(inconsistent).isZero();
		Instant oldest = this.jdbc
			.queryForObject("select min(first_published_at) from article", java.time.OffsetDateTime.class)
			.toInstant();
		assertThat(oldest).isBefore(Instant.now().minus(ArchiveGenerator.SPACING.multipliedBy(STORIES / 2)));
	}

	@Test
	void theNewestStoriesAreOnTheTickerAndNewStoriesFollowTheArchive() {
		assertThat(this.ticker.lines()).hasSize(TickerService.SIZE)
			.allSatisfy((line) -> assertThat(line.url()).startsWith("/articles/"));
		long id = TestStories.story().headline("A story after the archive").publish(this.publishing).id();
		assertThat(id).isEqualTo(STORIES + 1);
	}

	@Test
	void refusesADatabaseThatHoldsArticles() {
		assertThatThrownBy(() -> this.generator.generate(10)).isInstanceOf(ArchiveRefusedException.class)
			.hasMessageContaining("needs an empty database");
	}

	@Test
	void refusesThePostgresProfile(@Autowired NewswireProperties properties, @Autowired DataSource dataSource,
			@Autowired ApplicationEventPublisher events, @Autowired TransactionTemplate transaction) {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("postgres");
		ArchiveGenerator postgres = new ArchiveGenerator(properties, dataSource, environment, events, transaction,
				Clock.systemUTC(), null);
		assertThatThrownBy(() -> postgres.generate(10)).isInstanceOf(ArchiveRefusedException.class)
			.hasMessageContaining("postgres profile");
	}

	private record Version(int sequence, WritethruKind kind, String label, String body, String correctionNote,
			Instant publishedAt) {
	}

}
