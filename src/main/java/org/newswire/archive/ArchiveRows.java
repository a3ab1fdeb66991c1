package org.newswire.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.newswire.article.PubStatus;

/**
 * Writes generated stories as rows of the article module's tables, in JDBC batches with
 * ids chosen here. The tables and columns the archive writes are named here only, each
 * column with how its value is read from a story: the statements are built from these
 * lists, and {@code ArchiveMappingTests} checks the same lists
 * ({@link #columnsByTable()}) against the JPA mapping, so a column renamed or added there
 * fails a test instead of the next generation of an archive.
 */
final class ArchiveRows implements AutoCloseable {

	private static final Table<ArchiveStory> ARTICLE = new Table<>("article",
			List.of(column("id", ArchiveStory::id), column("slug", ArchiveStory::slug),
					column("section_code", ArchiveStory::sectionCode), column("slugline", ArchiveStory::slugline),
					column("source_code", ArchiveStory::sourceCode), column("dateline", ArchiveStory::dateline),
					column("byline", ArchiveStory::byline), column("language", (story) -> "en"),
					column("urgency", ArchiveStory::urgency), column("pubstatus", (story) -> PubStatus.USABLE.ninjs()),
					column("embargoed", (story) -> false),
					column("first_published_at", (story) -> utc(story.firstPublishedAt())),
					column("updated_at", (story) -> utc(story.current().publishedAt())),
					column("current_sequence", (story) -> story.current().sequence()),
					column("lock_version", (story) -> (long) story.current().sequence())));

	private static final Table<WritethruRow> WRITETHRU = new Table<>("writethru", List.of(
			column("id", WritethruRow::id), column("article_id", WritethruRow::articleId),
			column("sequence_number", (row) -> row.version().sequence()),
			column("kind", (row) -> row.version().kind().name()), column("label", (row) -> row.version().label()),
			column("headline", (row) -> row.version().headline()), column("body", (row) -> row.version().body()),
			column("correction_note", (row) -> row.version().correctionNote()),
			column("editor", (row) -> ArchiveGenerator.EDITOR),
			column("published_at", (row) -> utc(row.version().publishedAt())),
			column("photo_id", WritethruRow::photoId)));

	private final PreparedStatement articles;

	private final PreparedStatement writethrus;

	private long writethruId;

	ArchiveRows(Connection connection) throws SQLException {
		this.articles = connection.prepareStatement(ARTICLE.insert());
		this.writethrus = connection.prepareStatement(WRITETHRU.insert());
	}

	/**
	 * Each table the archive writes, with the columns it writes, in statement order.
	 */
	static Map<String, List<String>> columnsByTable() {
		Map<String, List<String>> tables = new LinkedHashMap<>();
		tables.put(ARTICLE.name(), ARTICLE.columnNames());
		tables.put(WRITETHRU.name(), WRITETHRU.columnNames());
		return Collections.unmodifiableMap(tables);
	}

	/**
	 * Adds the story's article row and its writethru rows to the batches.
	 */
	void add(ArchiveStory story) throws SQLException {
		ARTICLE.add(this.articles, story);
		for (ArchiveStory.Version version : story.versions()) {
			WRITETHRU.add(this.writethrus, new WritethruRow(++this.writethruId, story.id(), version, story.photoId()));
		}
	}

	/**
	 * Sends the batches, articles first for the writethrus' foreign key; the caller
	 * commits.
	 */
	void flush() throws SQLException {
		this.articles.executeBatch();
		this.writethrus.executeBatch();
	}

	long versions() {
		return this.writethruId;
	}

	/**
	 * Publishing after the archive continues after the ids chosen here.
	 */
	void restartIds(Connection connection, long articles) throws SQLException {
		try (Statement restart = connection.createStatement()) {
			restart.execute("alter table " + ARTICLE.name() + " alter column id restart with " + (articles + 1));
			restart
				.execute("alter table " + WRITETHRU.name() + " alter column id restart with " + (this.writethruId + 1));
		}
	}

	@Override
	public void close() throws SQLException {
		try (this.articles) {
			this.writethrus.close();
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static <R> Column<R> column(String name, Function<R, Object> value) {
		return new Column<>(name, value);
	}

	private record WritethruRow(long id, long articleId, ArchiveStory.Version version, Long photoId) {
	}

	private record Column<R>(String name, Function<R, Object> value) {
	}

	private record Table<R>(String name, List<Column<R>> columns) {

		List<String> columnNames() {
			return this.columns.stream().map(Column::name).toList();
		}

		String insert() {
			return "insert into " + this.name + " (" + String.join(", ", columnNames()) + ") values ("
					+ String.join(", ", Collections.nCopies(this.columns.size(), "?")) + ")";
		}

		void add(PreparedStatement statement, R row) throws SQLException {
			for (int i = 0; i < this.columns.size(); i++) {
				statement.setObject(i + 1, this.columns.get(i).value().apply(row));
			}
			statement.addBatch();
		}

	}

}
