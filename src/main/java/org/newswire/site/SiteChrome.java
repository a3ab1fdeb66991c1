package org.newswire.site;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.newswire.article.ArticleService;
import org.newswire.article.SectionView;
import org.newswire.ticker.TickerLine;
import org.newswire.ticker.TickerService;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * What the layout shows around every page: the ticker and the section links. The layout
 * asks this bean itself ({@code @siteChrome}) instead of each controller putting it in
 * its model, so every page has it, error pages and other modules' pages included, and
 * nothing is queried for responses that render no page (feeds, JSON, streams).
 */
@Component("siteChrome")
class SiteChrome {

	private static final Log logger = LogFactory.getLog(SiteChrome.class);

	private final TickerService ticker;

	private final ArticleService articles;

	SiteChrome(TickerService ticker, ArticleService articles) {
		this.ticker = ticker;
		this.articles = articles;
	}

	/**
	 * The ticker's headlines, newest first, each linked to its article's canonical page.
	 * Empty when the database fails, so the error page that follows can still render.
	 */
	public List<TickerLine> ticker() {
		try {
			return this.ticker.lines();
		}
		catch (DataAccessException ex) {
			logger.warn("Ticker left out of the page: " + ex.getMessage());
			return List.of();
		}
	}

	public List<SectionView> sections() {
		try {
			return this.articles.sections();
		}
		catch (DataAccessException ex) {
			logger.warn("Section links left out of the page: " + ex.getMessage());
			return List.of();
		}
	}

}
