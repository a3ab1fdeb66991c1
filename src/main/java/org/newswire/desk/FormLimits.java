package org.newswire.desk;

/**
 * Length limits of desk form fields, within the columns of the schema. A headline leaves
 * room for the longest label ("12th LD Writethru: ") inside the 200 characters of a
 * ticker headline.
 */
final class FormLimits {

	static final int HEADLINE = 160;

	static final int SLUGLINE = 80;

	static final int DATELINE = 120;

	static final int BYLINE = 120;

	static final int BODY = 50_000;

	static final int NOTE = 1000;

	static final int KILL_NOTICE = 2000;

	static final int SEARCH = 100;

	private FormLimits() {
	}

}
