package org.newswire.feed;

import java.util.ArrayList;
import java.util.List;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Item;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.newswire.photo.Photo;

/**
 * A story's lead photo in the feeds: a Media RSS {@code media:content} in RSS, with the
 * caption as its {@code media:description} and the credit as its {@code media:credit},
 * and an Atom {@code link rel="enclosure"}. Both point at the JPEG rendition at least
 * {@value #WIDTH} px wide (or the widest), which every feed reader can show.
 */
final class FeedMedia {

	static final Namespace MEDIA = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");

	/** As wide as link previews ask: readers show feed pictures as large cards. */
	private static final int WIDTH = 1200;

	private FeedMedia() {
	}

	static void add(Item item, Photo photo, String origin) {
		Photo.Rendition image = photo.atLeast("jpg", WIDTH);
		Element content = new Element("content", MEDIA).setAttribute("url", origin + image.url())
			.setAttribute("type", image.mediaType())
			.setAttribute("medium", "image")
			.setAttribute("width", String.valueOf(image.width()))
			.setAttribute("height", String.valueOf(image.height()));
		// Media RSS has no alt text: the caption describes it, and without one the alt.
		content.addContent(new Element("description", MEDIA).setAttribute("type", "plain")
			.setText((photo.caption() != null) ? photo.caption() : photo.alt()));
		if (photo.credit() != null) {
			content.addContent(new Element("credit", MEDIA).setText(photo.credit()));
		}
		List<Element> markup = new ArrayList<>(item.getForeignMarkup());
		markup.add(content);
		item.setForeignMarkup(markup);
	}

	static void add(Entry entry, Photo photo, String origin) {
		Photo.Rendition image = photo.atLeast("jpg", WIDTH);
		Link enclosure = new Link();
		enclosure.setRel("enclosure");
		enclosure.setType(image.mediaType());
		enclosure.setHref(origin + image.url());
		enclosure.setTitle(photo.alt());
		List<Link> links = new ArrayList<>(entry.getOtherLinks());
		links.add(enclosure);
		entry.setOtherLinks(links);
	}

}
