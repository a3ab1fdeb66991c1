package org.newswire.desk;

import java.util.List;

import org.newswire.article.ArticleSummary;
import org.newswire.article.EditorialListing;
import org.newswire.article.Listings;
import org.newswire.article.Listings.Cursor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Desk home: every article, killed ones too, most recently updated first.
 */
@Controller
class DeskHomeController {

	static final String VIEW = "desk/home";

	static final int PAGE_SIZE = 25;

	private final EditorialListing listing;

	private final Listings listings;

	DeskHomeController(EditorialListing listing, Listings listings) {
		this.listing = listing;
		this.listings = listings;
	}

	@GetMapping("/desk")
	String home(@RequestParam(required = false) String section, @RequestParam(required = false) String q,
			@RequestParam(required = false) String before, Model model) {
		String sectionCode = (section == null || section.isBlank()) ? null : section;
		if (sectionCode != null && this.listings.section(sectionCode).isEmpty()) {
			throw new BadDeskRequestException("Unknown section");
		}
		if (q != null && q.length() > FormLimits.SEARCH) {
			throw new BadDeskRequestException("Search text too long");
		}
		Cursor cursor = null;
		if (before != null && !before.isBlank()) {
			try {
				cursor = Cursor.parse(before);
			}
			catch (IllegalArgumentException ex) {
				throw new BadDeskRequestException("Bad listing position");
			}
		}
		List<ArticleSummary> rows = this.listing.page(sectionCode, q, cursor, PAGE_SIZE + 1);
		boolean more = rows.size() > PAGE_SIZE;
		List<ArticleSummary> page = more ? rows.subList(0, PAGE_SIZE) : rows;
		model.addAttribute("articles", page.stream().map(DeskStory::of).toList());
		model.addAttribute("next", more ? Cursor.after(page.get(PAGE_SIZE - 1)).toString() : null);
		model.addAttribute("sections", this.listings.sections());
		model.addAttribute("section", sectionCode);
		model.addAttribute("q", q);
		return VIEW;
	}

}
