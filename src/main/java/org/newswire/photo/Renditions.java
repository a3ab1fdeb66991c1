package org.newswire.photo;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.luciad.imageio.webp.WebPWriteParam;

/**
 * The renditions of a decoded original: at each of {@link Photo#WIDTHS} it is at least as
 * wide as, and at its own width when that is narrower than the widest, never enlarged;
 * each in WebP and JPEG, encoded anew from pixels, so no metadata of the upload (GPS
 * position, camera, EXIF) reaches a reader.
 */
final class Renditions {

	private static final float JPEG_QUALITY = 0.82f;

	private static final float WEBP_QUALITY = 0.80f;

	private Renditions() {
	}

	/**
	 * One encoded rendition.
	 *
	 * @param format {@code webp} or {@code jpg}
	 */
	record Encoded(int width, int height, String format, byte[] bytes) {
	}

	/**
	 * The widths a photo this wide gets renditions at, narrowest first.
	 */
	static List<Integer> widths(int width) {
		List<Integer> widths = new ArrayList<>(Photo.WIDTHS.stream().filter((w) -> w <= width).toList());
		int widest = Photo.WIDTHS.get(Photo.WIDTHS.size() - 1);
		if (width < widest && !widths.contains(width)) {
			widths.add(width);
		}
		return widths;
	}

	static int height(Original original, int width) {
		return Math.max(1, Math.round((float) original.height() * width / original.width()));
	}

	/**
	 * Every rendition, narrowest first, WebP before JPEG at each width; each narrower one
	 * is scaled from the one above it, which keeps the scaling cheap.
	 */
	static List<Encoded> render(Original original) {
		List<Integer> widths = widths(original.width());
		List<Encoded> encoded = new ArrayList<>();
		BufferedImage source = original.picture();
		for (int i = widths.size() - 1; i >= 0; i--) {
			int width = widths.get(i);
			source = scale(source, width, height(original, width));
			encoded.add(0, new Encoded(width, source.getHeight(), "jpg", jpeg(source)));
			encoded.add(0, new Encoded(width, source.getHeight(), "webp", webp(source)));
		}
		return encoded;
	}

	/**
	 * Halves the picture while it stays at least twice the target, then scales the rest
	 * bilinearly: one bilinear step over a large factor would skip most pixels and
	 * shimmer.
	 */
	static BufferedImage scale(BufferedImage picture, int width, int height) {
		BufferedImage current = picture;
		while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
			current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
		}
		return (current.getWidth() == width && current.getHeight() == height) ? current : draw(current, width, height);
	}

	private static BufferedImage draw(BufferedImage picture, int width, int height) {
		BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = scaled.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.drawImage(picture, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return scaled;
	}

	static byte[] jpeg(BufferedImage picture) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ImageWriteParam param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionQuality(JPEG_QUALITY);
		param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
		return write(writer, picture, param);
	}

	/**
	 * The writer is made from the library's own provider, as {@link Original} makes its
	 * reader.
	 */
	static byte[] webp(BufferedImage picture) {
		ImageWriter writer = new WebPImageWriterSpi().createWriterInstance(null);
		WebPWriteParam param = new WebPWriteParam(writer.getLocale());
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionType("Lossy");
		param.setCompressionQuality(WEBP_QUALITY);
		return write(writer, picture, param);
	}

	private static byte[] write(ImageWriter writer, BufferedImage picture, ImageWriteParam param) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
			writer.setOutput(output);
			writer.write(null, new IIOImage(picture, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

}
