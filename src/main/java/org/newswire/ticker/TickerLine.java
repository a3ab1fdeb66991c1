package org.newswire.ticker;

import java.util.Map;

import org.newswire.article.ArticleSummary;
import org.newswire.article.Urgency;

/**
 * One headline as readers see it on the ticker, on the page and in the live stream alike:
 * {@code ticker.js} rebuilds the list from exactly these fields.
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
	 * @param paths canonical article pages by article id; an article missing there gets
	 * its short URL, which redirects to the canonical one
	 */
	static TickerLine of(Headline headline, Map<Long, ArticleSummary> stories, boolean alert) {
		Urgency urgency = headline.getUrgency();
		Long articleId = headline.getArticleId();
		ArticleSummary story = (articleId != null) ? stories.get(articleId) : null;
		String url = (story != null) ? story.path() : (articleId != null) ? "/articles/" + articleId : null;
		return new TickerLine(headline.getId(), headline.getText(), urgency.level(), urgency.displayName(),
				urgency.isMarked(), alert, url);
	}

}
