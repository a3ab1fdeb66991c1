package org.newswire.desk;

import org.newswire.article.Urgency;
import org.newswire.ticker.Headline;
import org.newswire.ticker.TickerService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ticker changes made by hand on the desk, each audited in the same transaction.
 * Headlines that follow a writethru or a kill are audited with that writethru or kill
 * instead.
 */
@Service
class DeskTicker {

	private final TickerService ticker;

	private final AuditTrail audit;

	DeskTicker(TickerService ticker, AuditTrail audit) {
		this.ticker = ticker;
		this.audit = audit;
	}

	@Transactional
	Headline post(String text, Urgency urgency, Long articleId, String editor) {
		Headline headline = this.ticker.post(text, urgency, articleId, editor);
		this.audit.record(editor, AuditAction.HEADLINE_POSTED, articleId, headline.getId(), headline.getText());
		return headline;
	}

	@Transactional
	void withdraw(long headlineId, String editor) {
		Headline headline = this.ticker.find(headlineId)
			.filter((h) -> !h.isWithdrawn())
			.orElseThrow(() -> new HeadlineNotFoundException(headlineId));
		this.ticker.withdraw(headlineId, editor);
		this.audit.record(editor, AuditAction.HEADLINE_WITHDRAWN, headline.getArticleId(), headlineId,
				headline.getText());
	}

}
