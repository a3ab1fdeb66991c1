package org.newswire;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PortalDatesTests {

	private final PortalDates newYork = new PortalDates(ZoneId.of("America/New_York"));

	@Test
	void sourceAndDateLineNamesTheAgencyAndTheDate() {
		assertThat(this.newYork.sourceDateLine("Newswire", Instant.parse("2026-09-25T15:00:00Z")))
			.isEqualTo("Newswire, September 25, 2026");
	}

	@Test
	void dateIsTheDayInThePortalsZoneNotInUtc() {
		// 02:30 UTC on November 27 is still the evening of November 26 in New York.
		Instant lateEvening = Instant.parse("2026-11-27T02:30:00Z");
		assertThat(this.newYork.sourceDateLine("Harbour Press", lateEvening))
			.isEqualTo("Harbour Press, November 26, 2026");
		assertThat(new PortalDates(ZoneId.of("UTC")).sourceDateLine("Harbour Press", lateEvening))
			.isEqualTo("Harbour Press, November 27, 2026");
	}

	@Test
	void dayOfMonthHasNoLeadingZero() {
		assertThat(this.newYork.date(Instant.parse("2026-03-05T12:00:00Z"))).isEqualTo("March 5, 2026");
	}

	@Test
	void dateTimeShowsTheZoneAndFollowsDaylightSaving() {
		assertThat(this.newYork.dateTime(Instant.parse("2026-01-15T14:05:00Z")))
			.isEqualTo("January 15, 2026, 9:05 AM EST");
		assertThat(this.newYork.dateTime(Instant.parse("2026-07-15T14:05:00Z")))
			.isEqualTo("July 15, 2026, 10:05 AM EDT");
	}

	@Test
	void deskStampIsCompactSortableAndInThePortalsZone() {
		Instant lateEvening = Instant.parse("2026-11-27T02:30:15Z");
		assertThat(this.newYork.stamp(lateEvening)).isEqualTo("2026-11-26 21:30 EST");
		assertThat(this.newYork.stampSeconds(lateEvening)).isEqualTo("2026-11-26 21:30:15 EST");
	}

	@Test
	void shortDateAbbreviatesTheMonthOnTheSameDay() {
		assertThat(this.newYork.shortDate(Instant.parse("2026-11-27T02:30:00Z"))).isEqualTo("Nov 26, 2026");
	}

	@Test
	void isoFormIsInUtcToTheSecond() {
		assertThat(this.newYork.iso(Instant.parse("2026-11-27T02:30:15.123456Z"))).isEqualTo("2026-11-27T02:30:15Z");
	}

}
