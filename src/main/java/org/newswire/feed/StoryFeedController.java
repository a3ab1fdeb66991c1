package org.newswire.feed;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.newswire.NewswireProperties;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Paths;
import org.newswire.article.Stories;
import org.newswire.article.VersionView;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The Atom feed that follows one story, {@code /articles/{id}/{slug}/atom.xml}: an entry
 * per version, newest first. Like the article page it lives at one URL (an old slug is
 * redirected permanently) and a killed story's feed answers 410 Gone, its body a feed
 * whose one entry is the kill notice, so a reader that still reads it learns why.
 */
@Controller
class StoryFeedController {

	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private final Stories articles;

	private final Links links;

	private final String publication;

	StoryFeedController(Stories articles, Links links, NewswireProperties properties) {
		this.articles = articles;
		this.links = links;
		this.publication = properties.publicationName();
	}

	/**
	 * Answered through the page cache, which renders it once per change of the story and
	 * answers conditional requests (FeedPages).
	 */
	@GetMapping("/articles/{id:\\d+}/{slug}/atom.xml")
	ResponseEntity<String> story(@PathVariable long id, @PathVariable String slug) {
		ArticleSummary story = find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No article " + id));
		if (!story.slug().equals(slug)) {
			return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
				.location(URI.create(Paths.feed(id, story.slug())))
				.build();
		}
		return feed(this.links.origin(), story);
	}

	Optional<ArticleSummary> find(long id) {
		return this.articles.find(id);
	}

	/**
	 * The story's feed at its current slug, with its links starting from {@code origin},
	 * as a request answers it and as the WebSub hub distributes it.
	 */
	ResponseEntity<String> feed(String origin, ArticleSummary story) {
		long id = story.id();
		String self = origin + Paths.feed(id, story.slug());
		String feedId = Links.feedUri("article:" + id);
		if (story.killed()) {
			FeedWriter.Meta meta = meta(origin, story, this.publication + ": story withdrawn", self);
			return ResponseEntity.status(HttpStatus.GONE)
				.contentType(ATOM)
				.header(HttpHeaders.LINK, Links.header(origin, self))
				.body(FeedWriter.killed(meta, feedId, story));
		}
		List<FeedWriter.Version> versions = this.articles.versions(id)
			.stream()
			.sorted(Comparator.comparingInt(VersionView::sequence).reversed())
			.map((version) -> version(origin, story, version))
			.toList();
		FeedWriter.Meta meta = meta(origin, story, this.publication + ": " + story.current().labelledHeadline(), self);
		return ResponseEntity.ok()
			.contentType(ATOM)
			.header(HttpHeaders.LINK, Links.header(origin, self))
			.body(FeedWriter.story(meta, feedId, story, versions));
	}

	private FeedWriter.Version version(String origin, ArticleSummary story, VersionView version) {
		int sequence = version.sequence();
		String compare = (sequence > 1) ? origin + Paths.compare(story.id(), story.slug(), sequence - 1, sequence)
				: null;
		return new FeedWriter.Version(version, origin + Paths.version(story.id(), story.slug(), sequence), compare);
	}

	private FeedWriter.Meta meta(String origin, ArticleSummary story, String title, String self) {
		return new FeedWriter.Meta(title, "Every version of this story from " + this.publication, story.language(),
				this.publication, origin + story.path(), self, origin + FeedDocuments.HUB_PATH, story.updatedAt());
	}

}
