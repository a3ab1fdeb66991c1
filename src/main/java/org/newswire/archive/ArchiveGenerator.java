package org.newswire.archive;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.sql.DataSource;

import org.newswire.NewswireProperties;
import org.newswire.article.ArticleEvent;
import org.newswire.article.Paths;
import org.newswire.article.Urgency;
import org.newswire.demo.DemoPictures;
import org.newswire.photo.PhotoLibrary;
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
 * A million stories must be written in minutes, so rows go in through JDBC batches
 * ({@link ArchiveRows}), not through JPA one entity at a time. What the publishing rules
 * decide is still decided by them ({@link ArchiveStories}), and the newest stories are
 * announced as {@link ArticleEvent.Published} so the ticker, search and caches follow as
 * for any publication.
 */
@Component
class ArchiveGenerator implements SmartInitializingSingleton {

	static final String EDITOR = "archive";

	/** Stories are filed on average this far apart, the newest just now. */
	static final Duration SPACING = Duration.ofMinutes(3);

	/** Stories announced at the end, enough to fill the ticker. */
	static final int ANNOUNCED = 12;

	private static final int BATCH = 1_000;

	private static final Logger logger = LoggerFactory.getLogger(ArchiveGenerator.class);

	private final NewswireProperties properties;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final Environment environment;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final PhotoLibrary photos;

	ArchiveGenerator(NewswireProperties properties, DataSource dataSource, Environment environment,
			ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock, PhotoLibrary photos) {
		this.properties = properties;
		this.photos = photos;
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
		double share = this.properties.archive().photoShare();
		if (!(share >= 0 && share <= 1)) {
			throw new ArchiveRefusedException(
					"newswire.archive.photo-share is a share of the stories, from 0 to 1, not " + share);
		}
		logger.info("Generating an archive of {} stories, {} of them with a photo", stories, share);
		long started = System.nanoTime();
		ArchiveStories made = new ArchiveStories(
				this.jdbc.queryForList("select code from section order by display_order", String.class),
				this.jdbc.query("select code, name from source order by code",
						(row, n) -> new ArchiveStories.Source(row.getString(1), row.getString(2))),
				this.properties.timeZone(), this.clock.instant().truncatedTo(ChronoUnit.SECONDS), SPACING, stories,
				photos(share));
		Deque<ArchiveStory> newest = new ArrayDeque<>();
		long versions;
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (ArchiveRows rows = new ArchiveRows(connection)) {
				for (int id = 1; id <= stories; id++) {
					ArchiveStory story = made.story(id);
					rows.add(story);
					newest.addLast(story);
					if (newest.size() > ANNOUNCED) {
						newest.removeFirst();
					}
					if (id % BATCH == 0 || id == stories) {
						rows.flush();
						connection.commit();
					}
					if (id % Math.max(BATCH, stories / 20) == 0 || id == stories) {
						logger.info("Archive: {} of {} stories ({} versions) in {} s", id, stories, rows.versions(),
								seconds(started));
					}
				}
				versions = rows.versions();
				rows.restartIds(connection, stories);
			}
			connection.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Generating the archive failed", ex);
		}
		this.transaction.executeWithoutResult((status) -> newest.forEach(this::announce));
		logger.info("Archive of {} stories and {} versions generated in {} s", stories, versions, seconds(started));
	}

	/**
	 * The demo's few drawn photos, stored through the library as an editor's upload is,
	 * for the share of stories that lead with one to take in turn: a million stories need
	 * no more pictures than that, and rendering more would cost the generation.
	 */
	private ArchiveStories.Photos photos(double share) {
		if (share == 0) {
			return ArchiveStories.Photos.NONE;
		}
		return new ArchiveStories.Photos(
				DemoPictures.uploads().stream().map((upload) -> this.photos.add(upload, EDITOR).id()).toList(), share);
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

	private void announce(ArchiveStory story) {
		ArchiveStory.Version current = story.current();
		this.events.publishEvent(
				new ArticleEvent.Published(story.id(), current.sequence(), current.kind(), current.labelledHeadline(),
						Urgency.of(story.urgency()), Paths.article(story.id(), story.slug()), EDITOR));
	}

	private static long seconds(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1_000_000_000;
	}

}
