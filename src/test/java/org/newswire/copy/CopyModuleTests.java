package org.newswire.copy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The copy module alone, as a node started with {@code --newswire.copy-from} runs it:
 * from an embedded database the test fills before the context starts into the context's
 * own empty one. The rows arrive with their keys, and a second copy into what is no
 * longer empty is refused. {@code DatabaseCopyTests} copies a running portal's wire into
 * PostgreSQL.
 */
@ApplicationModuleTest
class CopyModuleTests {

	private static final String SOURCE = "jdbc:h2:mem:copy-source-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	@Autowired
	DatabaseCopy copy;

	@Autowired
	JdbcTemplate target;

	@DynamicPropertySource
	static void copyFromAFilledSource(DynamicPropertyRegistry registry) throws SQLException {
		Flyway.configure().dataSource(SOURCE, "sa", "").load().migrate();
		try (Connection source = DriverManager.getConnection(SOURCE, "sa", "");
				Statement statement = source.createStatement()) {
			statement.execute("insert into headline (id, title, urgency, posted_at, withdrawn, editor) values "
					+ "(7, 'Ferry timetable changes', 4, current_timestamp, false, 'ada'), "
					+ "(9, 'Port reopens at dawn', 1, current_timestamp, true, 'bo')");
		}
		registry.add("newswire.copy-from", () -> SOURCE);
	}

	@Test
	void copiesEveryRowWithItsKeyAndRefusesToCopyIntoWhatIsNoLongerEmpty() {
		assertThat(this.target.queryForList("select id, title, withdrawn, editor from headline order by id"))
			.extracting((row) -> List.of(row.get("ID"), row.get("TITLE"), row.get("WITHDRAWN"), row.get("EDITOR")))
			.containsExactly(List.of(7L, "Ferry timetable changes", false, "ada"),
					List.of(9L, "Port reopens at dawn", true, "bo"));
		assertThatIllegalStateException().isThrownBy(this.copy::run)
			.withMessageContaining("already holds headline rows");
	}

}
