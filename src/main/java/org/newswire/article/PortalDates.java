package org.newswire.article;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Dates as readers see them, always in the portal's time zone
 * ({@code newswire.time-zone}) whatever zone the server runs in: a story filed late in
 * the evening in New York carries that day's date, not the next day's UTC date.
 */
@Component
public class PortalDates {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMMM d, yyyy, h:mm a z",
			Locale.ENGLISH);

	private final ZoneId zone;

	public PortalDates(@Value("${newswire.time-zone:UTC}") ZoneId zone) {
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
	 * Date and time with the zone: {@code November 26, 2026, 9:05 AM EST}.
	 */
	public String dateTime(Instant at) {
		return DATE_TIME.format(at.atZone(this.zone));
	}

	/**
	 * The machine-readable form for {@code <time datetime>} and metadata, to the second:
	 * "2026-11-26T14:05:00Z".
	 */
	public String iso(Instant at) {
		return at.truncatedTo(ChronoUnit.SECONDS).toString();
	}

	/**
	 * Both forms at once, for a {@code <time>} element.
	 */
	public PortalTime time(Instant at) {
		return new PortalTime(iso(at), dateTime(at));
	}

	public ZoneId zone() {
		return this.zone;
	}

}
