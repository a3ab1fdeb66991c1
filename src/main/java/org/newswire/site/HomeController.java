package org.newswire.site;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.newswire.NewswireProperties;
import org.newswire.PortalDates;
import org.newswire.PublicOrigin;
import org.newswire.article.ArticleService;

import org.springframework.context.MessageSource;
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

	private final MessageSource messages;

	private final PublicOrigin origin;

	private final String publication;

	HomeController(ArticleService articles, PortalDates dates, MessageSource messages, PublicOrigin origin,
			NewswireProperties properties) {
		this.articles = articles;
		this.dates = dates;
		this.messages = messages;
		this.origin = origin;
		this.publication = properties.publicationName();
	}

	@GetMapping("/")
	String home(HttpServletRequest request, Locale locale, Model model) {
		model.addAttribute("stories",
				this.articles.latest(null, null, STORIES).stream().map((s) -> StoryItem.of(s, this.dates)).toList());
		model.addAttribute("metaDescription",
				this.messages.getMessage("home.description", new Object[] { this.publication }, locale));
		model.addAttribute("metaCanonical", this.origin.of(request) + "/");
		return VIEW;
	}

}
