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
import org.newswire.Paragraphs;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Paths;
import org.newswire.article.VersionView;
import org.newswire.article.WritethruKind;
import org.newswire.photo.Photo;

/**
 * Writes RSS 2.0 and Atom 1.0 with Rome. Each article keeps one id across all its
 * writethrus, so feed readers update an entry instead of showing the story twice; the
 * title carries the current writethru label and Atom's {@code updated} moves with each
 * change of the story (a writethru, a hold, a release) while {@code published} stays at
 * the first publication. What changed is said in words a reader sees first: the Atom
 * summary and the opening of the RSS description. A story on hold says so there, and
 * carries whatever the article module hands out of it, which is no text, ednote or
 * correction note: no entry or item decides what to leave out.
 * <p>
 * The feed of one story has an entry per version instead, each with an id of its own.
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
	 * @param hubUrl the WebSub hub that pushes the feed when it changes
	 * @param updated the newest change shown, or when the wire last changed
	 */
	record Meta(String title, String description, String language, String author, String pageUrl, String selfUrl,
			String hubUrl, Instant updated) {
	}

	/**
	 * One entry with its absolute reader URL and its lead photo ({@code null} without
	 * one), whose links start at {@code origin}.
	 */
	record Story(ArticleSummary summary, String url, Photo photo, String origin) {
	}

	/**
	 * One version in the feed of a story, with the absolute URLs of its page and of the
	 * comparison with the version before ({@code null} for the first publication).
	 */
	record Version(VersionView view, String url, String compareUrl) {
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
		// RSS has no self or hub link of its own; validators and WebSub expect Atom's.
		Element self = new Element("link", ATOM).setAttribute("href", meta.selfUrl())
			.setAttribute("rel", "self")
			.setAttribute("type", "application/rss+xml");
		Element hub = new Element("link", ATOM).setAttribute("href", meta.hubUrl()).setAttribute("rel", "hub");
		channel.setForeignMarkup(new ArrayList<>(List.of(self, hub)));
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
		guid.setValue(Paths.articleUri(article.id()));
		guid.setPermaLink(false);
		item.setGuid(guid);
		item.setPubDate(Date.from(current.publishedAt()));
		Description description = new Description();
		description.setType("text/html");
		// A hold or a correction opens the description; other changes are in the title's
		// label.
		String change = (article.held() || current.kind() == WritethruKind.CORRECTS) ? whatChanged(article) : null;
		description.setValue(
				((change != null) ? Paragraphs.html(List.of(change)) : "") + Paragraphs.html(current.paragraphs()));
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
		if (story.photo() != null) {
			FeedMedia.add(item, story.photo(), story.origin());
		}
		return item;
	}

	static String atom(Meta meta, String feedId, List<Story> stories) {
		List<Entry> entries = new ArrayList<>();
		for (Story story : stories) {
			entries.add(entry(story));
		}
		return feed(meta, feedId, entries);
	}

	private static String feed(Meta meta, String feedId, List<Entry> entries) {
		Feed feed = new Feed("atom_1.0");
		feed.setId(feedId);
		feed.setTitle(meta.title());
		feed.setSubtitle(text(meta.description()));
		feed.setLanguage(meta.language());
		feed.setUpdated(Date.from(meta.updated()));
		feed.setAlternateLinks(new ArrayList<>(List.of(link("alternate", "text/html", meta.pageUrl()))));
		Link hub = new Link();
		hub.setRel("hub");
		hub.setHref(meta.hubUrl());
		feed.setOtherLinks(new ArrayList<>(List.of(link("self", "application/atom+xml", meta.selfUrl()), hub)));
		feed.setAuthors(new ArrayList<>(List.of(person(meta.author()))));
		feed.setEntries(new ArrayList<>(entries));
		return write(feed);
	}

	private static Entry entry(Story story) {
		ArticleSummary article = story.summary();
		VersionView current = article.current();
		Entry entry = new Entry();
		entry.setId(Paths.articleUri(article.id()));
		entry.setTitle(current.labelledHeadline());
		entry.setAlternateLinks(new ArrayList<>(List.of(link("alternate", "text/html", story.url()))));
		entry.setPublished(Date.from(article.firstPublishedAt()));
		entry.setUpdated(Date.from(article.updatedAt()));
		if (article.byline() != null) {
			entry.setAuthors(new ArrayList<>(List.of(person(article.byline().replaceFirst("^(?i)by\\s+", "")))));
		}
		com.rometools.rome.feed.atom.Category category = new com.rometools.rome.feed.atom.Category();
		category.setTerm(article.section().code());
		category.setLabel(article.section().name());
		entry.setCategories(new ArrayList<>(List.of(category)));
		String change = whatChanged(article);
		if (change != null) {
			entry.setSummary(text(change));
		}
		else {
			current.paragraphs().stream().findFirst().ifPresent((lede) -> entry.setSummary(text(lede)));
		}
		entry.setContents(html(current.paragraphs()));
		if (story.photo() != null) {
			FeedMedia.add(entry, story.photo(), story.origin());
		}
		return entry;
	}

	/**
	 * The feed of one story: its versions newest first, each linking to its own page and
	 * to what changed from the version before; a story on hold leads with an entry saying
	 * so.
	 */
	static String story(Meta meta, String feedId, ArticleSummary article, List<Version> newestFirst) {
		List<Entry> entries = new ArrayList<>();
		if (article.held()) {
			entries.add(notice(Paths.articleUri(article.id()) + ":hold:" + article.heldAt(), "On hold",
					whatChanged(article), meta.pageUrl(), article.heldAt()));
		}
		for (Version version : newestFirst) {
			entries.add(versionEntry(article.id(), version));
		}
		return feed(meta, feedId, entries);
	}

	/**
	 * What is left of the feed of a killed story: the kill notice as its one and newest
	 * entry, the withdrawn text and headlines gone as they are from its pages.
	 */
	static String killed(Meta meta, String feedId, ArticleSummary article) {
		return feed(meta, feedId, List.of(notice(Paths.articleUri(article.id()) + ":kill",
				"This story has been withdrawn", article.killNotice(), meta.pageUrl(), article.killedAt())));
	}

	private static Entry versionEntry(long articleId, Version version) {
		VersionView view = version.view();
		Entry entry = new Entry();
		entry.setId(Paths.articleUri(articleId) + ":version:" + view.sequence());
		entry.setTitle(view.labelledHeadline());
		entry.setAlternateLinks(new ArrayList<>(List.of(link("alternate", "text/html", version.url()))));
		if (version.compareUrl() != null) {
			Link compare = link("related", "text/html", version.compareUrl());
			compare.setTitle("What changed from version " + (view.sequence() - 1));
			entry.setOtherLinks(new ArrayList<>(List.of(compare)));
		}
		entry.setPublished(Date.from(view.publishedAt()));
		entry.setUpdated(Date.from(view.publishedAt()));
		String change = (view.label() != null) ? whatChanged(view) : blankToNull(view.ednote());
		if (change != null) {
			entry.setSummary(text(change));
		}
		entry.setContents(html(view.paragraphs()));
		return entry;
	}

	private static Entry notice(String id, String title, String notice, String url, Instant at) {
		Entry entry = new Entry();
		entry.setId(id);
		entry.setTitle(title);
		entry.setAlternateLinks(new ArrayList<>(List.of(link("alternate", "text/html", url))));
		entry.setUpdated(Date.from(at));
		entry.setSummary(text(notice));
		return entry;
	}

	/**
	 * What the story's latest change did, in one line: "On hold: ..." while on hold,
	 * otherwise what its current version changed.
	 */
	static String whatChanged(ArticleSummary article) {
		return article.held() ? article.holdNotice() : whatChanged(article.current());
	}

	/**
	 * What a writethru changed, led by its label: "Correction: " and the note readers are
	 * shown for a correction, else "2nd LD Writethru: " and the ednote; {@code null} for
	 * the first publication, which changed nothing.
	 */
	static String whatChanged(VersionView version) {
		if (version.label() == null) {
			return null;
		}
		String note = (version.kind() == WritethruKind.CORRECTS && blankToNull(version.correctionNote()) != null)
				? version.correctionNote() : blankToNull(version.ednote());
		return (note != null) ? version.label() + ": " + note : version.label();
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	/**
	 * The text as an entry's content, none for a version without text (withheld).
	 */
	private static List<Content> html(List<String> paragraphs) {
		if (paragraphs.isEmpty()) {
			return new ArrayList<>();
		}
		Content content = new Content();
		content.setType("html");
		content.setValue(Paragraphs.html(paragraphs));
		return new ArrayList<>(List.of(content));
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
