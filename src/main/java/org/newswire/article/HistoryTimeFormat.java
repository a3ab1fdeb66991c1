package org.newswire.article;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Shows times of the history pages in the newsroom's time zone.
 */
@Component
class HistoryTimeFormat {

	private final DateTimeFormatter text;

	HistoryTimeFormat(@Value("${newswire.time-zone}") ZoneId zone) {
		this.text = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a z", Locale.ENGLISH).withZone(zone);
	}

	HistoryTime of(Instant instant) {
		// HTML allows at most three digits of fractional seconds in a datetime attribute.
		return new HistoryTime(instant.truncatedTo(ChronoUnit.SECONDS).toString(), this.text.format(instant));
	}

}
