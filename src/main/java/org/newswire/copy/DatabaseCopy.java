package org.newswire.copy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.newswire.NewswireProperties;
import org.newswire.StartupStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Moves an embedded H2 database into this one (PostgreSQL, migrated and empty): every
 * story, version, ticker headline, account and audit entry with its id, then the identity
 * columns restarted past the largest id. The first start-up step, inside the start-up
 * transaction: the copy is all or nothing, and the node serves the copied wire once it is
 * done. A database that holds stories, headlines or accounts already is never copied
 * into; the node then refuses to start, so a forgotten flag cannot go unnoticed.
 */
@Component
@Order(0)
class DatabaseCopy implements StartupStep {

	/**
	 * Parents before children. Sources and sections come with the migrations; only rows
	 * the target lacks are added.
	 */
	private static final List<Table> TABLES = List.of(new Table("source", "code", false),
			new Table("section", "code", false), new Table("article", "id", true), new Table("photo", "id", true),
			new Table("photo_rendition", "photo_id", false), new Table("writethru", "id", true),
			new Table("headline", "id", true), new Table("ticker_story", "article_id", false),
			new Table("editor", "id", true), new Table("audit_entry", "id", true));

	/** The embedded database's credentials (application.properties). */
	private static final String H2_USER = "sa";

	private static final int BATCH = 500;

	private static final Logger log = LoggerFactory.getLogger(DatabaseCopy.class);

	private final JdbcTemplate target;

	private final String from;

	DatabaseCopy(JdbcTemplate target, NewswireProperties properties) {
		this.target = target;
		this.from = properties.copyFrom();
	}

	@Override
	public void run() {
		if (this.from == null || this.from.isBlank()) {
			return;
		}
		refuseUnlessEmpty();
		// The source is brought to this release's schema first, as starting it would.
		Flyway.configure().dataSource(this.from, H2_USER, "").load().migrate();
		try (Connection source = DriverManager.getConnection(this.from, H2_USER, "")) {
			for (Table table : TABLES) {
				int rows = copy(source, table);
				log.info("Copied {} rows of {}", rows, table.name());
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot copy from " + this.from, ex);
		}
	}

	private void refuseUnlessEmpty() {
		for (Table table : TABLES) {
			if (table.identity()
					&& this.target.queryForObject("select count(*) from " + table.name(), Long.class) > 0) {
				throw new IllegalStateException("newswire.copy-from is set but this database already holds "
						+ table.name() + " rows: nothing copied. Copy into an empty database only, and remove "
						+ "newswire.copy-from once the copy is done.");
			}
		}
	}

	private int copy(Connection source, Table table) throws SQLException {
		Set<Object> present = table.identity() ? Collections.emptySet() : new HashSet<>(
				this.target.queryForList("select " + table.key() + " from " + table.name(), Object.class));
		int copied = 0;
		try (PreparedStatement select = source
			.prepareStatement("select * from " + table.name() + " order by " + table.key())) {
			select.setFetchSize(BATCH);
			try (ResultSet rows = select.executeQuery()) {
				ResultSetMetaData meta = rows.getMetaData();
				List<String> columns = new ArrayList<>();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
				}
				String insert = "insert into " + table.name() + " (" + String.join(", ", columns) + ") values ("
						+ String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
				int keyColumn = columns.indexOf(table.key());
				List<Object[]> batch = new ArrayList<>(BATCH);
				while (rows.next()) {
					Object[] values = new Object[columns.size()];
					for (int i = 0; i < values.length; i++) {
						values[i] = rows.getObject(i + 1);
					}
					if (!present.contains(values[keyColumn])) {
						batch.add(values);
					}
					if (batch.size() == BATCH) {
						copied += flush(insert, batch);
					}
				}
				copied += flush(insert, batch);
			}
		}
		if (table.identity()) {
			Long max = this.target.queryForObject("select max(" + table.key() + ") from " + table.name(), Long.class);
			this.target.execute("alter table " + table.name() + " alter column " + table.key() + " restart with "
					+ ((max != null) ? max + 1 : 1));
		}
		return copied;
	}

	private int flush(String insert, List<Object[]> batch) {
		int size = batch.size();
		if (size > 0) {
			this.target.batchUpdate(insert, batch);
			batch.clear();
		}
		return size;
	}

	/**
	 * @param name the table
	 * @param key its primary key column
	 * @param identity whether the key is a generated id (else a code the migrations seed)
	 */
	private record Table(String name, String key, boolean identity) {
	}

}
