package org.newswire.site;

import java.util.List;

import org.newswire.article.ArticleService;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Cursor;
import org.newswire.article.Paths;
import org.newswire.article.PortalDates;
import org.newswire.article.SectionView;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A section's stories, newest first, a page at a time. "Older stories" carries the
 * position of the last story shown (keyset pagination), so a page never repeats or skips
 * a story when new ones arrive meanwhile.
 */
@Controller
class SectionController {

	static final String VIEW = "section";

	static final int PAGE_SIZE = 20;

	private final ArticleService articles;

	private final PortalDates dates;

	SectionController(ArticleService articles, PortalDates dates) {
		this.articles = articles;
		this.dates = dates;
	}

	@GetMapping("/sections/{code}")
	String section(@PathVariable String code, @RequestParam(required = false) String before, Model model) {
		SectionView section = this.articles.section(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No section " + code));
		// One more than a page tells whether an older page exists without counting.
		List<ArticleSummary> stories = this.articles.latest(code, position(before), PAGE_SIZE + 1);
		boolean older = stories.size() > PAGE_SIZE;
		List<ArticleSummary> shown = older ? stories.subList(0, PAGE_SIZE) : stories;
		model.addAttribute("section", section);
		model.addAttribute("sectionPath", Paths.section(code));
		model.addAttribute("stories", shown.stream().map((s) -> StoryItem.of(s, this.dates)).toList());
		model.addAttribute("olderCursor", older ? Cursor.after(shown.get(PAGE_SIZE - 1)).toString() : null);
		model.addAttribute("paged", before != null);
		return VIEW;
	}

	private static Cursor position(String before) {
		if (before == null) {
			return null;
		}
		try {
			return Cursor.parse(before);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Malformed listing position", ex);
		}
	}

}
