package org.newswire.ticker;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * The ticker's items as HTML, from {@value #TEMPLATE}, the one fragment that renders a
 * ticker line: pages render it inline, and this renders it for the pages the cache keeps
 * and for the live stream, whose script swaps the items in. Thymeleaf escapes every text
 * and attribute, so the markup is as safe in the stream as in the page.
 */
@Component
public class TickerMarkup {

	/** The template whose {@value #FRAGMENT} fragment renders the items. */
	static final String TEMPLATE = "fragments/ticker";

	static final String FRAGMENT = "ticker-items";

	private final ITemplateEngine templates;

	TickerMarkup(ITemplateEngine templates) {
		this.templates = templates;
	}

	/**
	 * The {@code
	 *
	<li>} items of the given lines, in order.
	 */
	public String render(List<TickerLine> lines) {
		Context context = new Context(Locale.ENGLISH, Map.of("tickerLines", lines));
		return this.templates.process(TEMPLATE, Set.of(FRAGMENT), context);
	}

}
