package org.newswire.article;

import java.util.Arrays;
import java.util.List;

/**
 * Bodies are typed as plain text with a blank line between paragraphs; this is the one
 * place that decides where a paragraph ends.
 */
public final class Paragraphs {

	private Paragraphs() {
	}

	public static List<String> split(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n"))
			.map((paragraph) -> paragraph.strip().replaceAll("\\s*\n\\s*", " "))
			.filter((paragraph) -> !paragraph.isEmpty())
			.toList();
	}

	public static String join(List<String> paragraphs) {
		return String.join("\n\n", paragraphs);
	}

}
