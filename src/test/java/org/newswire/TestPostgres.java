package org.newswire;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * The PostgreSQL that CI provides (see .ci/run) through
 * {@code NEWSWIRE_TEST_POSTGRES_URL}, {@code _USER} and {@code _PASSWORD}. Without it a
 * test fails in CI and is reported as skipped on a developer machine.
 *
 * @param url JDBC URL
 * @param user role
 * @param password its password
 */
public record TestPostgres(String url, String user, String password) {

	public static TestPostgres required() {
		String url = System.getenv("NEWSWIRE_TEST_POSTGRES_URL");
		Prerequisite.require(url != null, "CI must provide PostgreSQL through NEWSWIRE_TEST_POSTGRES_URL (see .ci/run)",
				"Set NEWSWIRE_TEST_POSTGRES_URL, _USER and _PASSWORD to run this against PostgreSQL");
		return new TestPostgres(url, System.getenv("NEWSWIRE_TEST_POSTGRES_USER"),
				System.getenv("NEWSWIRE_TEST_POSTGRES_PASSWORD"));
	}

	/**
	 * An empty schema of the test's own, as an empty database would be, so tests never
	 * see each other's rows.
	 * @param schema its name (dropped first if it exists)
	 * @return the same database, with connections working in that schema
	 */
	public TestPostgres emptySchema(String schema) {
		try (Connection connection = DriverManager.getConnection(this.url, this.user, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + schema + " cascade");
			statement.execute("create schema " + schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create schema " + schema, ex);
		}
		return new TestPostgres(this.url + (this.url.contains("?") ? "&" : "?") + "currentSchema=" + schema, this.user,
				this.password);
	}

	/**
	 * @param more further command-line arguments
	 * @return command-line arguments pointing the application at this database
	 */
	public String[] arguments(String... more) {
		return Stream
			.concat(Stream.of("--spring.datasource.url=" + this.url, "--spring.datasource.username=" + this.user,
					"--spring.datasource.password=" + this.password), Stream.of(more))
			.toArray(String[]::new);
	}

}
