package org.newswire.items;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.newswire.article.ArticleSummary;
import org.newswire.article.Paths;
import org.newswire.article.VersionView;
import org.newswire.article.WritethruKind;

/**
 * Stories as IPTC NewsML-G2 2.35 {@code newsItem}s, and entries and pages of the client
 * feed as {@code newsMessage}s. What an item shows follows the {@link Ninjs ninjs 2.2}
 * item of the same version, so a withheld story has its headline and hold notice and no
 * text, and a canceled one its kill notice alone. Written with the JDK's
 * {@link XMLStreamWriter}, which escapes markup; characters XML 1.0 cannot carry at all
 * are replaced first.
 * <p>
 * Our own terms (the role of a note, an entry's position and change, the next page) are
 * tag URIs in {@code reluri}/{@code roleuri}, as no catalog defines QCodes for them.
 */
final class NewsmlG2 {

	static final String NAR = "http://iptc.org/std/nar/2006-10-01/";

	private static final String XHTML = "http://www.w3.org/1999/xhtml";

	/** The IPTC catalog that resolves the stat:, sig:, ninat: and cpnat: QCodes. */
	private static final String CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml";

	private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

	private NewsmlG2() {
	}

	/**
	 * A term of ours: {@code tag:newswire,2026:g2:next-page}.
	 */
	static String term(String name) {
		return Paths.tagUri("g2:" + name);
	}

	static byte[] item(ArticleSummary story, VersionView version, ItemPhotos.ItemPhoto photo) {
		return write((xml) -> {
			xml.writeStartDocument("UTF-8", "1.0");
			newsItem(xml, story, version, photo, null, true);
		});
	}

	/**
	 * A news message carrying the entries' items in order, each with its position and
	 * change, and the cursor of the next page in the header.
	 * @throws IllegalArgumentException without entries: a news message's itemSet holds
	 * one item or more
	 */
	static byte[] message(List<Items.Entry> entries, String nextPage, Instant sent,
			BiFunction<ArticleSummary, VersionView, ItemPhotos.ItemPhoto> photos) {
		if (entries.isEmpty()) {
			throw new IllegalArgumentException("A NewsML-G2 news message carries one item or more");
		}
		return write((xml) -> {
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("newsMessage");
			xml.writeDefaultNamespace(NAR);
			xml.writeStartElement("header");
			text(xml, "sent", sent.toString());
			if (nextPage != null) {
				extension(xml, "headerExtProperty", "next-page", nextPage);
			}
			xml.writeEndElement();
			xml.writeStartElement("itemSet");
			for (Items.Entry entry : entries) {
				newsItem(xml, entry.story(), entry.version(), photos.apply(entry.story(), entry.version()), entry,
						false);
			}
			xml.writeEndElement();
			xml.writeEndElement();
		});
	}

	private static void newsItem(XMLStreamWriter xml, ArticleSummary story, VersionView version,
			ItemPhotos.ItemPhoto photo, Items.Entry entry, boolean root) throws XMLStreamException {
		Ninjs shown = Ninjs.of(story, version, photo);
		xml.writeStartElement("newsItem");
		if (root) {
			xml.writeDefaultNamespace(NAR);
		}
		xml.writeAttribute("guid", shown.uri());
		xml.writeAttribute("version", shown.version());
		xml.writeAttribute("standard", "NewsML-G2");
		xml.writeAttribute("standardversion", "2.35");
		xml.writeAttribute("conformance", "power");
		xml.writeAttribute(XMLConstants.XML_NS_PREFIX, XMLConstants.XML_NS_URI, "lang", clean(shown.language()));
		xml.writeEmptyElement("catalogRef");
		xml.writeAttribute("href", CATALOG);
		itemMeta(xml, story, version, shown, entry);
		contentMeta(xml, story, shown);
		if (!shown.bodies().isEmpty()) {
			contentSet(xml, version, shown);
		}
		xml.writeEndElement();
	}

	private static void itemMeta(XMLStreamWriter xml, ArticleSummary story, VersionView version, Ninjs shown,
			Items.Entry entry) throws XMLStreamException {
		xml.writeStartElement("itemMeta");
		qcode(xml, "itemClass", "ninat:text");
		xml.writeStartElement("provider");
		xml.writeAttribute("literal", clean(story.source().code()));
		text(xml, "name", story.source().name());
		xml.writeEndElement();
		text(xml, "versionCreated", shown.versioncreated());
		text(xml, "firstCreated", shown.firstcreated());
		if (story.embargoed()) {
			text(xml, "embargoed", story.embargoUntil().toString());
		}
		qcode(xml, "pubStatus", "stat:" + shown.pubstatus());
		if (shown.ednote() != null && !shown.ednote().isBlank()) {
			text(xml, "edNote", shown.ednote());
		}
		for (Ninjs.Description note : shown.descriptions()) {
			xml.writeStartElement("edNote");
			xml.writeAttribute("roleuri", term(note.role()));
			xml.writeCharacters(clean(note.value()));
			xml.writeEndElement();
		}
		if (Integer.parseInt(shown.version()) > 1) {
			qcode(xml, "signal", "sig:update");
		}
		if (!story.killed() && version.kind() == WritethruKind.CORRECTS) {
			qcode(xml, "signal", "sig:correction");
		}
		for (Ninjs.Association association : shown.associations()) {
			link(xml, association);
		}
		if (entry != null) {
			extension(xml, "itemMetaExtProperty", "position", entry.position());
			extension(xml, "itemMetaExtProperty", "change", entry.change());
			extension(xml, "itemMetaExtProperty", "recorded-at", entry.recordedAt().toString());
		}
		xml.writeEndElement();
	}

	private static void contentMeta(XMLStreamWriter xml, ArticleSummary story, Ninjs shown) throws XMLStreamException {
		xml.writeStartElement("contentMeta");
		text(xml, "urgency", String.valueOf(shown.urgency()));
		text(xml, "contentCreated", shown.firstcreated());
		text(xml, "contentModified", shown.versioncreated());
		xml.writeStartElement("located");
		text(xml, "name", shown.located());
		xml.writeEndElement();
		for (Ninjs.InfoSource source : shown.infosources()) {
			xml.writeStartElement("infoSource");
			xml.writeAttribute("literal", clean(source.literal()));
			text(xml, "name", source.name());
			xml.writeEndElement();
		}
		xml.writeEmptyElement("language");
		xml.writeAttribute("tag", clean(shown.language()));
		for (Ninjs.Subject subject : shown.subjects()) {
			xml.writeStartElement("subject");
			xml.writeAttribute("type", "cpnat:abstract");
			xml.writeAttribute("uri", Paths.tagUri("section:" + subject.literal()));
			text(xml, "name", subject.name());
			xml.writeEndElement();
		}
		if (shown.slugline() != null) {
			text(xml, "slugline", shown.slugline());
		}
		for (Ninjs.Headline headline : shown.headlines()) {
			xml.writeStartElement("headline");
			if (!"main".equals(headline.role())) {
				xml.writeAttribute("roleuri", term(headline.role()));
			}
			xml.writeCharacters(clean(headline.value()));
			xml.writeEndElement();
		}
		text(xml, "dateline", story.dateline());
		if (shown.by() != null) {
			text(xml, "by", shown.by());
		}
		xml.writeEndElement();
	}

	/**
	 * The text as an XHTML document, one {@code p} a paragraph.
	 */
	private static void contentSet(XMLStreamWriter xml, VersionView version, Ninjs shown) throws XMLStreamException {
		xml.writeStartElement("contentSet");
		xml.writeStartElement("inlineXML");
		xml.writeAttribute("contenttype", "application/xhtml+xml");
		Ninjs.Body body = shown.bodies().get(0);
		xml.writeAttribute("wordcount", String.valueOf(body.wordcount()));
		xml.writeAttribute("charcount", String.valueOf(body.charcount()));
		xml.writeStartElement("html");
		xml.writeDefaultNamespace(XHTML);
		xml.writeStartElement("head");
		text(xml, "title", version.headline());
		xml.writeEndElement();
		xml.writeStartElement("body");
		for (String paragraph : version.paragraphs()) {
			text(xml, "p", paragraph);
		}
		xml.writeEndElement();
		xml.writeEndElement();
		xml.writeEndElement();
		xml.writeEndElement();
	}

	/**
	 * The lead photo as IPTC's guidelines link a text to a picture: a link
	 * {@code irel:seeAlso} to its widest JPEG, with the picture item's id as
	 * {@code residref} and, as link hints, its class, caption, alt text and credit.
	 */
	private static void link(XMLStreamWriter xml, Ninjs.Association photo) throws XMLStreamException {
		Ninjs.Rendition widest = photo.renditions()
			.stream()
			.filter((rendition) -> "image/jpeg".equals(rendition.contenttype()))
			.reduce((narrower, wider) -> wider)
			.orElseThrow();
		xml.writeStartElement("link");
		xml.writeAttribute("rel", "irel:seeAlso");
		if (widest.href() != null) {
			xml.writeAttribute("href", widest.href());
		}
		xml.writeAttribute("residref", photo.uri());
		xml.writeAttribute("contenttype", widest.contenttype());
		qcode(xml, "itemClass", "ninat:picture");
		for (Ninjs.Description description : photo.descriptions()) {
			xml.writeStartElement("description");
			xml.writeAttribute("roleuri", term(description.role()));
			xml.writeCharacters(clean(description.value()));
			xml.writeEndElement();
		}
		if (photo.by() != null) {
			text(xml, "creditline", photo.by());
		}
		xml.writeEndElement();
	}

	private static void extension(XMLStreamWriter xml, String element, String term, String value)
			throws XMLStreamException {
		xml.writeEmptyElement(element);
		xml.writeAttribute("reluri", term(term));
		xml.writeAttribute("value", clean(value));
	}

	private static void qcode(XMLStreamWriter xml, String element, String qcode) throws XMLStreamException {
		xml.writeEmptyElement(element);
		xml.writeAttribute("qcode", qcode);
	}

	private static void text(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
		xml.writeStartElement(element);
		xml.writeCharacters(clean(text));
		xml.writeEndElement();
	}

	/**
	 * The text with every character XML 1.0 forbids (most control characters, lone
	 * surrogates, U+FFFE and U+FFFF) replaced by U+FFFD: the writer escapes markup but
	 * would pass those through into a document no parser accepts.
	 */
	static String clean(String text) {
		StringBuilder clean = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean allowed = (c >= 0x20 && c <= 0xD7FF) || c == '\t' || c == '\n' || c == '\r'
					|| (c >= 0xE000 && c <= 0xFFFD) || pairedSurrogate(text, i);
			if (!allowed && clean == null) {
				clean = new StringBuilder(text.substring(0, i));
			}
			if (clean != null) {
				clean.append(allowed ? c : '\uFFFD');
			}
		}
		return (clean != null) ? clean.toString() : text;
	}

	private static boolean pairedSurrogate(String text, int i) {
		char c = text.charAt(i);
		if (Character.isHighSurrogate(c)) {
			return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
		}
		return Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
	}

	private static byte[] write(Document document) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(bytes, "UTF-8");
			document.write(xml);
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Could not write NewsML-G2", ex);
		}
		return bytes.toByteArray();
	}

	@FunctionalInterface
	private interface Document {

		void write(XMLStreamWriter xml) throws XMLStreamException;

	}

}
