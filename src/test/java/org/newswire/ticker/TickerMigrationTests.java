package org.newswire.ticker;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.newswire.TestPostgres;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database from before the ticker kept its own record of stories (V14) shows the same
 * ticker after the upgrade: V14 fills the record from the article tables, on the embedded
 * database and on PostgreSQL alike.
 */
class TickerMigrationTests {

	@Test
	void theUpgradeRecordsEveryPublicStoryOnTheTickerOrOnHoldOnH2() {
		theUpgradeRecordsEveryPublicStoryOnTheTickerOrOnHold(
				new SingleConnectionDataSource("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "", true));
	}

	@Test
	void theUpgradeRecordsEveryPublicStoryOnTheTickerOrOnHoldOnPostgres() {
		TestPostgres db = TestPostgres.required().emptySchema("ticker_migration");
		theUpgradeRecordsEveryPublicStoryOnTheTickerOrOnHold(
				new SingleConnectionDataSource(db.url(), db.user(), db.password(), true));
	}

	private void theUpgradeRecordsEveryPublicStoryOnTheTickerOrOnHold(DataSource db) {
		MigrationVersion v14 = MigrationVersion.fromVersion("14");
		MigrationVersion before = Arrays.stream(Flyway.configure().dataSource(db).load().info().all())
			.map(MigrationInfo::getVersion)
			.filter((version) -> version.compareTo(v14) < 0)
			.max(Comparator.naturalOrder())
			.orElseThrow();
		Flyway.configure().dataSource(db).target(before).load().migrate();
		JdbcTemplate jdbc = new JdbcTemplate(db);
		// On the ticker: a story at its second version, and one on hold.
		story(jdbc, 1, "usable", false, "harbour-bridge-reopens");
		version(jdbc, 1, 1, null, "Harbour bridge to reopen");
		version(jdbc, 1, 2, "LD Writethru", "Harbour bridge reopens");
		headline(jdbc, 1, "LD Writethru: Harbour bridge reopens", false);
		story(jdbc, 2, "withheld", false, "crane-topples");
		version(jdbc, 2, 1, null, "Crane topples");
		headline(jdbc, 2, "Crane topples", false);
		// Not on it: one on hold, one killed, one waiting for its embargo, and one whose
		// headline the desk withdrew.
		story(jdbc, 3, "withheld", false, "lock-gates-jam");
		version(jdbc, 3, 1, null, "Lock gates jam");
		story(jdbc, 4, "canceled", false, "bank-merger-agreed");
		version(jdbc, 4, 1, null, "Bank merger agreed");
		headline(jdbc, 4, "Bank merger agreed", true);
		story(jdbc, 5, "usable", true, "tide-tables");
		version(jdbc, 5, 1, null, "Tide tables");
		story(jdbc, 6, "usable", false, "ferry-timetable");
		version(jdbc, 6, 1, null, "Ferry timetable");
		headline(jdbc, 6, "Ferry timetable", true);

		Flyway.configure().dataSource(db).load().migrate();

		List<Row> rows = jdbc.query(
				"select article_id, sequence_number, headline, path, held from ticker_story order by article_id",
				(result, i) -> new Row(result.getLong(1), result.getInt(2), result.getString(3), result.getString(4),
						result.getBoolean(5)));
		assertThat(rows).containsExactly(
				new Row(1, 2, "LD Writethru: Harbour bridge reopens", "/articles/1/harbour-bridge-reopens", false),
				new Row(2, 1, "Crane topples", "/articles/2/crane-topples", true),
				new Row(3, 1, "Lock gates jam", "/articles/3/lock-gates-jam", true));
	}

	private static void story(JdbcTemplate jdbc, long id, String pubstatus, boolean embargoed, String slug) {
		jdbc.update("insert into article (id, slug, section_code, slugline, source_code, dateline, language, urgency,"
				+ " pubstatus, first_published_at, updated_at, current_sequence, lock_version, embargoed)"
				+ " values (?, ?, 'world', 'Test', 'NWS', 'PORT ELLIS --', 'en', 4, ?, current_timestamp,"
				+ " current_timestamp, 1, 0, ?)", id, slug, pubstatus, embargoed);
	}

	private static void version(JdbcTemplate jdbc, long article, int sequence, String label, String headline) {
		jdbc.update(
				"insert into writethru (article_id, sequence_number, kind, label, headline, body, editor,"
						+ " published_at) values (?, ?, 'LD_WRITETHRU', ?, ?, 'Text.', 'ada', current_timestamp)",
				article, sequence, label, headline);
		jdbc.update("update article set current_sequence = ? where id = ?", sequence, article);
	}

	private static void headline(JdbcTemplate jdbc, long article, String title, boolean withdrawn) {
		jdbc.update("insert into headline (title, urgency, posted_at, article_id, withdrawn, editor)"
				+ " values (?, 4, current_timestamp, ?, ?, 'ada')", title, article, withdrawn);
	}

	private record Row(long articleId, int sequence, String headline, String path, boolean held) {
	}

}
