package org.newswire.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.newswire.article.ArticleSummary;
import org.newswire.article.VersionView;

/**
 * Writes RSS 2.0 and Atom 1.0 with Rome. Each article keeps one id across all its
 * writethrus, so feed readers update an entry instead of showing the story twice; the
 * title carries the current writethru label and Atom's {@code updated} moves with each
 * writethru while {@code published} stays at the first publication.
 */
final class FeedWriter {

	/**
	 * How often an RSS reader should poll, in minutes: about as often as a page expires
	 * in a cache in front.
	 */
	private static final int TTL_MINUTES = 1;

	private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

	private FeedWriter() {
	}

	/**
	 * What a feed is about, with absolute links.
	 *
	 * @param updated the newest change shown, or when the wire last changed
	 */
	record Meta(String title, String description, String language, String author, String pageUrl, String selfUrl,
			Instant updated) {
	}

	/**
	 * One entry with its absolute reader URL.
	 */
	record Story(ArticleSummary summary, String url) {
	}

	static String rss(Meta meta, List<Story> stories) {
		Channel channel = new Channel("rss_2.0");
		channel.setTitle(meta.title());
		channel.setLink(meta.pageUrl());
		channel.setDescription(meta.description());
		channel.setLanguage(meta.language());
		channel.setLastBuildDate(Date.from(meta.updated()));
		channel.setPubDate(Date.from(meta.updated()));
		channel.setGenerator(meta.author());
		channel.setTtl(TTL_MINUTES);
		// RSS has no self link of its own; validators and WebSub expect Atom's.
		Element self = new Element("link", ATOM).setAttribute("href", meta.selfUrl())
			.setAttribute("rel", "self")
			.setAttribute("type", "application/rss+xml");
		channel.setForeignMarkup(new ArrayList<>(List.of(self)));
		List<Item> items = new ArrayList<>();
		for (Story story : stories) {
			items.add(item(story));
		}
		channel.setItems(items);
		return write(channel);
	}

	private static Item item(Story story) {
		ArticleSummary article = story.summary();
		VersionView current = article.current();
		Item item = new Item();
		item.setTitle(current.labelledHeadline());
		item.setLink(story.url());
		Guid guid = new Guid();
		guid.setValue(Links.articleUri(article.id()));
		guid.setPermaLink(false);
		item.setGuid(guid);
		item.setPubDate(Date.from(current.publishedAt()));
		Description description = new Description();
		description.setType("text/html");
		description.setValue(Html.paragraphs(current.paragraphs()));
		item.setDescription(description);
		Category category = new Category();
		category.setValue(article.section().name());
		item.setCategories(new ArrayList<>(List.of(category)));
		if (article.byline() != null) {
			// RSS <author> must be an e-mail address; a byline is a name.
			DCModuleImpl dc = new DCModuleImpl();
			dc.setCreator(article.byline());
			item.setModules(new ArrayList<>(List.of(dc)));
		}
		return item;
	}

	static String atom(Meta meta, String feedId, List<Story> stories) {
		Feed feed = new Feed("atom_1.0");
		feed.setId(feedId);
		feed.setTitle(meta.title());
		feed.setSubtitle(text(meta.description()));
		feed.setLanguage(meta.language());
		feed.setUpdated(Date.from(meta.updated()));
		feed.setAlternateLinks(new ArrayList<>(List.of(link("alternate", "text/html", meta.pageUrl()))));
		feed.setOtherLinks(new ArrayList<>(List.of(link("self", "application/atom+xml", meta.selfUrl()))));
		feed.setAuthors(new ArrayList<>(List.of(person(meta.author()))));
		List<Entry> entries = new ArrayList<>();
		for (Story story : stories) {
			entries.add(entry(story));
		}
		feed.setEntries(entries);
		return write(feed);
	}

	private static Entry entry(Story story) {
		ArticleSummary article = story.summary();
		VersionView current = article.current();
		Entry entry = new Entry();
		entry.setId(Links.articleUri(article.id()));
		entry.setTitle(current.labelledHeadline());
		entry.setAlternateLinks(new ArrayList<>(List.of(link("alternate", "text/html", story.url()))));
		entry.setPublished(Date.from(article.firstPublishedAt()));
		entry.setUpdated(Date.from(current.publishedAt()));
		if (article.byline() != null) {
			entry.setAuthors(new ArrayList<>(List.of(person(article.byline().replaceFirst("^(?i)by\\s+", "")))));
		}
		com.rometools.rome.feed.atom.Category category = new com.rometools.rome.feed.atom.Category();
		category.setTerm(article.section().code());
		category.setLabel(article.section().name());
		entry.setCategories(new ArrayList<>(List.of(category)));
		current.paragraphs().stream().findFirst().ifPresent((lede) -> entry.setSummary(text(lede)));
		Content content = new Content();
		content.setType("html");
		content.setValue(Html.paragraphs(current.paragraphs()));
		entry.setContents(new ArrayList<>(List.of(content)));
		return entry;
	}

	private static Content text(String value) {
		Content content = new Content();
		content.setType("text");
		content.setValue(value);
		return content;
	}

	private static Link link(String rel, String type, String href) {
		Link link = new Link();
		link.setRel(rel);
		link.setType(type);
		link.setHref(href);
		return link;
	}

	private static Person person(String name) {
		Person person = new Person();
		person.setName(name);
		return person;
	}

	private static String write(WireFeed feed) {
		try {
			return new WireFeedOutput().outputString(feed);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Cannot write " + feed.getFeedType(), ex);
		}
	}

}
