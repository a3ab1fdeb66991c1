package org.newswire.desk;

import java.time.Instant;

import org.newswire.ticker.Headline;

/**
 * A standing ticker headline as the desk's ticker page lists it.
 *
 * @param urgency the urgency's name, "Flash"
 * @param articleId the article it links to, {@code null} for none
 */
record DeskHeadline(long id, String text, String urgency, Long articleId, Instant postedAt, String editor) {

	static DeskHeadline of(Headline headline) {
		return new DeskHeadline(headline.getId(), headline.getText(), headline.getUrgency().displayName(),
				headline.getArticleId(), headline.getPostedAt(), headline.getEditor());
	}

}
