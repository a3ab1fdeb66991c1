package org.newswire.wire;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.newswire.article.ArticleSummary;
import org.newswire.article.Stories;
import org.newswire.article.VersionView;
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
class WireFeed implements ChangeEntries {

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
	 * What the feed's pages and cursors depend on, read once for a request's start and
	 * its first page: every statement borrows a connection of the pool that a burst of
	 * clients coming back after a change shares.
	 */
	WireState.Now now() {
		return this.state.now();
	}

	/**
	 * Where a request starts: after its cursor, before the first change recorded at or
	 * after {@code since}, or, with neither, at the end of the record (new changes only).
	 * @throws WireProblem for a cursor that is invalid, of the future, of another era or
	 * past retention, and for {@code since} before retention
	 */
	long start(String cursor, Instant since, WireState.Now now) {
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
		return page(query, after, this.state.now());
	}

	/**
	 * The entries after a position, with the feed's state as the request read it.
	 * @throws WireProblem 410 when the records right after it were pruned meanwhile
	 */
	Page page(FeedQuery query, long after, WireState.Now now) {
		if (after >= now.newest()) {
			// Nothing was committed after it: most requests of clients that keep up, each
			// about to wait for the next change, need no read to learn that.
			return new Page(List.of(), after, true, now);
		}
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
		while (batch.size() == ChangeFollower.BATCH && read < SCAN_LIMIT);
		// A short read reached the end: no read more to find it empty.
		return new Page(entries, scanned, batch.size() < ChangeFollower.BATCH, now);
	}

	private Optional<Items.Entry> entry(FeedQuery query, ChangeObserved change, Position position, byte[] secret) {
		if (!query.mayWant(change)) {
			return Optional.empty();
		}
		return entry(change, query.client().embargoAhead(), position, secret)
			.filter((entry) -> query.urgency() == null || entry.story().urgency().level() <= query.urgency());
	}

	private Optional<Items.Entry> entry(ChangeObserved change, boolean embargoAhead, Position position, byte[] secret) {
		// Records from before V15 kept no state: they are served as the story stands now.
		// None of them concerns a story still under embargo, which find leaves out.
		Optional<ArticleSummary> story = (change.state() != null)
				? this.stories.asRecorded(change.articleId(), change.state()) : this.stories.find(change.articleId());
		return story.flatMap((found) -> name(change, embargoAhead, () -> found.current().kind())
			.map((name) -> new Items.Entry(Cursors.encode(position, secret), name, change.recordedAt(), found,
					found.current())));
	}

	@Override
	public Optional<String> name(ChangeObserved change, boolean embargoAhead) {
		return name(change, embargoAhead, () -> (change.state() != null)
				? this.stories.version(change.articleId(), change.state().version()).map(VersionView::kind).orElse(null)
				: null);
	}

	/**
	 * The kind that matters most to a client names the change: a kill over the writethru
	 * that came with it, a lift over the publication.
	 * @param versionKind the kind of the version the change left, asked only of a
	 * writethru
	 */
	private static Optional<String> name(ChangeObserved change, boolean embargoAhead,
			Supplier<WritethruKind> versionKind) {
		if (change.articleId() == null || (change.embargoed() && !embargoAhead)) {
			return Optional.empty();
		}
		if (change.has(ChangeKind.KILLED)) {
			return Optional.of("canceled");
		}
		if (change.has(ChangeKind.HELD)) {
			return Optional.of("withheld");
		}
		if (change.has(ChangeKind.RELEASED)) {
			return Optional.of("released");
		}
		if (change.has(ChangeKind.LIFTED)) {
			return Optional.of(embargoAhead ? "embargo-lifted" : "published");
		}
		if (change.has(ChangeKind.EMBARGOED)) {
			return Optional.of("embargoed");
		}
		if (change.has(ChangeKind.WRITETHRU)) {
			return Optional.of((versionKind.get() == WritethruKind.CORRECTS) ? "correction" : "writethru");
		}
		return change.has(ChangeKind.PUBLISHED) ? Optional.of("published") : Optional.empty();
	}

	@Override
	public Optional<Items.Entry> entry(long changeId, boolean embargoAhead) {
		WireState.Now now = this.state.now();
		return this.changes.recorded(changeId)
			.flatMap((change) -> entry(change, embargoAhead, new Position(now.era(), changeId), now.secret()));
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
