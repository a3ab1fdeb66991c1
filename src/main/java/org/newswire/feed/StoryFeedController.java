package org.newswire.feed;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

import org.newswire.NewswireProperties;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Paths;
import org.newswire.article.Stories;
import org.newswire.article.VersionView;

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
		ArticleSummary story = this.articles.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No article " + id));
		String self = Paths.feed(id, story.slug());
		if (!story.slug().equals(slug)) {
			return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create(self)).build();
		}
		String feedId = Links.feedUri("article:" + id);
		if (story.killed()) {
			FeedWriter.Meta meta = meta(story, this.publication + ": story withdrawn", self);
			return ResponseEntity.status(HttpStatus.GONE)
				.contentType(ATOM)
				.body(FeedWriter.killed(meta, feedId, story));
		}
		List<FeedWriter.Version> versions = this.articles.versions(id)
			.stream()
			.sorted(Comparator.comparingInt(VersionView::sequence).reversed())
			.map((version) -> version(story, version))
			.toList();
		FeedWriter.Meta meta = meta(story, this.publication + ": " + story.current().labelledHeadline(), self);
		return ResponseEntity.ok().contentType(ATOM).body(FeedWriter.story(meta, feedId, story, versions));
	}

	private FeedWriter.Version version(ArticleSummary story, VersionView version) {
		int sequence = version.sequence();
		String compare = (sequence > 1)
				? this.links.absolute(Paths.compare(story.id(), story.slug(), sequence - 1, sequence)) : null;
		return new FeedWriter.Version(version, this.links.absolute(Paths.version(story.id(), story.slug(), sequence)),
				compare);
	}

	private FeedWriter.Meta meta(ArticleSummary story, String title, String self) {
		return new FeedWriter.Meta(title, "Every version of this story from " + this.publication, story.language(),
				this.publication, this.links.absolute(story.path()), this.links.absolute(self), story.updatedAt());
	}

}
