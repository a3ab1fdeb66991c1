package org.newswire.feed;

import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes sitemaps (sitemaps.org 0.9) with the Google News extension through the JDK's
 * StAX writer, which escapes every value.
 */
final class SitemapWriter {

	static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

	static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

	static final String IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1";

	private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

	private SitemapWriter() {
	}

	/**
	 * One page of the site.
	 *
	 * @param news its Google News entry, or {@code null} for a plain sitemap
	 * @param image the absolute URL of its lead photo, or {@code null}
	 */
	record Url(String loc, Instant lastmod, News news, String image) {

		Url(String loc, Instant lastmod, News news) {
			this(loc, lastmod, news, null);
		}

	}

	record News(String publicationName, String language, Instant publicationDate, String title) {
	}

	static String write(List<Url> urls) {
		return write("urlset", "url", urls);
	}

	/**
	 * A sitemap index (sitemaps.org 0.9): where each part of the site's sitemap is and
	 * when it last changed.
	 */
	static String writeIndex(List<Url> sitemaps) {
		return write("sitemapindex", "sitemap", sitemaps);
	}

	private static String write(String root, String entry, List<Url> urls) {
		boolean news = urls.stream().anyMatch((url) -> url.news() != null);
		boolean images = urls.stream().anyMatch((url) -> url.image() != null);
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.setDefaultNamespace(SITEMAP_NS);
			xml.writeStartElement(SITEMAP_NS, root);
			xml.writeDefaultNamespace(SITEMAP_NS);
			if (news) {
				xml.setPrefix("news", NEWS_NS);
				xml.writeNamespace("news", NEWS_NS);
			}
			if (images) {
				xml.setPrefix("image", IMAGE_NS);
				xml.writeNamespace("image", IMAGE_NS);
			}
			for (Url url : urls) {
				xml.writeStartElement(SITEMAP_NS, entry);
				element(xml, SITEMAP_NS, "loc", url.loc());
				if (url.lastmod() != null) {
					element(xml, SITEMAP_NS, "lastmod", w3c(url.lastmod()));
				}
				if (url.news() != null) {
					news(xml, url.news());
				}
				if (url.image() != null) {
					xml.writeStartElement(IMAGE_NS, "image");
					element(xml, IMAGE_NS, "loc", url.image());
					xml.writeEndElement();
				}
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Cannot write " + root, ex);
		}
		return out.toString();
	}

	private static void news(XMLStreamWriter xml, News news) throws XMLStreamException {
		xml.writeStartElement(NEWS_NS, "news");
		xml.writeStartElement(NEWS_NS, "publication");
		element(xml, NEWS_NS, "name", news.publicationName());
		element(xml, NEWS_NS, "language", news.language());
		xml.writeEndElement();
		element(xml, NEWS_NS, "publication_date", w3c(news.publicationDate()));
		element(xml, NEWS_NS, "title", news.title());
		xml.writeEndElement();
	}

	private static void element(XMLStreamWriter xml, String namespace, String name, String text)
			throws XMLStreamException {
		xml.writeStartElement(namespace, name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	/**
	 * W3C Datetime to the second, as sitemaps expect.
	 */
	private static String w3c(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}

}
