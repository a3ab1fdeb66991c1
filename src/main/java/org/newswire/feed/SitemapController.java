package org.newswire.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.newswire.NewswireProperties;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Listings;
import org.newswire.article.Listings.IdBlock;
import org.newswire.article.Paths;
import org.newswire.article.SectionView;
import org.newswire.article.StoryCard;
import org.newswire.photo.Photo;
import org.newswire.photo.Photos;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * What search engines read: the sitemap index of every page, the Google News sitemap of
 * the last two days, and {@code robots.txt} pointing at both.
 */
@Controller
class SitemapController {

	/** Google News takes articles of the last two days, at most 1,000 per sitemap. */
	static final Duration NEWS_WINDOW = Duration.ofDays(2);

	static final int MAX_NEWS_URLS = 1_000;

	static final String SECTIONS_PATH = "/sitemaps/sections.xml";

	private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

	private final Listings articles;

	private final Photos photos;

	private final Links links;

	private final Clock clock;

	private final String publication;

	/** Articles per sitemap: ids 1 to this in the first, and so on. */
	private final int maxUrls;

	SitemapController(Listings articles, Links links, Clock clock, NewswireProperties properties, Photos photos) {
		this.articles = articles;
		this.photos = photos;
		this.links = links;
		this.clock = clock;
		this.publication = properties.publicationName();
		this.maxUrls = properties.sitemap().maxUrls();
	}

	/**
	 * The sitemap index: the home and section pages in one sitemap, then the articles in
	 * sitemaps of at most {@code maxUrls} consecutive ids. A sitemap keeps its articles
	 * as the archive grows, so a crawler only fetches again the ones whose
	 * {@code lastmod} moved.
	 */
	@GetMapping("/sitemap.xml")
	ResponseEntity<String> index() {
		List<SitemapWriter.Url> sitemaps = new ArrayList<>();
		sitemaps.add(new SitemapWriter.Url(this.links.absolute(SECTIONS_PATH), newest(null), null));
		for (IdBlock block : this.articles.blocks(this.maxUrls)) {
			if (block.visible() > 0) {
				sitemaps
					.add(new SitemapWriter.Url(this.links.absolute(articlesPath(block)), block.lastModified(), null));
			}
		}
		return xml(SitemapWriter.writeIndex(sitemaps));
	}

	@GetMapping(SECTIONS_PATH)
	ResponseEntity<String> sections() {
		List<SitemapWriter.Url> urls = new ArrayList<>();
		urls.add(new SitemapWriter.Url(this.links.absolute("/"), newest(null), null));
		for (SectionView section : this.articles.sections()) {
			urls.add(new SitemapWriter.Url(this.links.absolute(Paths.section(section.code())), newest(section.code()),
					null));
		}
		return xml(SitemapWriter.write(urls));
	}

	/**
	 * One sitemap of articles, read along the primary key from the first id of its block.
	 * The page cache drops it with every change to the wire, but its entity tag is a
	 * digest of its body, so it moves only when one of its own articles does.
	 */
	@GetMapping("/sitemaps/articles-{number:[0-9]+}.xml")
	ResponseEntity<String> articles(@PathVariable String number) {
		long position = (number.length() <= 9) ? Long.parseLong(number) : 0;
		long first = (position - 1) * this.maxUrls + 1;
		IdBlock block = (position > 0) ? this.articles.block(first, first + this.maxUrls - 1) : null;
		if (block == null || block.visible() == 0) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return xml(SitemapWriter.write(this.articles.links(block)
			.stream()
			.map((link) -> new SitemapWriter.Url(this.links.absolute(link.path()), link.updatedAt(), null))
			.toList()));
	}

	private Instant newest(String sectionCode) {
		return this.articles.latest(sectionCode, null, 1).stream().findFirst().map(StoryCard::updatedAt).orElse(null);
	}

	private static ResponseEntity<String> xml(String body) {
		return ResponseEntity.ok().contentType(XML).body(body);
	}

	private String articlesPath(IdBlock block) {
		return "/sitemaps/articles-" + ((block.firstId() - 1) / this.maxUrls + 1) + ".xml";
	}

	@GetMapping("/sitemap-news.xml")
	ResponseEntity<String> news() {
		// The page cache keeps it an hour at most, as stories leave the window
		// (FeedPages).
		return xml(SitemapWriter.write(newsPages(this.clock.instant().minus(NEWS_WINDOW))));
	}

	/**
	 * The stories of the window, each with its lead photo (its widest JPEG) in Google's
	 * image extension. Only here: the article sitemaps are read as bare links, up to
	 * {@code maxUrls} stories each, too many to look up photos for after every change,
	 * and the news sitemap holds the fresh stories that search engines fetch most.
	 */
	private List<SitemapWriter.Url> newsPages(Instant since) {
		List<ArticleSummary> stories = this.articles.firstPublishedSince(since, MAX_NEWS_URLS);
		Map<Long, Photo> photos = this.photos.leads(stories, ArticleSummary::id, (story) -> story.current().photoId());
		return stories.stream()
			.map((story) -> new SitemapWriter.Url(this.links.absolute(story.path()), story.updatedAt(),
					new SitemapWriter.News(this.publication, story.language(), story.firstPublishedAt(),
							story.current().labelledHeadline()),
					image(photos.get(story.id()))))
			.toList();
	}

	private String image(Photo photo) {
		return (photo != null) ? this.links.absolute(photo.atLeast("jpg", Integer.MAX_VALUE).url()) : null;
	}

	@GetMapping("/robots.txt")
	ResponseEntity<String> robots() {
		String robots = """
				User-agent: *
				Disallow: /desk/
				Sitemap: %s
				Sitemap: %s
				""".formatted(this.links.absolute("/sitemap.xml"), this.links.absolute("/sitemap-news.xml"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.body(robots);
	}

}
