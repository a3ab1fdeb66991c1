package org.newswire;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Bodies are typed as plain text with a blank line between paragraphs; this is the one
 * place that decides where a paragraph ends.
 */
public final class Paragraphs {

	// Compiled once: every uncached article render splits each of its versions.
	private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\n\\s*\n");

	private static final Pattern LINE_BREAK = Pattern.compile("\\s*\n\\s*");

	private Paragraphs() {
	}

	public static List<String> split(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(PARAGRAPH_BREAK.split(text.replace("\r\n", "\n").replace('\r', '\n')))
			.map(Paragraphs::unwrap)
			.filter((paragraph) -> !paragraph.isEmpty())
			.toList();
	}

	private static String unwrap(String paragraph) {
		String stripped = paragraph.strip();
		return (stripped.indexOf('\n') < 0) ? stripped : LINE_BREAK.matcher(stripped).replaceAll(" ");
	}

	public static String join(List<String> paragraphs) {
		return String.join("\n\n", paragraphs);
	}

	/**
	 * A paragraph as a summary of at most {@code length} characters: cut after the last
	 * whole word that fits and closed with an ellipsis, so a listing or a link preview
	 * never ends in half a word. A paragraph that fits is left whole.
	 */
	public static String cutAtWord(String paragraph, int length) {
		if (paragraph.length() <= length) {
			return paragraph;
		}
		int cut = paragraph.lastIndexOf(' ', length - 1);
		return paragraph.substring(0, (cut > 0) ? cut : length - 1) + "\u2026";
	}

	/**
	 * Paragraphs as HTML for machine readers. They are stored as plain text, so
	 * everything in them is escaped: no markup from an editor reaches a client unescaped.
	 */
	public static String html(List<String> paragraphs) {
		StringBuilder html = new StringBuilder();
		for (String paragraph : paragraphs) {
			html.append("<p>").append(HtmlUtils.htmlEscape(paragraph, "UTF-8")).append("</p>");
		}
		return html.toString();
	}

}
