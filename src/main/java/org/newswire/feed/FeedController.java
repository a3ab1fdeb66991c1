package org.newswire.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.newswire.NewswireProperties;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Listings;
import org.newswire.article.Paths;
import org.newswire.article.SectionView;
import org.newswire.photo.Photo;
import org.newswire.photo.Photos;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * RSS 2.0 and Atom 1.0 feeds of the latest stories, for the whole wire and per section.
 */
@Controller
class FeedController {

	/** How many stories a feed carries. */
	static final int SIZE = 50;

	private static final String LANGUAGE = "en";

	private final Listings articles;

	private final Links links;

	private final String publication;

	private final Photos photos;

	FeedController(Listings articles, Links links, NewswireProperties properties, Photos photos) {
		this.articles = articles;
		this.photos = photos;
		this.links = links;
		this.publication = properties.publicationName();
	}

	@GetMapping("/feeds/rss.xml")
	ResponseEntity<String> rss() {
		return feed(this.links.origin(), Format.RSS, null);
	}

	@GetMapping("/feeds/atom.xml")
	ResponseEntity<String> atom() {
		return feed(this.links.origin(), Format.ATOM, null);
	}

	@GetMapping("/feeds/sections/{section}/rss.xml")
	ResponseEntity<String> sectionRss(@PathVariable String section) {
		return feed(this.links.origin(), Format.RSS, section(section));
	}

	@GetMapping("/feeds/sections/{section}/atom.xml")
	ResponseEntity<String> sectionAtom(@PathVariable String section) {
		return feed(this.links.origin(), Format.ATOM, section(section));
	}

	/**
	 * A feed with its links starting from {@code origin}, as a request answers it and as
	 * the WebSub hub distributes it.
	 * @param section the section, {@code null} for the whole wire
	 */
	ResponseEntity<String> feed(String origin, Format format, SectionView section) {
		String name = (section != null) ? "sections:" + section.code() : "all";
		String self = origin + ((section != null) ? "/feeds/sections/" + section.code() : "/feeds") + "/" + format.file;
		// The page cache renders a feed once per change and answers conditional requests
		// (FeedPages).
		List<FeedWriter.Story> stories = stories(origin, section);
		FeedWriter.Meta meta = meta(origin, section, self,
				stories.isEmpty() ? Instant.EPOCH : stories.get(0).summary().updatedAt());
		return ResponseEntity.ok()
			.contentType(format.type)
			.header(HttpHeaders.LINK, Links.header(origin, self))
			.body((format == Format.RSS) ? FeedWriter.rss(meta, stories)
					: FeedWriter.atom(meta, Links.feedUri(name), stories));
	}

	enum Format {

		RSS("rss.xml", MediaType.parseMediaType("application/rss+xml;charset=UTF-8")),

		ATOM("atom.xml", MediaType.parseMediaType("application/atom+xml;charset=UTF-8"));

		final String file;

		private final MediaType type;

		Format(String file, MediaType type) {
			this.file = file;
			this.type = type;
		}

	}

	private SectionView section(String code) {
		return this.articles.section(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No section " + code));
	}

	/** The section of that code, if there is one. */
	Optional<SectionView> findSection(String code) {
		return this.articles.section(code);
	}

	private List<FeedWriter.Story> stories(String origin, SectionView section) {
		List<ArticleSummary> latest = this.articles.latestWithText((section != null) ? section.code() : null, null,
				SIZE);
		Map<Long, Photo> photos = this.photos.leads(latest, ArticleSummary::id, (story) -> story.current().photoId());
		return latest.stream()
			.map((story) -> new FeedWriter.Story(story, origin + story.path(), photos.get(story.id()), origin))
			.toList();
	}

	private FeedWriter.Meta meta(String origin, SectionView section, String self, Instant updated) {
		String title = (section != null) ? this.publication + ": " + section.name() : this.publication;
		String about = (section != null) ? section.name() + " stories" : "Stories";
		String page = (section != null) ? Paths.section(section.code()) : "/";
		return new FeedWriter.Meta(title, about + " from " + this.publication + ", updated with every writethru",
				LANGUAGE, this.publication, origin + page, self, origin + FeedDocuments.HUB_PATH, updated);
	}

}
