package org.newswire;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The one way pages write dates, for readers and editors alike: always in the portal's
 * time zone ({@code newswire.time-zone}) whatever zone the server runs in, so a story
 * filed late in the evening in New York carries that day's date, not the next day's UTC
 * date. Templates reach it as {@code ${@portalDates.stamp(...)}}; view models get it
 * injected.
 */
public class PortalDates {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMMM d, yyyy, h:mm a z",
			Locale.ENGLISH);

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);

	private static final DateTimeFormatter STAMP_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z",
			Locale.ENGLISH);

	private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss",
			Locale.ROOT);

	private final ZoneId zone;

	public PortalDates(ZoneId zone) {
		this.zone = zone;
	}

	/**
	 * The source-and-date line under a headline: {@code Newswire, November 26, 2026}.
	 */
	public String sourceDateLine(String agency, Instant at) {
		return agency + ", " + date(at);
	}

	/**
	 * The date alone: {@code November 26, 2026}.
	 */
	public String date(Instant at) {
		return DATE.format(at.atZone(this.zone));
	}

	/**
	 * The date in a list where space is short, as search results show it:
	 * {@code Nov 26, 2026}.
	 */
	public String shortDate(Instant at) {
		return SHORT_DATE.format(at.atZone(this.zone));
	}

	/**
	 * Date and time with the zone: {@code November 26, 2026, 9:05 AM EST}.
	 */
	public String dateTime(Instant at) {
		return DATE_TIME.format(at.atZone(this.zone));
	}

	/**
	 * The desk's compact, sortable time: {@code 2026-11-26 09:05 EST}.
	 */
	public String stamp(Instant at) {
		return STAMP.format(at.atZone(this.zone));
	}

	/**
	 * The compact time to the second, where order within a minute matters (the audit
	 * trail): {@code 2026-11-26 09:05:07 EST}.
	 */
	public String stampSeconds(Instant at) {
		return STAMP_SECONDS.format(at.atZone(this.zone));
	}

	/**
	 * The machine-readable form for {@code <time datetime>} and metadata, to the second:
	 * "2026-11-26T14:05:00Z".
	 */
	public String iso(Instant at) {
		return at.truncatedTo(ChronoUnit.SECONDS).toString();
	}

	/**
	 * The zone editors type times in, e.g. {@code America/New_York}, to show next to a
	 * time field.
	 */
	public String zoneName() {
		return this.zone.getId();
	}

	/**
	 * A moment as a {@code <input type="datetime-local" step="1">} holds it, in the
	 * portal's zone: {@code 2026-11-26T09:05:07}.
	 */
	public String inputValue(Instant at) {
		return LOCAL_INPUT.format(at.atZone(this.zone));
	}

	/**
	 * What a {@code datetime-local} input sent ({@code 2026-11-26T09:05}, with or without
	 * seconds), read in the portal's zone. A time the clocks skip when summer time starts
	 * is moved forward by the gap; one they pass twice when it ends is the earlier.
	 * @throws java.time.format.DateTimeParseException when it is not such a value
	 */
	public Instant fromInput(String value) {
		return LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(this.zone).toInstant();
	}

	/**
	 * Both forms at once, for a {@code <time>} element.
	 */
	public PortalTime time(Instant at) {
		return new PortalTime(iso(at), dateTime(at));
	}

}
