package org.newswire.feed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.newswire.pagecache.PageTags;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The public feeds as topics of the WebSub hub: which URLs are feeds of this site, which
 * page cache tag each carries (the rule that says which changes alter it, see
 * {@link FeedPages}), and a feed's document as a reader fetching its URL would get it.
 */
@Component
public class FeedDocuments {

	/** Where the hub the feeds advertise is. */
	public static final String HUB_PATH = "/websub";

	private static final Pattern WIRE = Pattern.compile("/feeds/(rss|atom)\\.xml");

	private static final Pattern SECTION = Pattern.compile("/feeds/sections/([^/]+)/(rss|atom)\\.xml");

	private static final Pattern STORY = Pattern.compile("/articles/(\\d{1,18})/([^/]+)/atom\\.xml");

	private final FeedController feeds;

	private final StoryFeedController stories;

	FeedDocuments(FeedController feeds, StoryFeedController stories) {
		this.feeds = feeds;
		this.stories = stories;
	}

	/**
	 * The feed a URL is the self link of, if it is one: its origin must be
	 * {@code origin}, and its section or story must exist (a story at its current slug).
	 */
	public Optional<Topic> topic(String origin, String url) {
		if (!url.startsWith(origin + "/")) {
			return Optional.empty();
		}
		String path = url.substring(origin.length());
		if (WIRE.matcher(path).matches()) {
			return Optional.of(new Topic(url, PageTags.LISTS));
		}
		Matcher section = SECTION.matcher(path);
		if (section.matches()) {
			return this.feeds.findSection(section.group(1))
				.map((found) -> new Topic(url, PageTags.section(found.code())));
		}
		Matcher story = STORY.matcher(path);
		if (story.matches()) {
			return this.stories.find(Long.parseLong(story.group(1)))
				.filter((found) -> found.slug().equals(story.group(2)))
				.map((found) -> new Topic(url, PageTags.article(found.id())));
		}
		return Optional.empty();
	}

	/**
	 * The feed at a topic URL as it stands now (a story's at its current slug), its links
	 * starting from the topic's origin; empty when the feed is no more.
	 */
	public Optional<Document> document(String topicUrl) {
		URI uri = URI.create(topicUrl);
		String origin = uri.getScheme() + "://" + uri.getRawAuthority();
		String path = uri.getRawPath();
		Matcher wire = WIRE.matcher(path);
		if (wire.matches()) {
			return Optional.of(document(this.feeds.feed(origin, format(wire.group(1)), null)));
		}
		Matcher section = SECTION.matcher(path);
		if (section.matches()) {
			return this.feeds.findSection(section.group(1))
				.map((found) -> document(this.feeds.feed(origin, format(section.group(2)), found)));
		}
		Matcher story = STORY.matcher(path);
		if (story.matches()) {
			return this.stories.find(Long.parseLong(story.group(1)))
				.map((found) -> document(this.stories.feed(origin, found)));
		}
		return Optional.empty();
	}

	private static FeedController.Format format(String name) {
		return name.equals("rss") ? FeedController.Format.RSS : FeedController.Format.ATOM;
	}

	private static Document document(ResponseEntity<String> feed) {
		return new Document(feed.getHeaders().getContentType().toString(), feed.getHeaders().getFirst(HttpHeaders.LINK),
				feed.getBody().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A feed's self URL and the page cache tag of its page.
	 */
	public record Topic(String url, String tag) {
	}

	/**
	 * A feed's document.
	 *
	 * @param link its {@code Link} header: hub and self
	 */
	public record Document(String contentType, String link, byte[] body) {
	}

}
