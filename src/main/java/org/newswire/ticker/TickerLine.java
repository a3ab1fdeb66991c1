package org.newswire.ticker;

import org.newswire.article.Urgency;

/**
 * One headline as readers see it on the ticker: what {@code fragments/ticker.html}
 * renders into the page and into the live stream alike ({@link TickerMarkup}).
 *
 * @param marked whether the urgency (Flash, Bulletin) is written in front of the text
 * @param alert whether this is a Flash or Bulletin story leading the ticker
 * ({@link TickerService#ALERT_LEAD}, {@link TickerService#MAX_ALERTS}); open pages raise
 * an alert banner for it
 * @param url the article's canonical page, or {@code null} for a headline without article
 */
public record TickerLine(long id, String text, int urgency, String urgencyName, boolean marked, boolean alert,
		String url) {

	/**
	 * A story the ticker has heard no version of (written without events) gets its short
	 * URL, which redirects to the canonical page.
	 */
	static TickerLine of(HeadlineRepository.Shown shown, boolean alert) {
		Headline headline = shown.getHeadline();
		Urgency urgency = headline.getUrgency();
		Long articleId = headline.getArticleId();
		String url = (shown.getPath() != null) ? shown.getPath()
				: (articleId != null) ? "/articles/" + articleId : null;
		return new TickerLine(headline.getId(), headline.getText(), urgency.level(), urgency.displayName(),
				urgency.isMarked(), alert, url);
	}

}
