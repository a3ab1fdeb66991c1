package org.newswire.desk;

import org.newswire.article.Urgency;
import org.newswire.ticker.Headline;
import org.newswire.ticker.TickerService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ticker changes made by hand on the desk, each announced in its transaction
 * ({@link HeadlinePosted}, {@link HeadlineWithdrawn}), so the audit log records it with
 * the change.
 */
@Service
class DeskTicker {

	private final TickerService ticker;

	private final ApplicationEventPublisher events;

	DeskTicker(TickerService ticker, ApplicationEventPublisher events) {
		this.ticker = ticker;
		this.events = events;
	}

	@Transactional
	Headline post(String text, Urgency urgency, Long articleId, String editor) {
		Headline headline = this.ticker.post(text, urgency, articleId, editor);
		this.events.publishEvent(new HeadlinePosted(headline.getId(), articleId, headline.getText(), editor));
		return headline;
	}

	@Transactional
	void withdraw(long headlineId, String editor) {
		Headline headline = this.ticker.find(headlineId)
			.filter((h) -> !h.isWithdrawn())
			.orElseThrow(() -> new HeadlineNotFoundException(headlineId));
		this.ticker.withdraw(headlineId, editor);
		this.events
			.publishEvent(new HeadlineWithdrawn(headlineId, headline.getArticleId(), headline.getText(), editor));
	}

}
