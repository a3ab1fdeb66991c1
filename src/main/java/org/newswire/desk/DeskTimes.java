package org.newswire.desk;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

import org.newswire.PortalDates;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * Reads the times editors type for embargoes and scheduled writethrus
 * ({@code datetime-local} fields, in the portal's zone) and refuses, as a form error, one
 * that is unreadable, already past, or further ahead than a wire plans.
 */
@Component
class DeskTimes {

	/** The furthest ahead a release may be set; beyond it is taken as a typing slip. */
	static final Duration HORIZON = Duration.ofDays(366);

	private final PortalDates dates;

	private final Clock clock;

	DeskTimes(PortalDates dates, Clock clock) {
		this.dates = dates;
		this.clock = clock;
	}

	/**
	 * The future moment a field holds, or {@code null} after rejecting the field.
	 */
	Instant future(String value, String field, Errors errors) {
		Instant at;
		try {
			at = this.dates.fromInput(value);
		}
		catch (DateTimeException ex) {
			errors.rejectValue(field, "desk.validation.time", new Object[] { this.dates.zoneName() }, null);
			return null;
		}
		Instant now = this.clock.instant();
		if (!at.isAfter(now)) {
			errors.rejectValue(field, "desk.validation.timePast",
					new Object[] { this.dates.stampSeconds(now), this.dates.zoneName() }, null);
			return null;
		}
		if (at.isAfter(now.plus(HORIZON))) {
			errors.rejectValue(field, "desk.validation.timeTooFar", new Object[] { HORIZON.toDays() }, null);
			return null;
		}
		return at;
	}

}
