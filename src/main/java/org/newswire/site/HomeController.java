package org.newswire.site;

import org.newswire.PortalDates;
import org.newswire.article.ArticleService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The front page: the latest stories from every section.
 */
@Controller
class HomeController {

	static final String VIEW = "home";

	static final int STORIES = 20;

	private final ArticleService articles;

	private final PortalDates dates;

	HomeController(ArticleService articles, PortalDates dates) {
		this.articles = articles;
		this.dates = dates;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("stories",
				this.articles.latest(null, null, STORIES).stream().map((s) -> StoryItem.of(s, this.dates)).toList());
		return VIEW;
	}

}
