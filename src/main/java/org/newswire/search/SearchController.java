package org.newswire.search;

import org.apache.lucene.search.IndexSearcher;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Full-text search over the current versions of all visible stories.
 */
@Controller
class SearchController {

	static final String VIEW = "search";

	static final int MAX_QUERY_LENGTH = 200;

	private final ArticleIndex index;

	SearchController(ArticleIndex index) {
		this.index = index;
	}

	@GetMapping("/search")
	ModelAndView search(@RequestParam(name = "q", required = false) String q,
			@RequestParam(name = "page", required = false) String pageText) {
		String query = (q != null) ? q.strip() : "";
		ModelAndView page = new ModelAndView(VIEW).addObject("q", query).addObject("maxQueryLength", MAX_QUERY_LENGTH);
		if (query.length() > MAX_QUERY_LENGTH) {
			return problem(page, "tooLong", MAX_QUERY_LENGTH);
		}
		int number = pageNumber(pageText);
		if (number < 1 || number > ArticleIndex.MAX_PAGES) {
			return problem(page, "badPage", ArticleIndex.MAX_PAGES);
		}
		if (query.isEmpty()) {
			return page;
		}
		try {
			return page.addObject("results", this.index.search(query, number));
		}
		catch (IndexSearcher.TooManyClauses ex) {
			return problem(page, "tooLong", MAX_QUERY_LENGTH);
		}
	}

	private static int pageNumber(String text) {
		if (text == null || text.isBlank()) {
			return 1;
		}
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static ModelAndView problem(ModelAndView page, String problem, int limit) {
		page.setStatus(HttpStatus.BAD_REQUEST);
		return page.addObject("problem", problem).addObject("limit", limit);
	}

}
