package org.newswire.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.newswire.article.ArticleService;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Cursor;
import org.newswire.article.Paths;
import org.newswire.article.SectionView;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What search engines read: the sitemap of every page, the Google News sitemap of the
 * last two days, and {@code robots.txt} pointing at both.
 */
@Controller
class SitemapController {

	/** The sitemaps.org limit of URLs in one sitemap. */
	static final int MAX_URLS = 50_000;

	/** Google News takes articles of the last two days, at most 1,000 per sitemap. */
	static final Duration NEWS_WINDOW = Duration.ofDays(2);

	static final int MAX_NEWS_URLS = 1_000;

	private static final int PAGE = 1_000;

	private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

	private final ArticleService articles;

	private final Links links;

	private final Clock clock;

	private final String publication;

	SitemapController(ArticleService articles, Links links, Clock clock,
			@Value("${newswire.publication-name}") String publication) {
		this.articles = articles;
		this.links = links;
		this.clock = clock;
		this.publication = publication;
	}

	@GetMapping("/sitemap.xml")
	ResponseEntity<String> sitemap() {
		return ResponseEntity.ok().contentType(XML).body(SitemapWriter.write(pages()));
	}

	private List<SitemapWriter.Url> pages() {
		List<SitemapWriter.Url> urls = new ArrayList<>();
		Instant newest = this.articles.latest(null, null, 1)
			.stream()
			.findFirst()
			.map((story) -> story.updatedAt())
			.orElse(null);
		urls.add(new SitemapWriter.Url(this.links.absolute("/"), newest, null));
		for (SectionView section : this.articles.sections()) {
			Instant newestInSection = this.articles.latest(section.code(), null, 1)
				.stream()
				.findFirst()
				.map((story) -> story.updatedAt())
				.orElse(null);
			urls.add(new SitemapWriter.Url(this.links.absolute(Paths.section(section.code())), newestInSection, null));
		}
		Cursor cursor = null;
		List<ArticleSummary> page;
		do {
			page = this.articles.latest(null, cursor, Math.min(PAGE, MAX_URLS - urls.size()));
			for (ArticleSummary story : page) {
				urls.add(new SitemapWriter.Url(this.links.absolute(story.path()), story.updatedAt(), null));
			}
			cursor = page.isEmpty() ? null : Cursor.after(page.get(page.size() - 1));
		}
		while (page.size() == PAGE && urls.size() < MAX_URLS);
		return urls;
	}

	@GetMapping("/sitemap-news.xml")
	ResponseEntity<String> news() {
		// The page cache keeps it an hour at most, as stories leave the window
		// (FeedPages).
		return ResponseEntity.ok()
			.contentType(XML)
			.body(SitemapWriter.write(newsPages(this.clock.instant().minus(NEWS_WINDOW))));
	}

	private List<SitemapWriter.Url> newsPages(Instant since) {
		return this.articles.firstPublishedSince(since, MAX_NEWS_URLS)
			.stream()
			.map((story) -> new SitemapWriter.Url(this.links.absolute(story.path()), story.updatedAt(),
					new SitemapWriter.News(this.publication, story.language(), story.firstPublishedAt(),
							story.current().labelledHeadline())))
			.toList();
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
