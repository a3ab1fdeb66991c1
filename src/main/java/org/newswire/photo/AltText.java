package org.newswire.photo;

import java.util.Locale;

/**
 * The rules alt text must meet: it stands for the photo for readers who cannot see it, so
 * it must say something, at most {@link PhotoLibrary#MAX_ALT} characters, and be neither
 * the file's name nor the caption, which such readers get anyway.
 */
final class AltText {

	private AltText() {
	}

	/**
	 * The alt text, stripped.
	 * @throws PhotoRefusedException with what is wrong with it
	 */
	static String check(String alt, String fileName, String caption) {
		String text = (alt != null) ? alt.strip() : "";
		if (text.isEmpty()) {
			throw new PhotoRefusedException(
					"Alt text is required: describe what the photo shows for readers who cannot see it.", true);
		}
		if (text.length() > PhotoLibrary.MAX_ALT) {
			throw new PhotoRefusedException(
					"Alt text is at most " + PhotoLibrary.MAX_ALT + " characters; this has " + text.length() + ".",
					true);
		}
		if (fileName != null && (same(text, fileName) || same(text, stem(fileName)))) {
			throw new PhotoRefusedException("Alt text must describe the photo, not repeat its file name.", true);
		}
		if (caption != null && same(text, caption)) {
			throw new PhotoRefusedException(
					"Alt text must describe what the photo shows, not repeat the caption, which readers get anyway.",
					true);
		}
		return text;
	}

	private static String stem(String fileName) {
		String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(0, dot) : name;
	}

	/**
	 * The same words, whatever the case, spacing and punctuation between them.
	 */
	private static boolean same(String a, String b) {
		return words(a).equals(words(b));
	}

	private static String words(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

}
