package org.newswire.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.newswire.NewswireProperties;
import org.newswire.PortalDates;
import org.newswire.PublicOrigin;
import org.newswire.article.Listings;
import org.newswire.article.Listings.Cursor;
import org.newswire.article.Paths;
import org.newswire.article.SectionView;
import org.newswire.article.StoryCard;
import org.newswire.photo.Photo;
import org.newswire.photo.Photos;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The story listings: the front page with the latest stories from every section, and a
 * section's stories, newest first, a page at a time. "Older stories" carries the position
 * of the last story shown (keyset pagination), so a page never repeats or skips a story
 * when new ones arrive meanwhile.
 */
@Controller
class ListingController {

	static final String HOME_VIEW = "home";

	static final String SECTION_VIEW = "section";

	static final int HOME_STORIES = 20;

	static final int PAGE_SIZE = 20;

	private final Listings articles;

	private final PortalDates dates;

	private final MessageSource messages;

	private final PublicOrigin origin;

	private final String publication;

	private final Photos photos;

	ListingController(Listings articles, PortalDates dates, MessageSource messages, PublicOrigin origin,
			NewswireProperties properties, Photos photos) {
		this.articles = articles;
		this.photos = photos;
		this.dates = dates;
		this.messages = messages;
		this.origin = origin;
		this.publication = properties.publicationName();
	}

	@GetMapping("/")
	String home(HttpServletRequest request, Locale locale, Model model) {
		list(this.articles.latest(null, null, HOME_STORIES),
				this.messages.getMessage("home.description", new Object[] { this.publication }, locale), "/", request,
				model);
		return HOME_VIEW;
	}

	@GetMapping("/sections/{code}")
	String section(@PathVariable String code, @RequestParam(required = false) String before, HttpServletRequest request,
			Locale locale, Model model) {
		SectionView section = this.articles.section(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No section " + code));
		// One more than a page tells whether an older page exists without counting.
		List<StoryCard> stories = this.articles.latest(code, position(before), PAGE_SIZE + 1);
		boolean older = stories.size() > PAGE_SIZE;
		List<StoryCard> shown = older ? stories.subList(0, PAGE_SIZE) : stories;
		model.addAttribute("section", section);
		model.addAttribute("sectionPath", Paths.section(code));
		model.addAttribute("olderCursor", older ? Cursor.after(shown.get(PAGE_SIZE - 1)).toString() : null);
		model.addAttribute("paged", before != null);
		// An older page is a page of its own, not a copy of the first.
		String canonical = Paths.section(code)
				+ ((before != null) ? "?before=" + URLEncoder.encode(before, StandardCharsets.UTF_8) : "");
		list(shown, this.messages.getMessage("section.description", new Object[] { section.name(), this.publication },
				locale), canonical, request, model);
		return SECTION_VIEW;
	}

	private void list(List<StoryCard> stories, String description, String canonicalPath, HttpServletRequest request,
			Model model) {
		Map<Long, Photo> photos = this.photos.leads(stories, StoryCard::id, StoryCard::photoId);
		model.addAttribute("stories",
				stories.stream().map((s) -> StoryItem.of(s, photos.get(s.id()), this.dates)).toList());
		model.addAttribute("metaDescription", description);
		model.addAttribute("metaCanonical", this.origin.of(request) + canonicalPath);
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
