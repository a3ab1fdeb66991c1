package org.newswire.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds what in a rendered page could run code or restyle it: the signs that typed text
 * escaped its encoding. Our own pages load scripts and styles only from files of our own
 * origin, and never use inline handlers, so anything else is injected.
 */
final class ActiveContent {

	/** Elements our pages never use and an attacker would. */
	private static final Set<String> FORBIDDEN = Set.of("iframe", "frame", "frameset", "object", "embed", "applet",
			"svg", "math", "base", "style", "video", "audio", "details", "marquee", "isindex");

	private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href",
			"data", "poster", "background", "lowsrc", "dynsrc");

	private ActiveContent() {
	}

	static List<String> in(Document page) {
		List<String> found = new ArrayList<>();
		for (Element element : page.getAllElements()) {
			String tag = element.normalName();
			if (FORBIDDEN.contains(tag)) {
				found.add("element <" + tag + ">");
			}
			// Our photos' <picture> offers its renditions in <source>; anywhere else it
			// feeds
			// a media element an attacker brought.
			if (tag.equals("source")
					&& (element.parent() == null || !element.parent().normalName().equals("picture"))) {
				found.add("element <source> outside <picture>");
			}
			if (element.hasClass("xss-marker")) {
				found.add("injected element <" + tag + " class=xss-marker>");
			}
			if (tag.equals("script") && isDataBlock(element)) {
				// JSON-LD is data, never run; typed text inside must not close the
				// element.
				if (element.data().contains("<")) {
					found.add("markup inside data block " + element.outerHtml());
				}
			}
			else if (tag.equals("script") && (!isOwnUrl(element.attr("src")) || !element.data().isBlank())) {
				found.add("script " + element.outerHtml());
			}
			if (tag.equals("meta") && element.hasAttr("http-equiv")) {
				found.add("meta http-equiv " + element.attr("http-equiv"));
			}
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey().toLowerCase(Locale.ROOT);
				if (name.startsWith("on") || name.equals("style") || name.equals("srcdoc")
						|| name.equals("autofocus")) {
					found.add("attribute " + name + " on <" + tag + ">");
				}
				if (URL_ATTRIBUTES.contains(name) && isScriptUrl(attribute.getValue())) {
					found.add("URL " + attribute.getValue() + " in " + name + " on <" + tag + ">");
				}
			}
		}
		return found;
	}

	private static boolean isDataBlock(Element script) {
		String type = script.attr("type").strip().toLowerCase(Locale.ROOT);
		return !script.hasAttr("src") && (type.equals("application/ld+json") || type.equals("application/json"));
	}

	private static boolean isOwnUrl(String url) {
		return url.startsWith("/") && !url.startsWith("//");
	}

	private static boolean isScriptUrl(String value) {
		String url = value.replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
		return url.startsWith("javascript:") || url.startsWith("vbscript:") || url.startsWith("data:");
	}

}
