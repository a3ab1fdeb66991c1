package org.newswire.article;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.sql.DataSource;

import org.newswire.Datelines;
import org.newswire.NewswireProperties;
import org.newswire.Paragraphs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty embedded database with a generated archive
 * ({@code --newswire.archive.generate=N}), to measure the portal at the size of a real
 * wire. It runs once every bean exists and before the web server opens, so the portal
 * serves only the finished archive.
 * <p>
 * A million stories must be written in minutes, so rows go in through JDBC batches with
 * ids chosen here (the database is empty), not through JPA one entity at a time. What the
 * publishing rules decide is still decided by them: labels come from
 * {@link WritethruLabels}, slugs from {@link Slugs}, datelines from {@link Datelines},
 * and the newest stories are announced as {@link ArticleEvent.Published} so the ticker,
 * search and caches follow as for any publication.
 */
@Component
class ArchiveGenerator implements SmartInitializingSingleton {

	static final String EDITOR = "archive";

	/** Stories are filed on average this far apart, the newest just now. */
	static final Duration SPACING = Duration.ofMinutes(3);

	/** Stories announced at the end, enough to fill the ticker. */
	static final int ANNOUNCED = 12;

	static final int MIN_WORDS = 120;

	static final int MAX_WORDS = 900;

	/** An added paragraph's length; originals stay short enough for three of them. */
	private static final int ADDED_WORDS = 50;

	private static final int BATCH = 1_000;

	private static final Logger logger = LoggerFactory.getLogger(ArchiveGenerator.class);

	private static final String INSERT_ARTICLE = """
			insert into article (id, slug, section_code, slugline, source_code, dateline, byline, language, urgency,
			pubstatus, first_published_at, updated_at, current_sequence, lock_version)
			values (?, ?, ?, ?, ?, ?, ?, 'en', ?, ?, ?, ?, ?, ?)""";

	private static final String INSERT_WRITETHRU = """
			insert into writethru (id, article_id, sequence_number, kind, label, headline, body, ednote,
			correction_note, editor, published_at) values (?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?)""";

	private final NewswireProperties properties;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final Environment environment;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ArchiveGenerator(NewswireProperties properties, DataSource dataSource, Environment environment,
			ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
		this.properties = properties;
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.environment = environment;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		int stories = this.properties.archive().generate();
		if (stories > 0) {
			generate(stories);
		}
	}

	/**
	 * Writes {@code stories} generated stories with their versions.
	 * @throws ArchiveRefusedException on PostgreSQL or a database that holds articles
	 */
	void generate(int stories) {
		refuseUnlessEmptyEmbedded();
		List<String[]> sections = this.jdbc.query("select code from section order by display_order",
				(row, n) -> new String[] { row.getString(1) });
		List<String[]> sources = this.jdbc.query("select code, name from source order by code",
				(row, n) -> new String[] { row.getString(1), row.getString(2) });
		logger.info("Generating an archive of {} stories", stories);
		long started = System.nanoTime();
		Instant now = this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		Deque<Story> newest = new ArrayDeque<>();
		Totals totals = new Totals();
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement articles = connection.prepareStatement(INSERT_ARTICLE);
					PreparedStatement writethrus = connection.prepareStatement(INSERT_WRITETHRU)) {
				Writer writer = new Writer(articles, writethrus, this.properties.timeZone(), sections, sources, now,
						stories);
				for (int id = 1; id <= stories; id++) {
					Story story = writer.story(id, totals);
					newest.addLast(story);
					if (newest.size() > ANNOUNCED) {
						newest.removeFirst();
					}
					if (id % BATCH == 0 || id == stories) {
						articles.executeBatch();
						writethrus.executeBatch();
						connection.commit();
					}
					if (id % Math.max(BATCH, stories / 20) == 0 || id == stories) {
						logger.info("Archive: {} of {} stories ({} versions) in {} s", id, stories, totals.versions,
								(System.nanoTime() - started) / 1_000_000_000);
					}
				}
			}
			try (Statement restart = connection.createStatement()) {
				// Ids were chosen here; publishing after the archive continues after
				// them.
				restart.execute("alter table article alter column id restart with " + (stories + 1));
				restart.execute("alter table writethru alter column id restart with " + (totals.versions + 1));
			}
			connection.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Generating the archive failed", ex);
		}
		this.transaction.executeWithoutResult((status) -> newest.forEach(this::announce));
		logger.info("Archive of {} stories and {} versions generated in {} s", stories, totals.versions,
				(System.nanoTime() - started) / 1_000_000_000);
	}

	private void refuseUnlessEmptyEmbedded() {
		if (this.environment.matchesProfiles("postgres")) {
			throw new ArchiveRefusedException(
					"newswire.archive.generate fills an embedded database only, and the postgres profile is active");
		}
		String product = this.jdbc
			.execute((Connection connection) -> connection.getMetaData().getDatabaseProductName());
		if (!"H2".equals(product)) {
			throw new ArchiveRefusedException(
					"newswire.archive.generate fills an embedded H2 database only, not " + product);
		}
		Long articles = this.jdbc.queryForObject("select count(*) from article", Long.class);
		if (articles != null && articles > 0) {
			throw new ArchiveRefusedException("newswire.archive.generate needs an empty database, and this one holds "
					+ articles + " articles already");
		}
	}

	private void announce(Story story) {
		this.events.publishEvent(
				new ArticleEvent.Published(story.id(), story.sequence(), story.kind(), story.labelledHeadline(),
						Urgency.of(story.urgency()), Paths.article(story.id(), story.slug()), EDITOR));
	}

	/**
	 * What is kept of a written story to announce it.
	 */
	private record Story(long id, int sequence, WritethruKind kind, String slug, String labelledHeadline, int urgency) {
	}

	private static final class Totals {

		private long versions;

	}

	/**
	 * Makes up stories and adds their rows to the batches.
	 */
	private static final class Writer {

		/** How many stories have 1, 2, 3 or 4 versions, per 100: 1.52 on average. */
		private static final int[] VERSION_SHARES = { 65, 22, 9, 4 };

		/** Later versions' kinds, per 100. */
		private static final WritethruKind[] KINDS = WritethruKind.values();

		private static final int[] KIND_SHARES = { 35, 20, 20, 25 };

		private final PreparedStatement articles;

		private final PreparedStatement writethrus;

		private final ZoneId zone;

		private final List<String[]> sections;

		private final List<String[]> sources;

		private final Instant now;

		private final Instant start;

		private final long spacingMillis;

		private final ArchiveText text = new ArchiveText(20_260_101L);

		private long writethruId;

		Writer(PreparedStatement articles, PreparedStatement writethrus, ZoneId zone, List<String[]> sections,
				List<String[]> sources, Instant now, int stories) {
			this.articles = articles;
			this.writethrus = writethrus;
			this.zone = zone;
			this.sections = sections;
			this.sources = sources;
			this.now = now;
			this.spacingMillis = SPACING.toMillis();
			this.start = now.minusMillis(this.spacingMillis * stories);
		}

		Story story(long id, Totals totals) throws SQLException {
			int section = this.text.nextInt(this.sections.size());
			String[] source = this.sources
				.get((this.text.nextInt(10) < 8) ? 0 : this.text.nextInt(this.sources.size()));
			String place = this.text.place();
			Instant filed = this.start
				.plusMillis(id * this.spacingMillis - this.text.nextInt((int) this.spacingMillis));
			String byline = (this.text.nextInt(3) == 0) ? null : "By " + this.text.person();
			int urgency = 3 + this.text.nextInt(3);
			int versions = pick(VERSION_SHARES) + 1;
			List<String> body = this.text.body(section, place, length());
			String headline = this.text.headline(section, place);
			List<WritethruKind> kinds = new ArrayList<>();
			Instant published = filed;
			String label = null;
			for (int sequence = 1; sequence <= versions; sequence++) {
				WritethruKind kind = WritethruKind.LD_WRITETHRU;
				String correction = null;
				if (sequence > 1) {
					kind = KINDS[pick(KIND_SHARES)];
					published = later(published);
					label = kind.labelAfter(kinds);
					body = revise(body, kind, section, place);
					if (kind == WritethruKind.CORRECTS) {
						correction = this.text.correctionNote();
					}
					else if (kind != WritethruKind.ADDS) {
						headline = this.text.headline(section, place);
					}
				}
				kinds.add(kind);
				addWritethru(id, sequence, kind, label, headline, body, correction, published);
			}
			totals.versions += versions;
			String slug = Paths.slug(headline);
			int column = 1;
			this.articles.setLong(column++, id);
			this.articles.setString(column++, slug);
			this.articles.setString(column++, this.sections.get(section)[0]);
			this.articles.setString(column++, this.text.slugline(section));
			this.articles.setString(column++, source[0]);
			this.articles.setString(column++,
					Datelines.of(place.toUpperCase(java.util.Locale.ROOT), source[1], filed, this.zone));
			this.articles.setString(column++, byline);
			this.articles.setInt(column++, urgency);
			this.articles.setString(column++, PubStatus.USABLE.ninjs());
			this.articles.setObject(column++, OffsetDateTime.ofInstant(filed, ZoneOffset.UTC));
			this.articles.setObject(column++, OffsetDateTime.ofInstant(published, ZoneOffset.UTC));
			this.articles.setInt(column++, versions);
			this.articles.setLong(column, versions);
			this.articles.addBatch();
			String labelled = (label != null) ? label + ": " + headline : headline;
			return new Story(id, versions, kinds.get(kinds.size() - 1), slug, labelled, urgency);
		}

		/**
		 * A new lead rewrites the first paragraph, a writethru the whole story, a
		 * correction one paragraph, an add appends one; the length stays in range.
		 */
		private List<String> revise(List<String> body, WritethruKind kind, int section, String place) {
			List<String> next = new ArrayList<>(body);
			switch (kind) {
				case LD_WRITETHRU ->
					next.set(0, this.text.paragraph(section, place, ArchiveText.countWords(body.get(0))));
				case WRITETHRU -> {
					return this.text.body(section, place, words(body));
				}
				case CORRECTS -> {
					int i = this.text.nextInt(next.size());
					next.set(i, this.text.paragraph(section, place, ArchiveText.countWords(next.get(i))));
				}
				case ADDS -> next.add(this.text.paragraph(section, place, ADDED_WORDS));
			}
			return next;
		}

		private static int words(List<String> body) {
			return body.stream().mapToInt(ArchiveText::countWords).sum();
		}

		private void addWritethru(long articleId, int sequence, WritethruKind kind, String label, String headline,
				List<String> body, String correction, Instant published) throws SQLException {
			int column = 1;
			this.writethrus.setLong(column++, ++this.writethruId);
			this.writethrus.setLong(column++, articleId);
			this.writethrus.setInt(column++, sequence);
			this.writethrus.setString(column++, kind.name());
			this.writethrus.setString(column++, label);
			this.writethrus.setString(column++, headline);
			this.writethrus.setString(column++, Paragraphs.join(body));
			if (correction != null) {
				this.writethrus.setString(column++, correction);
			}
			else {
				this.writethrus.setNull(column++, Types.VARCHAR);
			}
			this.writethrus.setString(column++, EDITOR);
			this.writethrus.setObject(column, OffsetDateTime.ofInstant(published, ZoneOffset.UTC));
			this.writethrus.addBatch();
		}

		/**
		 * Most wire stories are short: lengths lean towards the minimum (about 330 words
		 * on average), leaving room for three added paragraphs.
		 */
		private int length() {
			double roll = this.text.nextDouble();
			return MIN_WORDS + (int) ((MAX_WORDS - 3 * ADDED_WORDS - MIN_WORDS) * roll * roll);
		}

		/**
		 * Minutes to hours after the previous version, never in the future.
		 */
		private Instant later(Instant previous) {
			Instant next = previous.plusSeconds(this.text.between(300, 6 * 3600));
			if (next.isAfter(this.now)) {
				next = previous.plusMillis(Math.max(1, Duration.between(previous, this.now).toMillis() / 2));
			}
			return next;
		}

		private int pick(int[] shares) {
			int roll = this.text.nextInt(100);
			for (int i = 0; i < shares.length; i++) {
				roll -= shares[i];
				if (roll < 0) {
					return i;
				}
			}
			return shares.length - 1;
		}

	}

}
