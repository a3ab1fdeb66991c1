package org.newswire.items;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleSummary;
import org.newswire.article.VersionView;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * NewsML-G2 items and messages, validated against IPTC's 2.35 XSD and read back value by
 * value.
 */
class ItemsNewsmlG2Tests {

	private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

	private final Items items = new StoryItems(JsonMapper.builder().build(), Clock.fixed(NOW, ZoneOffset.UTC),
			ItemPhotos.NONE);

	@Test
	void aUsableItemCarriesTheStoryAndItsTextAsXhtml() throws Exception {
		Read item = valid(ItemStories.usable(ItemStories.FIRST), ItemStories.FIRST);
		assertThat(item.text("/g:newsItem/@guid")).isEqualTo("tag:newswire,2026:article:7");
		assertThat(item.text("/g:newsItem/@version")).isEqualTo("1");
		assertThat(item.text("/g:newsItem/@xml:lang")).isEqualTo("en");
		assertThat(item.text("//g:itemMeta/g:pubStatus/@qcode")).isEqualTo("stat:usable");
		assertThat(item.all("//g:itemMeta/g:signal/@qcode")).isEmpty();
		assertThat(item.all("//g:itemMeta/g:embargoed")).isEmpty();
		assertThat(item.all("//g:itemMeta/g:edNote")).isEmpty();
		assertThat(item.text("//g:itemMeta/g:versionCreated")).isEqualTo("2026-11-26T09:00:00Z");
		assertThat(item.text("//g:itemMeta/g:firstCreated")).isEqualTo("2026-11-26T09:00:00Z");
		assertThat(item.all("//g:contentMeta/g:headline")).containsExactly(ItemStories.HEADLINE);
		assertThat(item.text("//g:contentMeta/g:dateline")).isEqualTo("PORT ELLIS, Nov. 26 (Newswire) --");
		assertThat(item.text("//g:contentMeta/g:by")).isEqualTo("By Ada Quill");
		assertThat(item.text("//g:contentMeta/g:urgency")).isEqualTo("3");
		assertThat(item.text("//g:contentMeta/g:language/@tag")).isEqualTo("en");
		assertThat(item.text("//g:contentMeta/g:slugline")).isEqualTo("Harbour-Test");
		assertThat(item.text("//g:contentMeta/g:located/g:name")).isEqualTo("PORT ELLIS");
		assertThat(item.text("//g:contentMeta/g:subject/g:name")).isEqualTo("World");
		assertThat(item.text("//g:contentMeta/g:subject/@uri")).isEqualTo("tag:newswire,2026:section:world");
		assertThat(item.text("//g:inlineXML/@contenttype")).isEqualTo("application/xhtml+xml");
		assertThat(item.text("//g:inlineXML/h:html/h:head/h:title")).isEqualTo(ItemStories.HEADLINE);
		assertThat(item.all("//g:inlineXML/h:html/h:body/h:p")).isEqualTo(ItemStories.PARAGRAPHS);
	}

	@Test
	void aLeadPhotoIsALinkToThePictureWithItsWords() throws Exception {
		Items items = new StoryItems(JsonMapper.builder().build(), Clock.fixed(NOW, ZoneOffset.UTC),
				(story, version) -> Optional.of(ItemStories.PHOTO));
		Read item = valid(items.item(ItemFormat.NEWSML_G2, ItemStories.usable(ItemStories.FIRST), ItemStories.FIRST));
		assertThat(item.text("//g:itemMeta/g:link/@rel")).isEqualTo("irel:seeAlso");
		assertThat(item.text("//g:itemMeta/g:link/@href")).isEqualTo("https://news.example.org/media/f00d/1200.jpg");
		assertThat(item.text("//g:itemMeta/g:link/@residref")).isEqualTo("tag:newswire,2026:photo:f00d");
		assertThat(item.text("//g:itemMeta/g:link/@contenttype")).isEqualTo("image/jpeg");
		assertThat(item.text("//g:itemMeta/g:link/g:itemClass/@qcode")).isEqualTo("ninat:picture");
		assertThat(item.all("//g:itemMeta/g:link/g:description")).containsExactly("The ferry leaves Port Ellis.",
				"A ferry leaving the pier");
		assertThat(item.text("//g:itemMeta/g:link/g:creditline")).isEqualTo("Ada Quill / Newswire");
		// A page of the feed carries it too, and stays valid.
		valid(items.page(ItemFormat.NEWSML_G2, List
			.of(new Items.Entry("c1", "published", NOW, ItemStories.usable(ItemStories.FIRST), ItemStories.FIRST)),
				null));
	}

	@Test
	void aCorrectionSignalsUpdateAndCorrectionWithItsNotes() throws Exception {
		Read item = valid(ItemStories.usable(ItemStories.CORRECTION), ItemStories.CORRECTION);
		assertThat(item.text("/g:newsItem/@guid")).isEqualTo("tag:newswire,2026:article:7");
		assertThat(item.text("/g:newsItem/@version")).isEqualTo("2");
		assertThat(item.all("//g:itemMeta/g:signal/@qcode")).containsExactly("sig:update", "sig:correction");
		assertThat(item.all("//g:itemMeta/g:edNote")).containsExactly("Eds: CORRECTS berth in paragraph 2",
				"An earlier version named the wrong berth.");
		assertThat(item.text("//g:itemMeta/g:edNote[@roleuri='tag:newswire,2026:g2:correction']"))
			.isEqualTo("An earlier version named the wrong berth.");
		assertThat(item.all("//g:contentMeta/g:headline")).containsExactly("Harbour pier reopens after repairs",
				"Correction: Harbour pier reopens after repairs");
		assertThat(item.text("//g:itemMeta/g:versionCreated")).isEqualTo("2026-11-26T09:40:00Z");
		// The first version of a corrected story is still the first: no signals.
		Read first = valid(ItemStories.usable(ItemStories.CORRECTION), ItemStories.FIRST);
		assertThat(first.text("/g:newsItem/@version")).isEqualTo("1");
		assertThat(first.all("//g:itemMeta/g:signal/@qcode")).isEmpty();
	}

	@Test
	void aWithheldItemHasItsHeadlineAndHoldNoticeAndNoText() throws Exception {
		Read item = valid(ItemStories.withheld(), ItemStories.CORRECTION_HELD);
		assertThat(item.text("//g:itemMeta/g:pubStatus/@qcode")).isEqualTo("stat:withheld");
		assertThat(item.all("//g:itemMeta/g:edNote")).containsExactly("On hold: Figures are being checked.");
		assertThat(item.text("//g:itemMeta/g:edNote/@roleuri")).isEqualTo("tag:newswire,2026:g2:hold");
		assertThat(item.all("//g:contentMeta/g:headline")).containsExactly("Harbour pier reopens after repairs",
				"Correction: Harbour pier reopens after repairs");
		assertThat(item.all("//g:contentSet")).isEmpty();
	}

	@Test
	void aCanceledItemHasTheKillNoticeAndNoneOfTheWithdrawnText() throws Exception {
		byte[] xml = this.items.item(ItemFormat.NEWSML_G2, ItemStories.canceled(), ItemStories.CORRECTION);
		Read item = valid(xml);
		assertThat(item.text("/g:newsItem/@version")).isEqualTo("2");
		assertThat(item.text("//g:itemMeta/g:pubStatus/@qcode")).isEqualTo("stat:canceled");
		assertThat(item.all("//g:itemMeta/g:edNote"))
			.containsExactly("Withdrawn: the inspection was of another bridge.");
		assertThat(item.all("//g:itemMeta/g:signal/@qcode")).containsExactly("sig:update");
		assertThat(item.text("//g:itemMeta/g:versionCreated")).isEqualTo("2026-11-26T09:50:00Z");
		assertThat(item.all("//g:contentMeta/g:headline")).isEmpty();
		assertThat(item.all("//g:contentMeta/g:by")).isEmpty();
		assertThat(item.all("//g:contentSet")).isEmpty();
		assertThat(new String(xml, StandardCharsets.UTF_8)).doesNotContain("pier reopened")
			.doesNotContain("wrong berth");
	}

	@Test
	void anEmbargoedItemCarriesItsLiftTimeWhileItWaits() throws Exception {
		Read embargoed = valid(ItemStories.embargoed(), ItemStories.FIRST);
		assertThat(embargoed.text("//g:itemMeta/g:embargoed")).isEqualTo("2026-11-26T11:00:00Z");
		assertThat(embargoed.text("//g:itemMeta/g:pubStatus/@qcode")).isEqualTo("stat:usable");
		assertThat(valid(ItemStories.lifted(), ItemStories.FIRST).all("//g:itemMeta/g:embargoed")).isEmpty();
	}

	@Test
	void textXmlCannotCarryIsReplacedAndMarkupIsEscaped() throws Exception {
		VersionView odd = new VersionView(ItemStories.ID, 1, ItemStories.FIRST.kind(), null,
				"Bell \u0007 rings ]]> <b>",
				List.of("Tab\tand\u0000nul & <p>x</p>", "Emoji \uD83D\uDCF0 ok, lone \uD800"), null, null, "ada",
				ItemStories.FILED);
		Read item = valid(ItemStories.usable(odd), odd);
		assertThat(item.all("//g:contentMeta/g:headline")).containsExactly("Bell \uFFFD rings ]]> <b>");
		assertThat(item.all("//h:p")).containsExactly("Tab\tand\uFFFDnul & <p>x</p>",
				"Emoji \uD83D\uDCF0 ok, lone \uFFFD");
	}

	@Test
	void aPageIsANewsMessageWithEachEntrysPositionAndChangeAndTheNextPage() throws Exception {
		Items.Entry published = new Items.Entry("c1", "published", ItemStories.FILED,
				ItemStories.usable(ItemStories.FIRST), ItemStories.FIRST);
		Items.Entry withheld = new Items.Entry("c2 & <more>", "withheld", Instant.parse("2026-11-26T09:45:00Z"),
				ItemStories.withheld(), ItemStories.CORRECTION_HELD);
		Read page = valid(this.items.page(ItemFormat.NEWSML_G2, List.of(published, withheld), "next&page"));
		assertThat(page.text("/g:newsMessage/g:header/g:sent")).isEqualTo("2026-11-26T12:00:00Z");
		assertThat(page.text("//g:header/g:headerExtProperty[@reluri='tag:newswire,2026:g2:next-page']/@value"))
			.isEqualTo("next&page");
		assertThat(page.all("//g:itemSet/g:newsItem/@version")).containsExactly("1", "2");
		assertThat(page.all("//g:itemMetaExtProperty[@reluri='tag:newswire,2026:g2:position']/@value"))
			.containsExactly("c1", "c2 & <more>");
		assertThat(page.all("//g:itemMetaExtProperty[@reluri='tag:newswire,2026:g2:change']/@value"))
			.containsExactly("published", "withheld");
		assertThat(page.all("//g:itemMetaExtProperty[@reluri='tag:newswire,2026:g2:recorded-at']/@value"))
			.containsExactly("2026-11-26T09:00:00Z", "2026-11-26T09:45:00Z");
		assertThat(page.all("//g:itemSet/g:newsItem/g:itemMeta/g:pubStatus/@qcode")).containsExactly("stat:usable",
				"stat:withheld");

		Read entry = valid(this.items.entry(ItemFormat.NEWSML_G2, withheld));
		assertThat(entry.all("//g:itemSet/g:newsItem/@guid")).containsExactly("tag:newswire,2026:article:7");
		assertThat(entry.all("//g:header/g:headerExtProperty")).isEmpty();
		assertThat(entry.all("//g:itemMetaExtProperty/@value")).containsExactly("c2 & <more>", "withheld",
				"2026-11-26T09:45:00Z");
	}

	@Test
	void anEmptyPageCannotBeANewsMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.items.page(ItemFormat.NEWSML_G2, List.of(), "c0"));
	}

	@Test
	void iptcsOwnExampleValidatesSoTheSchemaCheckIsReal() throws Exception {
		byte[] example;
		try (var in = getClass().getResourceAsStream("/standards/newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml")) {
			example = in.readAllBytes();
		}
		assertThat(StandardSchemas.newsmlG2(example)).isEmpty();
		String broken = new String(example, StandardCharsets.UTF_8).replace("<pubStatus", "<pubState");
		assertThat(StandardSchemas.newsmlG2(broken.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
	}

	private Read valid(ArticleSummary story, VersionView version) throws Exception {
		return valid(this.items.item(ItemFormat.NEWSML_G2, story, version));
	}

	private static Read valid(byte[] xml) throws Exception {
		assertThat(StandardSchemas.newsmlG2(xml)).as(new String(xml, StandardCharsets.UTF_8)).isEmpty();
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return new Read(factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)));
	}

	/**
	 * XPath over a written document: {@code g:} is NewsML-G2, {@code h:} XHTML.
	 */
	private record Read(Document document) {

		private static final NamespaceContext NAMESPACES = new NamespaceContext() {

			@Override
			public String getNamespaceURI(String prefix) {
				return switch (prefix) {
					case "g" -> NewsmlG2.NAR;
					case "h" -> "http://www.w3.org/1999/xhtml";
					case "xml" -> XMLConstants.XML_NS_URI;
					default -> XMLConstants.NULL_NS_URI;
				};
			}

			@Override
			public String getPrefix(String namespaceURI) {
				throw new UnsupportedOperationException();
			}

			@Override
			public Iterator<String> getPrefixes(String namespaceURI) {
				throw new UnsupportedOperationException();
			}

		};

		String text(String expression) throws Exception {
			List<String> all = all(expression);
			assertThat(all).as(expression).hasSize(1);
			return all.get(0);
		}

		List<String> all(String expression) throws Exception {
			XPath xpath = XPathFactory.newInstance().newXPath();
			xpath.setNamespaceContext(NAMESPACES);
			NodeList nodes = (NodeList) xpath.evaluate(expression, this.document, XPathConstants.NODESET);
			List<String> values = new ArrayList<>();
			for (int i = 0; i < nodes.getLength(); i++) {
				values.add(nodes.item(i).getTextContent());
			}
			return values;
		}

	}

}
