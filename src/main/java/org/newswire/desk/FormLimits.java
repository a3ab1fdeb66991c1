package org.newswire.desk;

import org.newswire.accounts.SignIn;
import org.newswire.photo.PhotoLibrary;
import org.newswire.ticker.Headline;

/**
 * Length limits of desk form fields, within the columns of the schema: validation reads
 * the constants, the forms' {@code maxlength} reads {@link #ALL} (model attribute
 * {@code limits}), so one change here changes both. A headline leaves room for the
 * longest label ("12th LD Writethru: ") inside the 200 characters of a ticker headline.
 */
final class FormLimits {

	static final int HEADLINE = 160;

	static final int SLUGLINE = 80;

	static final int DATELINE = 120;

	static final int BYLINE = 120;

	static final int BODY = 50_000;

	static final int NOTE = 1000;

	static final int KILL_NOTICE = 2000;

	/** Within the 2000 characters of the column: readers see it in place of the text. */
	static final int HOLD_NOTE = 1000;

	static final int SEARCH = 100;

	static final int TICKER_TEXT = Headline.MAX_LENGTH;

	/** Digits of the largest article id. */
	static final int ARTICLE_ID = 19;

	static final int USERNAME = SignIn.USERNAME_LENGTH;

	static final int PASSWORD = SignIn.PASSWORD_LENGTH;

	/**
	 * A {@code datetime-local} value with seconds is 19 characters; a browser sends no
	 * more, so anything longer is refused before it is read.
	 */
	static final int TIME = 32;

	/** Every limit, for templates. */
	static final Lengths ALL = new Lengths(HEADLINE, SLUGLINE, DATELINE, BYLINE, BODY, NOTE, KILL_NOTICE, HOLD_NOTE,
			SEARCH, TICKER_TEXT, ARTICLE_ID, USERNAME, PASSWORD, PhotoLibrary.MAX_CAPTION, PhotoLibrary.MAX_CREDIT,
			PhotoLibrary.MAX_ALT);

	private FormLimits() {
	}

	/**
	 * The limits as templates read them, e.g. {@code ${limits.headline}}.
	 */
	record Lengths(int headline, int slugline, int dateline, int byline, int body, int note, int killNotice,
			int holdNote, int search, int tickerText, int articleId, int username, int password, int photoCaption,
			int photoCredit, int photoAlt) {
	}

}
