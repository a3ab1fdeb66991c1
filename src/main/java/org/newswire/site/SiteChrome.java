package org.newswire.site;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.newswire.article.ArticleService;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Section;
import org.newswire.ticker.Headline;
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
	public List<TickerItem> ticker() {
		try {
			List<Headline> headlines = this.ticker.latest();
			List<Long> articleIds = headlines.stream().map(Headline::getArticleId).filter(Objects::nonNull).toList();
			Map<Long, String> paths = this.articles.current(articleIds)
				.stream()
				.collect(Collectors.toMap((summary) -> summary.article().getId(), ArticleSummary::path));
			return headlines.stream()
				.map((headline) -> TickerItem.of(headline,
						(headline.getArticleId() != null) ? paths.get(headline.getArticleId()) : null))
				.toList();
		}
		catch (DataAccessException ex) {
			logger.warn("Ticker left out of the page: " + ex.getMessage());
			return List.of();
		}
	}

	public List<Section> sections() {
		try {
			return this.articles.sections();
		}
		catch (DataAccessException ex) {
			logger.warn("Section links left out of the page: " + ex.getMessage());
			return List.of();
		}
	}

}
