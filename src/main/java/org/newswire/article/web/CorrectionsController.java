package org.newswire.article.web;

import java.util.List;

import org.newswire.PortalDates;
import org.newswire.article.Stories;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every correction published, newest first, so readers can see what the wire got wrong
 * and put right.
 */
@Controller
class CorrectionsController {

	static final String VIEW = "corrections";

	static final int PAGE_SIZE = 25;

	/**
	 * Pages are cut from one newest-first query, so how deep a reader may page is
	 * bounded.
	 */
	static final int MAX_PAGES = 40;

	private final Stories articles;

	private final PortalDates times;

	CorrectionsController(Stories articles, PortalDates times) {
		this.articles = articles;
		this.times = times;
	}

	@GetMapping("/corrections")
	ModelAndView corrections(@RequestParam(name = "page", required = false) String pageText) {
		int page;
		try {
			page = (pageText == null || pageText.isBlank()) ? 1 : Integer.parseInt(pageText.strip());
		}
		catch (NumberFormatException ex) {
			page = 0;
		}
		if (page < 1 || page > MAX_PAGES) {
			return ArticleHistoryController.problem(HttpStatus.BAD_REQUEST, "correctionsPage", MAX_PAGES);
		}
		List<Stories.Correction> newestFirst = this.articles.corrections(page * PAGE_SIZE + 1);
		int from = Math.min((page - 1) * PAGE_SIZE, newestFirst.size());
		int to = Math.min(page * PAGE_SIZE, newestFirst.size());
		List<CorrectionItem> shown = newestFirst.subList(from, to)
			.stream()
			.map((correction) -> CorrectionItem.of(correction, this.times))
			.toList();
		return new ModelAndView(VIEW).addObject("corrections", shown)
			.addObject("page", page)
			.addObject("olderPage", (newestFirst.size() > to && page < MAX_PAGES) ? page + 1 : null)
			.addObject("newerPage", (page > 1) ? page - 1 : null);
	}

}
