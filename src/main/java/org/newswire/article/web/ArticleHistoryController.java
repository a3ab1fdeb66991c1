package org.newswire.article.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.newswire.PortalDates;
import org.newswire.article.ArticleException;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Paths;
import org.newswire.article.Stories;
import org.newswire.article.VersionView;
import org.newswire.photo.Photo;
import org.newswire.photo.Photos;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The version history readers see of a story: every writethru as it was published, and
 * what changed between any two of them.
 */
@Controller
@RequestMapping("/articles/{id}/{slug}")
class ArticleHistoryController {

	static final String VERSIONS_VIEW = "history/versions";

	static final String VERSION_VIEW = "history/version";

	static final String COMPARE_VIEW = "history/compare";

	static final String PROBLEM_VIEW = "history/problem";

	private final Stories articles;

	private final PortalDates times;

	private final Photos photos;

	ArticleHistoryController(Stories articles, PortalDates times, Photos photos) {
		this.articles = articles;
		this.times = times;
		this.photos = photos;
	}

	@GetMapping("/versions")
	ModelAndView versions(@PathVariable long id, @PathVariable String slug) {
		ArticleSummary story = this.articles.readable(id);
		if (!story.slug().equals(slug)) {
			return Redirects.permanent(Paths.versions(id, story.slug()));
		}
		if (story.held()) {
			return held(story);
		}
		List<VersionView> all = this.articles.versions(id);
		Map<Long, Photo> photos = this.photos
			.findAll(all.stream().map(VersionView::photoId).filter(Objects::nonNull).toList());
		List<HistoryVersion> versions = all.stream()
			.sorted(Comparator.comparingInt(VersionView::sequence).reversed())
			.map((version) -> HistoryVersion.of(story.slug(), version, this.times,
					(version.photoId() != null) ? photos.get(version.photoId()) : null))
			.toList();
		return new ModelAndView(VERSIONS_VIEW).addObject("story", HistoryStory.of(story, this.times))
			.addObject("versions", versions)
			.addObject("withPhotos", !photos.isEmpty());
	}

	@GetMapping("/versions/{sequence}")
	ModelAndView version(@PathVariable long id, @PathVariable String slug, @PathVariable int sequence) {
		ArticleSummary story = this.articles.readable(id);
		VersionView version = this.articles.version(id, sequence)
			.orElseThrow(() -> new ArticleException.NotFound(id, sequence));
		if (!story.slug().equals(slug)) {
			return Redirects.permanent(Paths.version(id, story.slug(), sequence));
		}
		if (story.held()) {
			return held(story);
		}
		return new ModelAndView(VERSION_VIEW).addObject("story", HistoryStory.of(story, this.times))
			.addObject("version", HistoryVersion.of(story.slug(), version, this.times, photo(version)));
	}

	@GetMapping("/compare")
	ModelAndView compare(@PathVariable long id, @PathVariable String slug,
			@RequestParam(name = "from", required = false) String fromText,
			@RequestParam(name = "to", required = false) String toText) {
		if (isBlank(fromText) || isBlank(toText)) {
			return problem(HttpStatus.BAD_REQUEST, "compareMissing");
		}
		int from;
		int to;
		try {
			from = Integer.parseInt(fromText.strip());
			to = Integer.parseInt(toText.strip());
		}
		catch (NumberFormatException ex) {
			return problem(HttpStatus.BAD_REQUEST, "compareNotNumbers");
		}
		if (from == to) {
			return problem(HttpStatus.BAD_REQUEST, "compareSame");
		}
		ArticleSummary story = this.articles.readable(id);
		int newest = story.current().sequence();
		if (Math.min(from, to) < 1 || Math.max(from, to) > newest) {
			return problem(HttpStatus.BAD_REQUEST, "compareRange", newest);
		}
		if (!story.slug().equals(slug)) {
			return Redirects.permanent(Paths.compare(id, story.slug(), from, to));
		}
		if (story.held()) {
			return held(story);
		}
		VersionView before = this.articles.version(id, from).orElseThrow(() -> new ArticleException.NotFound(id, from));
		VersionView after = this.articles.version(id, to).orElseThrow(() -> new ArticleException.NotFound(id, to));
		// The comparison shows the texts, not the photos: none is read.
		return new ModelAndView(COMPARE_VIEW).addObject("story", HistoryStory.of(story, this.times))
			.addObject("from", HistoryVersion.of(story.slug(), before, this.times, null))
			.addObject("to", HistoryVersion.of(story.slug(), after, this.times, null))
			.addObject("headlineDiff", WordDiff.text(before.headline(), after.headline()))
			.addObject("bodyDiff", WordDiff.paragraphs(before.paragraphs(), after.paragraphs()));
	}

	/**
	 * While a story is on hold its history shows the hold notice instead of any version:
	 * every version holds the text being checked, the ednotes and correction notes too.
	 * The versions page shows it, under the crumbs of the history.
	 */
	private ModelAndView held(ArticleSummary story) {
		return new ModelAndView(VERSIONS_VIEW).addObject("story", HistoryStory.of(story, this.times));
	}

	static ModelAndView problem(HttpStatus status, String problem) {
		return problem(status, problem, null);
	}

	/**
	 * A page explaining what went wrong; {@code argument} fills the explanation, such as
	 * the highest version there is.
	 */
	static ModelAndView problem(HttpStatus status, String problem, Object argument) {
		ModelAndView page = new ModelAndView(PROBLEM_VIEW, status);
		page.addObject("problem", problem).addObject("argument", argument);
		return page;
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	private Photo photo(VersionView version) {
		return (version.photoId() != null) ? this.photos.find(version.photoId()).orElse(null) : null;
	}

}
