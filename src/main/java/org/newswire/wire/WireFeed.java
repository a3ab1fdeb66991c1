package org.newswire.wire;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.newswire.article.ArticleSummary;
import org.newswire.article.Stories;
import org.newswire.article.WritethruKind;
import org.newswire.change.ChangeFollower;
import org.newswire.change.ChangeKind;
import org.newswire.change.ChangeObserved;
import org.newswire.items.Items;
import org.newswire.wire.Cursors.Position;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Pages of the client feed: the change records after a position, each a client may
 * receive as one entry with its story as that change left it.
 * <p>
 * A page ends at its limit of entries or after {@link #SCAN_LIMIT} records, and its
 * cursor names the last record it scanned, whether it delivered it or not: a client whose
 * filters pass few changes moves on without reading the same records again, and a change
 * is never passed over, as ids rise by one per committed change and become visible in
 * order (V5).
 */
@Service
class WireFeed {

	/** Records read at most for one answer, however few pass the filters. */
	static final int SCAN_LIMIT = 5000;

	private final ChangeFollower changes;

	private final Stories stories;

	private final WireState state;

	private final JdbcTemplate jdbc;

	WireFeed(ChangeFollower changes, Stories stories, WireState state, JdbcTemplate jdbc) {
		this.changes = changes;
		this.stories = stories;
		this.state = state;
		this.jdbc = jdbc;
	}

	/**
	 * Where a request starts: after its cursor, before the first change recorded at or
	 * after {@code since}, or, with neither, at the end of the record (new changes only).
	 * @throws WireProblem for a cursor that is invalid, of the future, of another era or
	 * past retention, and for {@code since} before retention
	 */
	long start(String cursor, Instant since) {
		WireState.Now now = this.state.now();
		if (cursor != null) {
			Position position = Cursors.decode(cursor, now.secret());
			if (position.era() != now.era()) {
				throw WireProblem.gone("cursor-of-another-era", "Cursor of another database",
						"The feed's database was replaced or restored since this cursor was issued, so its place in "
								+ "the changes no longer exists. Restart with since=<ISO-8601 time> of the last "
								+ "change you processed.");
			}
			if (position.changeId() > now.newest()) {
				throw WireProblem.badRequest("cursor-from-the-future", "Cursor from the future",
						"The cursor names a change this feed has not recorded. Send next_page exactly as received.");
			}
			if (position.changeId() < now.prunedThrough()) {
				throw pastRetention();
			}
			return position.changeId();
		}
		if (since != null) {
			if (now.prunedBefore() != null && since.isBefore(now.prunedBefore())) {
				throw pastRetention();
			}
			Long first = this.jdbc.queryForObject("select min(id) from change_record where recorded_at >= ?",
					Long.class, Timestamp.from(since));
			return (first != null) ? first - 1 : now.newest();
		}
		return now.newest();
	}

	static WireProblem pastRetention() {
		return WireProblem.gone("past-retention", "Changes no longer kept",
				"The changes after this point were deleted after the retention period. Restart with "
						+ "since=<ISO-8601 time> within the retention period (see /api/v1/feed in docs/api.md).");
	}

	/**
	 * The entries after a position.
	 * @throws WireProblem 410 when the records right after it were pruned meanwhile
	 */
	Page page(FeedQuery query, long after) {
		WireState.Now now = this.state.now();
		List<Items.Entry> entries = new ArrayList<>();
		long scanned = after;
		int read = 0;
		List<ChangeObserved> batch;
		do {
			batch = this.changes.recordedAfter(scanned);
			if (read == 0 && !batch.isEmpty() && batch.get(0).id() != after + 1) {
				// Ids rise by one: a gap right after the position is the retention job's.
				throw pastRetention();
			}
			for (ChangeObserved change : batch) {
				if (entries.size() == query.limit()) {
					return new Page(entries, scanned, false, now);
				}
				scanned = change.id();
				read++;
				entry(query, change, new Position(now.era(), change.id()), now.secret()).ifPresent(entries::add);
			}
		}
		while (!batch.isEmpty() && read < SCAN_LIMIT);
		return new Page(entries, scanned, batch.isEmpty(), now);
	}

	private Optional<Items.Entry> entry(FeedQuery query, ChangeObserved change, Position position, byte[] secret) {
		if (!query.mayWant(change)) {
			return Optional.empty();
		}
		// Records from before V15 kept no state: they are served as the story stands now.
		// None of them concerns a story still under embargo, which find leaves out.
		Optional<ArticleSummary> story = (change.state() != null)
				? this.stories.asRecorded(change.articleId(), change.state()) : this.stories.find(change.articleId());
		return story.filter((found) -> query.urgency() == null || found.urgency().level() <= query.urgency())
			.map((found) -> new Items.Entry(Cursors.encode(position, secret), name(change, found), change.recordedAt(),
					found, found.current()));
	}

	/**
	 * What the change was to a client, the strongest kind first: a lift is a publication,
	 * a kill under embargo a kill.
	 */
	static String name(ChangeObserved change, ArticleSummary story) {
		if (change.has(ChangeKind.LIFTED)) {
			return "embargo-lifted";
		}
		if (change.has(ChangeKind.KILLED)) {
			return "canceled";
		}
		if (change.has(ChangeKind.EMBARGOED)) {
			return "embargoed";
		}
		if (change.has(ChangeKind.HELD)) {
			return "withheld";
		}
		if (change.has(ChangeKind.RELEASED)) {
			return "released";
		}
		if (change.has(ChangeKind.WRITETHRU)) {
			return (story.current().kind() == WritethruKind.CORRECTS) ? "correction" : "writethru";
		}
		return "published";
	}

	/**
	 * @param scanned the last change record read: the page's cursor resumes after it
	 * @param atEnd whether it read to the end of the record, rather than stopping at its
	 * limit of entries or of records scanned
	 */
	record Page(List<Items.Entry> entries, long scanned, boolean atEnd, WireState.Now state) {

		String nextPage() {
			return Cursors.encode(new Position(this.state.era(), this.scanned), this.state.secret());
		}

		Optional<Instant> newestRecordedAt() {
			return this.entries.isEmpty() ? Optional.empty()
					: Optional.of(this.entries.get(this.entries.size() - 1).recordedAt());
		}

	}

}
