package org.newswire.site;

import java.nio.charset.StandardCharsets;

import org.newswire.change.ChangeKind;
import org.newswire.change.ChangeObserved;
import org.newswire.pagecache.LiveFragment;
import org.newswire.ticker.TickerMarkup;

import org.springframework.stereotype.Component;

/**
 * The ticker's items as every cached page carries them, rendered once per ticker change
 * from the same template fragment pages render inline.
 */
@Component
class TickerFragment implements LiveFragment {

	private final TickerMarkup markup;

	private final SiteChrome chrome;

	TickerFragment(TickerMarkup markup, SiteChrome chrome) {
		this.markup = markup;
		this.chrome = chrome;
	}

	@Override
	public byte[] render() {
		return this.markup.render(this.chrome.ticker()).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public boolean changedBy(ChangeObserved change) {
		return change.has(ChangeKind.TICKER);
	}

}
