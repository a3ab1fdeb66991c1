package org.newswire.site;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.newswire.article.Listings;
import org.newswire.article.SectionView;
import org.newswire.ticker.TickerLine;
import org.newswire.ticker.TickerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.IContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.context.WebContext;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * What the layout shows around every page: the ticker, the section links and the parts
 * that never change while the portal runs. The layout asks this bean itself
 * ({@code @siteChrome}) instead of each controller putting it in its model, so every page
 * has it, error pages and other modules' pages included, and nothing is queried for
 * responses that render no page (feeds, JSON, streams).
 */
@Component("siteChrome")
class SiteChrome {

	static final String TEMPLATE = "fragments/chrome";

	private static final Logger logger = LoggerFactory.getLogger(SiteChrome.class);

	private final TickerService ticker;

	private final Listings articles;

	private final ITemplateEngine templates;

	private final ConcurrentMap<Part, String> parts = new ConcurrentHashMap<>();

	SiteChrome(TickerService ticker, Listings articles, ITemplateEngine templates) {
		this.ticker = ticker;
		this.articles = articles;
		this.templates = templates;
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
			logger.warn("Ticker left out of the page: {}", ex.getMessage());
			return List.of();
		}
	}

	public List<SectionView> sections() {
		return readSections().orElse(List.of());
	}

	/**
	 * The parts of {@value #TEMPLATE} for the page being rendered ({@code #ctx}).
	 */
	public PageChrome of(IContext page) {
		if (!(page instanceof IWebContext web)) {
			throw new IllegalArgumentException("The page chrome links static files as the response encodes them: "
					+ "it renders within a web request only");
		}
		return new PageChrome(web);
	}

	private String part(IWebContext page, String name) {
		Part part = new Part(page.getLocale(), name);
		String markup = this.parts.get(part);
		if (markup != null) {
			return markup;
		}
		Optional<List<SectionView>> sections = readSections();
		WebContext context = new WebContext(page.getExchange(), part.locale(),
				Map.of("sections", sections.orElse(List.of())));
		markup = this.templates.process(TEMPLATE, Set.of(name), context).strip();
		if (sections.isPresent()) {
			this.parts.putIfAbsent(part, markup);
		}
		return markup;
	}

	private Optional<List<SectionView>> readSections() {
		try {
			return Optional.of(this.articles.sections());
		}
		catch (DataAccessException ex) {
			logger.warn("Section links left out of the page: {}", ex.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * The chrome as one page asks for it. Each part is markup that is the same on every
	 * page: its messages, section links and static-file links (their content-hashed URLs
	 * come from the response, through {@link AssetUrlEncodingFilter}) cost a good share
	 * of a page rendered in full, and none of them changes while the portal runs. So a
	 * part is rendered once per locale, within the request of the first page that asks
	 * for it, and kept. A part rendered while the sections could not be read (the
	 * database down, an error page) lacks the section links: it serves that page only.
	 */
	public final class PageChrome {

		private final IWebContext page;

		private PageChrome(IWebContext page) {
			this.page = page;
		}

		/**
		 * @param name a fragment of {@value SiteChrome#TEMPLATE}
		 */
		public String part(String name) {
			return SiteChrome.this.part(this.page, name);
		}

	}

	private record Part(Locale locale, String name) {
	}

}
