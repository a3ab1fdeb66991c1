package org.newswire.site;

import org.newswire.ticker.Headline;
import org.newswire.ticker.Urgency;

/**
 * One headline as the ticker shows it; the same shape the live ticker sends to
 * {@code ticker.js} in a {@code newswire:ticker} event.
 *
 * @param marked whether the urgency (Flash, Bulletin) is written in front of the text
 * @param url the article page, or {@code null} for a headline without an article
 */
record TickerItem(long id, String text, int urgency, String urgencyName, boolean marked, String url) {

	static TickerItem of(Headline headline, String url) {
		Urgency urgency = headline.getUrgencyLevel();
		return new TickerItem(headline.getId(), headline.getText(), urgency.level(), urgency.displayName(),
				urgency.isMarked(), url);
	}

}
