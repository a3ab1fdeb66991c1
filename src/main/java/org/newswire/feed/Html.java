package org.newswire.feed;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * Article bodies as HTML for machine readers. Paragraphs are stored as plain text, so
 * everything in them is escaped: no markup from an editor reaches a client unescaped.
 */
final class Html {

	private Html() {
	}

	static String paragraphs(List<String> paragraphs) {
		StringBuilder html = new StringBuilder();
		for (String paragraph : paragraphs) {
			html.append("<p>").append(HtmlUtils.htmlEscape(paragraph, "UTF-8")).append("</p>");
		}
		return html.toString();
	}

}
