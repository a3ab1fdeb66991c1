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

	/**
	 * The aspect ratios, width by height, of the centre crops search engines ask an
	 * article's image in: Google's article guidance.
	 */
	public static final List<String> CROPS = List.of("16x9", "4x3", "1x1");

	/**
	 * The width crops are made at, the least that guidance asks, or as wide as the
	 * original allows.
	 */
	public static final int CROP_WIDTH = 1200;

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
	 * The JPEG centre crops in each of {@link #CROPS}, {@link #CROP_WIDTH} wide or as
	 * wide as the photo allows without enlarging it, each exactly in its ratio; a photo
	 * too small for a ratio has no crop in it. They are rendered the first time they are
	 * asked for.
	 */
	public List<Rendition> crops() {
		return CROPS.stream()
			.map((ratio) -> crop(this.hash, this.width, this.height, ratio))
			.filter((crop) -> crop.width() > 0)
			.toList();
	}

	/**
	 * The crop in the ratio of a photo of this size: a whole number of the ratio's units,
	 * so it is exactly in that ratio; {@code 0} wide when not even one unit fits.
	 */
	static Rendition crop(String hash, int width, int height, String ratio) {
		int across = Integer.parseInt(ratio.substring(0, ratio.indexOf('x')));
		int down = Integer.parseInt(ratio.substring(ratio.indexOf('x') + 1));
		int units = Math.min(CROP_WIDTH / across, Math.min(width / across, height / down));
		return new Rendition(units * across, units * down, "jpg",
				"/media/" + hash + "/" + ratio + "/" + units * across + ".jpg");
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
