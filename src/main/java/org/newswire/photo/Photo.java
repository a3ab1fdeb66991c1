package org.newswire.photo;

import java.util.List;

/**
 * A stored photo as pages, feeds and the desk show it.
 *
 * @param hash SHA-256 of the original, which its media URLs are addressed by
 * @param width the width of the picture as shown (after its EXIF orientation)
 * @param height its height
 * @param alt the text that stands for it, as the editor wrote it
 * @param caption what it shows, or {@code null}
 * @param credit who made it, or {@code null}
 * @param renditions every stored rendition, narrowest first, WebP before JPEG at each
 * width
 */
public record Photo(long id, String hash, int width, int height, String alt, String caption, String credit,
		List<Rendition> renditions) {

	/** The formats renditions come in, in the order a picture element offers them. */
	public static final List<String> FORMATS = List.of("webp", "jpg");

	/** The widths renditions are made at, never wider than the original. */
	public static final List<Integer> WIDTHS = List.of(320, 640, 960, 1280, 1600);

	public Photo {
		renditions = List.copyOf(renditions);
	}

	/**
	 * The renditions in one format, narrowest first.
	 */
	public List<Rendition> renditions(String format) {
		return this.renditions.stream().filter((rendition) -> rendition.format().equals(format)).toList();
	}

	/**
	 * The narrowest rendition in the format at least {@code width} wide, or the widest
	 * when none is: what a browser without {@code srcset}, a link preview or a feed
	 * reader gets.
	 */
	public Rendition atLeast(String format, int width) {
		List<Rendition> sources = renditions(format);
		return sources.stream()
			.filter((source) -> source.width() >= width)
			.findFirst()
			.orElse(sources.get(sources.size() - 1));
	}

	/**
	 * The renditions of the format as a {@code srcset}:
	 * {@code /media/…/320.webp 320w, …}.
	 */
	public String srcset(String format) {
		return String.join(", ",
				renditions(format).stream().map((source) -> source.url() + " " + source.width() + "w").toList());
	}

	/**
	 * One encoding of the photo at one width.
	 *
	 * @param format {@code webp} or {@code jpg}
	 * @param url where it is served: {@code /media/{hash}/{width}.{format}}
	 */
	public record Rendition(int width, int height, String format, String url) {

		static Rendition of(String hash, int width, int height, String format) {
			return new Rendition(width, height, format, "/media/" + hash + "/" + width + "." + format);
		}

		/** Its media type. */
		public String mediaType() {
			return "jpg".equals(this.format) ? "image/jpeg" : "image/" + this.format;
		}

	}

}
