package org.newswire.article.web;

import jakarta.servlet.http.HttpServletRequest;
import org.newswire.PortalDates;
import org.newswire.PublicOrigin;
import org.newswire.article.Stories;
import org.newswire.article.VersionView;
import org.newswire.photo.Photo;
import org.newswire.photo.Photos;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The reader's article page, always at its canonical URL {@code /articles/{id}/{slug}}.
 * The slug follows the current headline, so old links are redirected permanently rather
 * than answered twice.
 */
@Controller
class ArticlePageController {

	static final String VIEW = "article";

	private final Stories articles;

	private final PortalDates dates;

	private final ArticleMetadata metadata;

	private final PublicOrigin origin;

	private final Photos photos;

	ArticlePageController(Stories articles, PortalDates dates, ArticleMetadata metadata, PublicOrigin origin,
			Photos photos) {
		this.articles = articles;
		this.photos = photos;
		this.dates = dates;
		this.metadata = metadata;
		this.origin = origin;
	}

	/**
	 * A killed story answers 410 right here, at its number: its canonical URL spells the
	 * headline it was withdrawn with.
	 */
	@GetMapping("/articles/{id:\\d+}")
	ModelAndView shortLink(@PathVariable long id) {
		return Redirects.permanent(this.articles.readable(id).path());
	}

	@GetMapping("/articles/{id:\\d+}/{slug}")
	ModelAndView article(@PathVariable long id, @PathVariable String slug, HttpServletRequest request) {
		Stories.StoryWithCorrections story = this.articles.page(id);
		if (!story.story().slug().equals(slug)) {
			return Redirects.permanent(story.story().path());
		}
		// A version without a photo asks nothing more: the page stays one statement.
		VersionView current = story.story().current();
		Photo photo = (current.photoId() != null) ? this.photos.find(current.photoId()).orElse(null) : null;
		ArticlePage page = ArticlePage.of(story, photo, this.dates);
		ModelAndView view = new ModelAndView(VIEW);
		view.addObject("page", page);
		String origin = this.origin.of(request);
		String canonical = origin + page.path();
		view.addObject("metaCanonical", canonical);
		view.addObject("metaDescription", this.metadata.description(page));
		view.addObject("metaOpenGraph", this.metadata.openGraph(page, origin));
		view.addObject("metaTwitterCard", (page.photo() != null) ? "summary_large_image" : null);
		view.addObject("metaJsonLd", this.metadata.jsonLd(page, origin, canonical));
		view.addObject("metaStoryFeed", page.feedPath());
		return view;
	}

}
