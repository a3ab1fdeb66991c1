package org.newswire.article.internal;

import java.text.Normalizer;
import java.util.Locale;

import org.springframework.modulith.NamedInterface;

/**
 * Turns a headline into the readable part of an article URL. Exposed to the archive
 * generator only until the article API offers slugs (issue 18).
 */
@NamedInterface("slugs")
public final class Slugs {

	private static final int MAX_LENGTH = 80;

	private Slugs() {
	}

	public static String of(String headline) {
		String ascii = Normalizer.normalize(headline, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
		if (slug.length() > MAX_LENGTH) {
			slug = slug.substring(0, MAX_LENGTH).replaceAll("-[^-]*$", "");
		}
		return slug.isEmpty() ? "story" : slug;
	}

}
