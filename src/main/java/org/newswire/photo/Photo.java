package org.newswire.photo;

import java.util.List;

import org.newswire.PictureView;

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
		List<Rendition> renditions) implements PictureView {

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
	@Override
	public List<Rendition> renditions(String format) {
		return this.renditions.stream().filter((rendition) -> rendition.format().equals(format)).toList();
	}

	/**
	 * One encoding of the photo at one width.
	 *
	 * @param format {@code webp} or {@code jpg}
	 * @param url where it is served: {@code /media/{hash}/{width}.{format}}
	 */
	public record Rendition(int width, int height, String format, String url) implements PictureView.Source {

		static Rendition of(String hash, int width, int height, String format) {
			return new Rendition(width, height, format, "/media/" + hash + "/" + width + "." + format);
		}

	}

}
