package org.newswire;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Wire datelines: "PORT ALDREN, Sept. 25 (Newswire) --".
 */
public final class Datelines {

	/** Dateline months in wire style: Sept. 25 and March 4. */
	private static final String[] MONTHS = { "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
			"Oct.", "Nov.", "Dec." };

	private Datelines() {
	}

	public static String of(String place, String agency, Instant filed, ZoneId zone) {
		ZonedDateTime local = filed.atZone(zone);
		return place + ", " + MONTHS[local.getMonthValue() - 1] + " " + local.getDayOfMonth() + " (" + agency + ") --";
	}

}
