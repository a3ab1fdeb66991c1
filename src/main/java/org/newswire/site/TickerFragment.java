package org.newswire.site;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.newswire.change.ChangeKind;
import org.newswire.change.ChangeObserved;
import org.newswire.pagecache.LiveFragment;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * The ticker's items as every cached page carries them, rendered once per ticker change
 * from the same template fragment pages render inline.
 */
@Component
class TickerFragment implements LiveFragment {

	static final String TEMPLATE = "fragments/ticker";

	private final ITemplateEngine templates;

	private final SiteChrome chrome;

	TickerFragment(ITemplateEngine templates, SiteChrome chrome) {
		this.templates = templates;
		this.chrome = chrome;
	}

	@Override
	public byte[] render() {
		Context context = new Context(Locale.ENGLISH, Map.of("tickerLines", this.chrome.ticker()));
		return this.templates.process(TEMPLATE, Set.of("ticker-items"), context).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public boolean changedBy(ChangeObserved change) {
		return change.has(ChangeKind.TICKER);
	}

}
