package org.newswire.archive;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.SelectableConsumer;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archive writes the article module's tables with SQL of its own, for speed; this
 * holds that SQL's tables and columns ({@link ArchiveRows#columnsByTable()}, the lists
 * the statements are built from) to the JPA mapping, so a column renamed or added there
 * fails here instead of the next generation of an archive.
 */
@SpringBootTest
// Needs no MockMvc: declared so this class shares the reader and desk tests' context.
@AutoConfigureMockMvc
class ArchiveMappingTests {

	/** Each mapped table's columns. */
	private final Map<String, Set<String>> mapped = new TreeMap<>();

	/** Each mapped table's columns that the mapping says never hold null. */
	private final Map<String, Set<String>> notNull = new TreeMap<>();

	@BeforeEach
	void readTheMapping(@Autowired EntityManagerFactory entityManagerFactory) {
		SelectableConsumer column = (index, selectable) -> add(selectable);
		entityManagerFactory.unwrap(SessionFactoryImplementor.class)
			.getMappingMetamodel()
			.forEachEntityDescriptor((entity) -> {
				entity.getIdentifierMapping().forEachSelectable(column);
				entity.forEachSelectable(column);
			});
	}

	@Test
	void writesOnlyMappedTablesAndColumns() {
		assertThat(ArchiveRows.columnsByTable()).isNotEmpty().allSatisfy((table, columns) -> {
			assertThat(this.mapped).as("tables of the JPA mapping").containsKey(table);
			assertThat(columns).as("columns the archive writes into " + table)
				.doesNotHaveDuplicates()
				.isSubsetOf(this.mapped.get(table));
		});
	}

	@Test
	void writesEveryColumnTheMappingSaysIsNeverNull() {
		ArchiveRows.columnsByTable().forEach((table, columns) -> {
			assertThat(this.notNull.get(table)).as("never-null columns of " + table + " in the JPA mapping")
				.isNotEmpty();
			assertThat(columns).as("columns the archive writes into " + table).containsAll(this.notNull.get(table));
		});
	}

	/**
	 * A migration can add a {@code not null} column that the mapping does not mark; the
	 * archive must write it too, unless the database fills it in.
	 */
	@Test
	void writesEveryColumnTheDatabaseRequires(@Autowired JdbcTemplate jdbc) {
		ArchiveRows.columnsByTable().forEach((table, columns) -> {
			Set<String> required = new TreeSet<>(jdbc.queryForList("""
					select lower(column_name) from information_schema.columns
					where lower(table_name) = ? and is_nullable = 'NO' and column_default is null""", String.class,
					table));
			assertThat(required).as("required columns of " + table + " in the database").isNotEmpty();
			assertThat(columns).as("columns the archive writes into " + table).containsAll(required);
		});
	}

	private void add(SelectableMapping selectable) {
		if (selectable.isFormula()) {
			return;
		}
		String table = selectable.getContainingTableExpression().toLowerCase(Locale.ROOT);
		String column = selectable.getSelectionExpression().toLowerCase(Locale.ROOT);
		this.mapped.computeIfAbsent(table, (name) -> new TreeSet<>()).add(column);
		if (!selectable.isNullable()) {
			this.notNull.computeIfAbsent(table, (name) -> new TreeSet<>()).add(column);
		}
	}

}
