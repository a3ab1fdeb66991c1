package org.newswire;

import java.util.List;

/**
 * A picture as reader pages show it: its size as shown, the words that go with it, and
 * its renditions. Declared here, beside the other things every module shares, because the
 * article page shows one and the module that keeps pictures depends on the article module
 * (it reads which version has which picture): {@code photo.Photo} is the one
 * implementation.
 */
public interface PictureView {

	/** The width of the picture as shown, full size. */
	int width();

	/** Its height as shown, full size. */
	int height();

	/** The text that stands for it, as the editor wrote it. */
	String alt();

	/** What it shows, or {@code null}. */
	String caption();

	/** Who made it, or {@code null}. */
	String credit();

	/** The renditions in one format ({@code webp}, {@code jpg}), narrowest first. */
	List<? extends Source> renditions(String format);

	/**
	 * The narrowest rendition in the format at least {@code width} wide, or the widest
	 * when none is: what a browser without {@code srcset}, a link preview or a feed
	 * reader gets.
	 */
	default Source atLeast(String format, int width) {
		List<? extends Source> sources = renditions(format);
		for (Source source : sources) {
			if (source.width() >= width) {
				return source;
			}
		}
		return sources.get(sources.size() - 1);
	}

	/**
	 * The renditions of the format as a {@code srcset}:
	 * {@code /media/…/320.webp 320w, …}.
	 */
	default String srcset(String format) {
		return String.join(", ",
				renditions(format).stream().map((source) -> source.url() + " " + source.width() + "w").toList());
	}

	/**
	 * One encoding of the picture at one width.
	 */
	interface Source {

		int width();

		int height();

		/** {@code webp} or {@code jpg}. */
		String format();

		/** The path it is served at, from the site's root. */
		String url();

		/** Its media type. */
		default String mediaType() {
			return "jpg".equals(format()) ? "image/jpeg" : "image/" + format();
		}

	}

}
